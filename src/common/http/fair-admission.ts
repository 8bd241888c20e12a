import type { NextFunction, Request, Response } from 'express';

/**
 * Starts at most one request per turn of the event loop, in arrival order.
 *
 * libuv accepts one pending connection per turn of the loop, and Node runs every request that
 * arrived during a turn before polling again. Under load (say 50 clients, each request a few
 * milliseconds of CPU) a turn lasts as long as one request of every connected client, so new
 * connections were accepted one per turn and the last clients waited for more than 10 s for
 * their first answer. Starting each request in its own `setImmediate` gives the loop a poll
 * between two requests: connections are accepted as they come and every client is served in turn.
 */
export function fairAdmission() {
  const waiting: NextFunction[] = [];
  let scheduled = false;
  const startNext = (): void => {
    const next = waiting.shift();
    if (waiting.length > 0) setImmediate(startNext);
    else scheduled = false;
    next?.();
  };
  return (_req: Request, _res: Response, next: NextFunction): void => {
    waiting.push(next);
    if (!scheduled) {
      scheduled = true;
      setImmediate(startNext);
    }
  };
}
