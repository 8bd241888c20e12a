import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Injectable,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { HtmlNotFoundPage } from '../common/http/html-not-found.js';
import { ConstraintErrors } from '../database/constraint-errors.js';
import { exceptionMessage } from './forms/form-input.js';
import { WebAuthService } from './web-auth.service.js';
import { isHtmx, WebPages, type WebRequest } from './web-pages.js';
import { readSessionCookie } from './web-session.js';

const TITLES: Record<number, string> = {
  400: 'Demande invalide',
  403: 'Accès refusé',
  404: 'Page introuvable',
  409: 'Modification impossible',
  413: 'Fichier trop volumineux',
  415: 'Type de contenu non pris en charge',
  429: 'Trop de tentatives',
};

/**
 * Errors of the dashboard's pages as French HTML: an unauthenticated visitor goes to the login
 * page (and comes back after), other errors show a page — or, for htmx, a message in the
 * page's alert zone — instead of the API's JSON.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebExceptionFilter');

  constructor(
    private readonly pages: WebPages,
    private readonly constraints: ConstraintErrors,
  ) {}

  catch(caught: unknown, host: ArgumentsHost): void {
    // A unique or foreign key refused by the database (a race past the service's check): 409/404.
    const exception = this.constraints.toHttpException(caught) ?? caught;
    const req = host.switchToHttp().getRequest<WebRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    const status =
      exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status === HttpStatus.UNAUTHORIZED) {
      const next = req.method === 'GET' ? req.originalUrl : '/sessions';
      const login = `/login?next=${encodeURIComponent(next)}`;
      if (isHtmx(req)) {
        res.status(401).setHeader('HX-Redirect', login).end();
      } else {
        res.redirect(303, login);
      }
      return;
    }
    let message: string;
    if (exception instanceof HttpException && status < 500) {
      message = exceptionMessage(exception);
      if (/^Cannot (GET|POST|HEAD) /.test(message)) message = 'Cette page n’existe pas.';
    } else {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
      message =
        'Erreur interne du serveur : rien n’a été enregistré. Réessayez ou contactez l’administrateur.';
    }
    if (isHtmx(req)) {
      res
        .status(status)
        .setHeader('HX-Retarget', '#global-alert')
        .setHeader('HX-Reswap', 'innerHTML')
        .type('html')
        .send(this.pages.fragment(req, 'partials/alert', { message }));
      return;
    }
    const title = TITLES[status] ?? 'Erreur';
    this.pages.render(
      req,
      res,
      'error',
      title,
      'none',
      { status, message, notFound: status === HttpStatus.NOT_FOUND },
      status,
    );
  }
}

/**
 * The French « Page introuvable » for a browser's unknown address (no route matched, so no guard
 * ran): the session cookie, when valid, still gives the layout its navigation.
 */
@Injectable()
export class WebNotFoundPage implements HtmlNotFoundPage {
  constructor(
    private readonly pages: WebPages,
    private readonly auth: WebAuthService,
  ) {}

  async send(request: Request, res: Response): Promise<void> {
    const req = request as WebRequest;
    const token = readSessionCookie(req.headers.cookie);
    const caller = await this.auth.callerOf(token);
    if (caller && token) {
      req.caller = caller;
      req.sessionToken = token;
    }
    if (res.headersSent) return;
    this.pages.render(
      req,
      res,
      'error',
      TITLES[404],
      'none',
      {
        status: 404,
        notFound: true,
        message: 'L’adresse demandée ne correspond à aucune page de Jalon.',
      },
      404,
    );
  }
}
