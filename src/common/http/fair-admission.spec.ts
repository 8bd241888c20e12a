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
    // Five turns of the loop (not a timer: on a loaded machine a 20 ms timer fired between the
    // first and the second request, and the test failed for no fault of the code).
    for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['a', 'b', 'c']);
    expect(turns).toEqual(['after a']);
  });
});
