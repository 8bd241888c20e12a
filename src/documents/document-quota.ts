/**
 * Caps on the documents in progress (being rendered or waiting their turn), per user and per
 * centre, so that nobody fills the renderer's line for everyone else: beyond them, 429.
 */
import { HttpException, HttpStatus } from '@nestjs/common';

/** `pack`: the ZIP of a session (about 70 documents); `single`: one PDF. */
export type DocumentWork = 'single' | 'pack';

export type QuotaScope = 'user' | 'centre';

export interface DocumentCaps {
  /** ZIPs in progress at once. */
  packs: number;
  /** Requests in progress at once, ZIPs included. */
  requests: number;
}

/** The caps in force: a user, or all the users of a centre together. */
export const DOCUMENT_CAPS: Readonly<Record<QuotaScope, DocumentCaps>> = {
  user: { packs: 2, requests: 4 },
  centre: { packs: 4, requests: 8 },
};

/** Seconds suggested to the client (`Retry-After`). */
export const RETRY_AFTER_SECONDS = 5;

export const TOO_MANY_DOCUMENTS: Readonly<Record<QuotaScope, string>> = {
  user: 'Trop de documents en cours de préparation pour votre compte : réessayez dans un instant.',
  centre: 'Trop de documents en cours de préparation pour ce centre : réessayez dans un instant.',
};

export class TooManyDocumentsException extends HttpException {
  constructor(readonly scope: QuotaScope) {
    super(TOO_MANY_DOCUMENTS[scope], HttpStatus.TOO_MANY_REQUESTS);
  }
}

interface Counts {
  packs: number;
  requests: number;
}

export class DocumentQuota {
  private readonly counts = new Map<string, Counts>();

  constructor(private readonly caps: Readonly<Record<QuotaScope, DocumentCaps>> = DOCUMENT_CAPS) {}

  /**
   * Counts one request in progress for this user or centre, or throws TooManyDocumentsException
   * beyond the caps. Returns the function that ends it (once; later calls do nothing).
   */
  enter(scope: QuotaScope, id: string, work: DocumentWork): () => void {
    const key = `${scope}:${id}`;
    const counts = this.counts.get(key) ?? { packs: 0, requests: 0 };
    const caps = this.caps[scope];
    const isPack = work === 'pack';
    if (counts.requests >= caps.requests || (isPack && counts.packs >= caps.packs)) {
      throw new TooManyDocumentsException(scope);
    }
    counts.requests++;
    if (isPack) counts.packs++;
    this.counts.set(key, counts);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      counts.requests--;
      if (isPack) counts.packs--;
      if (counts.requests === 0) this.counts.delete(key);
    };
  }

  /** Requests in progress for this user or centre. */
  inProgress(scope: QuotaScope, id: string): DocumentCaps {
    const counts = this.counts.get(`${scope}:${id}`);
    return { packs: counts?.packs ?? 0, requests: counts?.requests ?? 0 };
  }

  /** Users and centres with a request in progress (0 when all is done). */
  get size(): number {
    return this.counts.size;
  }
}
