/** The part of an HTTP response that tells whether its client is still there. */
export interface ClosableResponse {
  /** The whole response was handed to the system. */
  readonly writableFinished: boolean;
  /** The connection is closed. */
  readonly destroyed: boolean;
  once(event: 'close', listener: () => void): unknown;
}

/**
 * A signal aborted when the client goes away (connection closed, request abandoned) before the
 * response is finished: the work done for that request alone can stop. A response closed after
 * it is finished aborts nothing.
 */
export function clientGoneSignal(res: ClosableResponse): AbortSignal {
  const controller = new AbortController();
  const onClose = (): void => {
    if (!res.writableFinished) controller.abort();
  };
  if (res.destroyed) onClose();
  else res.once('close', onClose);
  return controller.signal;
}
