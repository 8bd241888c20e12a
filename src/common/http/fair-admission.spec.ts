import type { NextFunction, Request, Response } from 'express';
import { fairAdmission } from './fair-admission.js';

const req = {} as Request;
const res = {} as Response;

describe('fairAdmission', () => {
  it('starts the waiting requests in arrival order, one per turn of the event loop', async () => {
    const admit = fairAdmission();
    const started: string[] = [];
    const turns: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      admit(req, res, (() => started.push(name)) as NextFunction);
    }
    expect(started).toEqual([]);
    // An I/O callback queued now runs between two requests, not after all of them.
    setImmediate(() => turns.push(`after ${started.join('')}`));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toEqual(['a', 'b', 'c']);
    expect(turns).toEqual(['after a']);
  });
});
