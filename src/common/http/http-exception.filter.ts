import {
  type ArgumentsHost,
  BadRequestException,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Inject,
  Logger,
  Optional,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConstraintErrors } from '../../database/constraint-errors.js';
import { HTML_NOT_FOUND_PAGE, type HtmlNotFoundPage, wantsHtmlNotFound } from './html-not-found.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Requête invalide.',
  401: 'Authentification requise : envoyez un jeton valide (Authorization: Bearer …).',
  403: 'Accès refusé.',
  404: 'Ressource introuvable.',
  409: 'Conflit avec une modification concurrente.',
  413: 'Le corps de la requête dépasse la taille maximale autorisée (1 Mo).',
  415: 'Type de contenu non pris en charge : envoyez du JSON.',
  429: 'Trop de requêtes : réessayez plus tard.',
  500: 'Erreur interne du serveur. Rien n’a été enregistré ; réessayez ou contactez l’administrateur.',
  503: 'Service momentanément indisponible.',
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  [key: string]: unknown;
}

/** True when a message is one of the framework's English defaults rather than ours. */
function isFrameworkMessage(message: string): boolean {
  return /^(Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) |Unauthorized$|Forbidden|Not Found$|Forbidden resource$|Internal server error$|Validation failed|Bad Request$|Unexpected token|Payload Too Large|Conflict$)/.test(
    message,
  );
}

export function errorBody(status: number, payload: unknown): ErrorBody {
  const error = STATUS_TEXT[status] ?? 'Error';
  let message = DEFAULT_MESSAGES[status] ?? 'Erreur.';
  let extra: Record<string, unknown> = {};
  if (typeof payload === 'string' && !isFrameworkMessage(payload)) message = payload;
  if (payload && typeof payload === 'object') {
    const { message: m, statusCode: _s, error: _e, ...rest } = payload as Record<string, unknown>;
    const text = Array.isArray(m) ? m.join(' ') : typeof m === 'string' ? m : undefined;
    if (text && !isFrameworkMessage(text)) message = text;
    extra = rest;
  }
  return { statusCode: status, error, message, ...extra };
}

/**
 * Express's refusal of a path whose parameter is not valid percent-encoding (`/api/centres/%ZZ`),
 * in French; null for any other error.
 */
export function undecodablePathError(error: unknown): BadRequestException | null {
  if (!(error instanceof Error)) return null;
  const match = /^Failed to decode param '(.*)'$/s.exec(error.message);
  if (!match) return null;
  return new BadRequestException(
    `L’adresse demandée contient un paramètre mal encodé (« ${match[1].slice(0, 100)} ») : vérifiez le lien.`,
  );
}

/**
 * One error shape for every client: {statusCode, error, message} with a French message. A
 * database refusal of a unique key or foreign key (two requests racing past a service's own
 * check) answers 409 or 404 naming the field, not 500.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(
    private readonly constraints: ConstraintErrors,
    @Optional()
    @Inject(HTML_NOT_FOUND_PAGE)
    private readonly htmlNotFound: HtmlNotFoundPage | null = null,
  ) {}

  catch(caught: unknown, host: ArgumentsHost): void {
    const exception =
      this.constraints.toHttpException(caught) ?? undecodablePathError(caught) ?? caught;
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();
    let status: number = HttpStatus.INTERNAL_SERVER_ERROR;
    let payload: unknown;
    if (exception instanceof HttpException) {
      status = exception.getStatus();
      payload = exception.getResponse();
      if (status === 404 && typeof payload === 'object' && payload !== null) {
        const m = (payload as { message?: unknown }).message;
        if (typeof m === 'string' && m.startsWith('Cannot ')) {
          // A browser's unknown address: the dashboard's French page, under its layout.
          if (this.htmlNotFound && !response.headersSent && wantsHtmlNotFound(request)) {
            const page = this.htmlNotFound;
            page.send(request, response).catch((error: unknown) => {
              this.logger.error(error instanceof Error ? (error.stack ?? error.message) : error);
              if (!response.headersSent)
                response.status(404).type('text/plain').send('Page introuvable.');
            });
            return;
          }
          payload = `Route introuvable : ${request.method} ${request.path}.`;
        }
      }
    } else {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
    }
    if (response.headersSent) return;
    // A route's own headers (a calendar's or a PDF's type, an attachment's name) are set before
    // it runs: an error is JSON to read, not a file to save.
    response.removeHeader('Content-Disposition');
    response.removeHeader('Cache-Control');
    response.type('application/json');
    response.status(status).json(errorBody(status, payload));
  }
}
