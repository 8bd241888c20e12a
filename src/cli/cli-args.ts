export interface ParsedArgs {
  command: string | undefined;
  options: Record<string, string | true>;
}

/** Parses `command --key value --flag` arguments. */
export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const options: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('--')) throw new Error(`Argument inattendu : ${arg}`);
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (inline !== undefined) options[key] = inline;
    else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) options[key] = rest[++i];
    else options[key] = true;
  }
  return { command, options };
}

export function requireOption(options: ParsedArgs['options'], name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '')
    throw new Error(`Option obligatoire manquante : --${name}`);
  return value;
}
