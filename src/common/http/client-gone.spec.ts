import { EventEmitter } from 'node:events';
import { clientGoneSignal } from './client-gone.js';

class FakeResponse extends EventEmitter {
  writableFinished = false;
  destroyed = false;

  close(finished: boolean): void {
    this.writableFinished = finished;
    this.destroyed = true;
    this.emit('close');
  }
}

describe('clientGoneSignal', () => {
  it('aborts when the connection closes before the response is finished', () => {
    const res = new FakeResponse();
    const signal = clientGoneSignal(res);
    expect(signal.aborted).toBe(false);
    res.close(false);
    expect(signal.aborted).toBe(true);
  });

  it('aborts nothing when the response was finished', () => {
    const res = new FakeResponse();
    const signal = clientGoneSignal(res);
    res.close(true);
    expect(signal.aborted).toBe(false);
  });

  it('is aborted at once when the client has already gone', () => {
    const res = new FakeResponse();
    res.destroyed = true;
    expect(clientGoneSignal(res).aborted).toBe(true);
  });
});
