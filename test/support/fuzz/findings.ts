import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';

/** The English texts of Express, Nest, body-parser, zlib or JSON.parse that must not reach users. */
const ENGLISH_MESSAGE =
  /^(Bad Request|Unauthorized|Forbidden|Not Found|Internal server error|Internal Server Error|Cannot |Unexpected|Payload Too Large|Conflict|Validation failed|Unsupported|request entity|invalid json|incorrect header|unexpected end|Error\b)/i;
const ENGLISH_ANYWHERE =
  /(must be|should not|is not a|is required|not allowed|Unexpected token|Unexpected end|incorrect header check|unexpected end of file|Bad Request|Internal Server Error|\[object Object\]|undefined|in JSON at position|Cannot read prop)/;
const FRENCH =
  /[«»’éèêàâçùûîôœÉÈÀ]|\b(le|la|les|de|du|des|aux|un|une|est|et|pas|doit|champ|requête|introuvable|refusé|jeton|accès|vous|elles?|sur|pour|avec|dans|ou|bloquants?|points?)\b/i;

/** What is quoted from the input (« … ») is the client's text, not ours: do not judge it. */
function ownText(message: string): string {
  return message.replace(/«[^»]*»/g, '« »');
}

/** Why this message is not a clear French message, or null when it is one. */
export function frenchMessageProblem(message: unknown): string | null {
  if (typeof message !== 'string' || message.trim() === '') return 'no message';
  const own = ownText(message);
  if (ENGLISH_MESSAGE.test(own.trim()) || ENGLISH_ANYWHERE.test(own))
    return `English or technical message: ${message.slice(0, 160)}`;
  if (!FRENCH.test(own)) return `message not in French: ${message.slice(0, 160)}`;
  return null;
}

export interface Finding {
  /** The route (`PATCH /api/sessions/{id}`) or form (`POST /sessions/:id/edit`). */
  target: string;
  /** The property that failed, e.g. `5xx`, `4xx not in French`, `data changed on 4xx`. */
  problem: string;
  status: number;
  /** A short description of the generated input. */
  input: string;
  /** The server's message, or the error it logged for a 5xx. */
  detail: string;
  run: number;
  seed: number;
}

/** Server-side errors logged while a request ran (Nest's Logger, used by both exception filters). */
export class ServerErrors {
  private readonly logged: string[] = [];

  install(): void {
    jest.spyOn(Logger.prototype, 'error').mockImplementation((message: unknown) => {
      const text = typeof message === 'string' ? message : String(message);
      this.logged.push(text.split('\n').slice(0, 2).join(' | '));
    });
  }

  take(): string {
    const text = this.logged.join(' || ');
    this.logged.length = 0;
    return text;
  }
}

/** The distinct findings of a run: one per route or form, problem and cause. */
export class Findings {
  private readonly byKey = new Map<string, Finding & { count: number }>();

  add(finding: Finding): void {
    const key = [finding.target, finding.problem, finding.status, normalise(finding.detail)].join(
      ' ¦ ',
    );
    const known = this.byKey.get(key);
    if (known) known.count++;
    else this.byKey.set(key, { ...finding, count: 1 });
  }

  get size(): number {
    return this.byKey.size;
  }

  list(): (Finding & { count: number })[] {
    return [...this.byKey.values()];
  }

  /** One line per distinct finding, to read in Jest's failure output. */
  report(): string {
    return this.list()
      .map(
        (f) =>
          `- ${f.target} → ${f.status} [${f.problem}] ×${f.count} (seed ${f.seed}, run ${f.run})\n` +
          `    input: ${f.input}\n    detail: ${f.detail}`,
      )
      .join('\n');
  }
}

/** Ids, numbers and quoted input vary between runs: compare causes without them. */
function normalise(detail: string): string {
  return detail
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/«[^»]*»/g, '«»')
    .replace(/"[^"]*"/g, '""')
    .replace(/'[^']*'/g, "''")
    .replace(/\d+/g, 'N')
    .slice(0, 200);
}

/** A short, printable description of a value (hostile characters escaped, long text cut). */
export function describe(value: unknown): string {
  const text =
    typeof value === 'string'
      ? value
      : (JSON.stringify(value, (_k, v: unknown) =>
          typeof v === 'string' && v.length > 60 ? `${v.slice(0, 20)}…(${v.length} chars)` : v,
        ) ?? String(value));
  const escaped = JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}…` : text).replace(
    /[\u0080-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ufeff\ud800-\udfff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.slice(1, -1);
}
