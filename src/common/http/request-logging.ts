import type { NextFunction, Request, Response } from 'express';
import type { JsonLogger } from './json-logger.js';

/** Paths whose last segment is a secret (feed URLs, set-up links) are logged without it. */
function safePath(path: string): string {
  return path.replace(/(\/feed\/)[^/]+/, '$1[caché]');
}

export function requestLogging(logger: JsonLogger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const caller = (req as Request & { caller?: { userId: string } }).caller;
      logger.request({
        method: req.method,
        path: safePath(req.path),
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
        userId: caller?.userId,
      });
    });
    next();
  };
}
