import type { LoggerService } from '@nestjs/common';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = keyof typeof LEVELS;

const SECRET_KEYS = /password|token|secret|authorization|cookie/i;

function scrub(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(scrub);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      SECRET_KEYS.test(k) ? '[caché]' : scrub(v),
    ]),
  );
}

/** Structured logs: one JSON object per line on stdout. Secrets are never written. */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly level: LogLevel = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {}

  private emit(
    level: Exclude<LogLevel, 'silent'>,
    message: unknown,
    context?: unknown,
    extra?: object,
  ): void {
    if (LEVELS[level] < LEVELS[this.level]) return;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level };
    if (typeof context === 'string') entry.context = context;
    if (message && typeof message === 'object') Object.assign(entry, scrub(message));
    else entry.msg = String(message);
    if (extra) Object.assign(entry, scrub(extra));
    this.write(JSON.stringify(entry));
  }

  log(message: unknown, context?: unknown): void {
    this.emit('info', message, context);
  }

  error(message: unknown, trace?: unknown, context?: unknown): void {
    this.emit(
      'error',
      message,
      context ?? trace,
      typeof trace === 'string' && context ? { trace } : undefined,
    );
  }

  warn(message: unknown, context?: unknown): void {
    this.emit('warn', message, context);
  }

  debug(message: unknown, context?: unknown): void {
    this.emit('debug', message, context);
  }

  verbose(message: unknown, context?: unknown): void {
    this.emit('debug', message, context);
  }

  /** One line per HTTP request. */
  request(fields: {
    method: string;
    path: string;
    status: number;
    durationMs: number;
    userId?: string;
  }): void {
    this.emit('info', { msg: 'request', ...fields });
  }
}
