import type { Request, Response } from 'express';

/**
 * The dashboard's « page introuvable » for a browser that asked for an unknown address: the
 * global filter hands such requests over to it (the dashboard module provides it), while the
 * API's paths keep their JSON 404.
 */
export const HTML_NOT_FOUND_PAGE = Symbol('HTML_NOT_FOUND_PAGE');

export interface HtmlNotFoundPage {
  send(req: Request, res: Response): Promise<void>;
}

/**
 * Whether an unknown address should be answered with an HTML page: a GET (or HEAD) outside
 * `/api`, from a client that accepts HTML (a browser), not an htmx swap.
 */
export function wantsHtmlNotFound(req: {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (req.path === '/api' || req.path.startsWith('/api/')) return false;
  if (req.headers['hx-request'] === 'true') return false;
  const accept = req.headers.accept;
  const text = Array.isArray(accept) ? accept.join(',') : (accept ?? '');
  return /(^|,)\s*text\/html\s*(;|,|$)/i.test(text);
}
