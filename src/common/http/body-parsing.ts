import express, { type NextFunction, type Request, type Response } from 'express';
import { errorBody } from './http-exception.filter.js';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

/** JSON and form bodies up to 1 MB; parse errors answer 4xx in the API's error shape. */
export function bodyParsers(): express.RequestHandler[] {
  return [express.json({ limit: '1mb' }), express.urlencoded({ extended: false, limit: '1mb' })];
}

export function bodyErrorHandler(
  error: BodyParserError,
  _req: Request,
  res: Response,
  next: NextFunction,
): void {
  if (!error || typeof error.type !== 'string') {
    next(error);
    return;
  }
  if (error.type === 'entity.parse.failed') {
    res.status(400).json(errorBody(400, 'Le corps de la requête n’est pas un JSON valide.'));
  } else if (error.type === 'entity.too.large') {
    res.status(413).json(errorBody(413, undefined));
  } else if (error.type === 'charset.unsupported' || error.type === 'encoding.unsupported') {
    res.status(415).json(errorBody(415, 'Encodage du corps de la requête non pris en charge.'));
  } else {
    res.status(error.status ?? 400).json(errorBody(error.status ?? 400, undefined));
  }
}
