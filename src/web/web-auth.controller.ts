import {
  Body,
  Controller,
  Get,
  HttpException,
  Ip,
  Post,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AllowViewer, Public } from '../auth/auth.decorators.js';
import { TokenRequestDto } from '../auth/dto/token-request.dto.js';
import { landingPath } from './deadlines/deadline-rules.js';
import { labelOf } from './forms/field-labels.js';
import { exceptionMessage, text, validateForm, type FormBody } from './forms/form-input.js';
import { WebAuthService } from './web-auth.service.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import { WebPages, type WebRequest } from './web-pages.js';
import {
  CSRF_FIELD,
  loginCsrfCookieName,
  newLoginCsrf,
  parseCookies,
  readSessionCookie,
  safeNextPath,
  sameToken,
  serializeCookie,
  servedOverHttps,
  sessionCookieName,
} from './web-session.js';

const LOGIN_LABELS = labelOf({ email: 'Adresse e-mail', password: 'Mot de passe' });

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class WebAuthController {
  constructor(
    private readonly auth: WebAuthService,
    private readonly pages: WebPages,
  ) {}

  private secure(req: WebRequest): boolean {
    return servedOverHttps(this.auth.appUrl, req.secure);
  }

  @Public()
  @Get()
  async root(@Req() req: WebRequest, @Res() res: Response): Promise<void> {
    const caller = await this.auth.callerOf(readSessionCookie(req.headers.cookie));
    res.redirect(303, caller ? landingPath(caller.role) : '/login');
  }

  @Public()
  @Get('login')
  async form(@Req() req: WebRequest, @Res() res: Response): Promise<void> {
    const next = safeNextPath(req.query.next, '/');
    if (await this.auth.callerOf(readSessionCookie(req.headers.cookie))) {
      res.redirect(303, next);
      return;
    }
    this.renderLogin(req, res, { email: '', next, error: null, status: 200 });
  }

  @Public()
  @Post('login')
  async submit(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: FormBody,
    @Ip() ip: string,
  ): Promise<void> {
    const next = safeNextPath(text(body, 'next'), '/');
    const email = text(body, 'email');
    const expected = parseCookies(req.headers.cookie).get(loginCsrfCookieName(this.secure(req)));
    if (!expected || !sameToken(expected, body[CSRF_FIELD])) {
      this.renderLogin(req, res, {
        email,
        next,
        error: 'Le formulaire a expiré : saisissez à nouveau vos identifiants.',
        status: 403,
      });
      return;
    }
    const validated = await validateForm(
      TokenRequestDto,
      { email, password: text(body, 'password') },
      LOGIN_LABELS,
    );
    if (!validated.dto) {
      this.renderLogin(req, res, {
        email,
        next,
        error: Object.values(validated.errors).join(' '),
        status: 400,
      });
      return;
    }
    let token: string;
    try {
      token = await this.auth.login(
        validated.dto.email,
        validated.dto.password,
        ip,
        readSessionCookie(req.headers.cookie),
      );
    } catch (error) {
      if (!(error instanceof HttpException)) throw error;
      this.renderLogin(req, res, {
        email,
        next,
        error: exceptionMessage(error),
        status: error.getStatus(),
      });
      return;
    }
    const secure = this.secure(req);
    res.setHeader('Set-Cookie', [
      serializeCookie(sessionCookieName(secure), token, {
        secure,
        maxAge: this.auth.sessionSeconds,
      }),
      serializeCookie(loginCsrfCookieName(secure), '', { secure, maxAge: 0 }),
    ]);
    res.redirect(303, next);
  }

  @AllowViewer()
  @Post('logout')
  async logout(@Req() req: WebRequest, @Res() res: Response): Promise<void> {
    if (req.tokenId) await this.auth.logout(req.tokenId);
    const secure = this.secure(req);
    res.setHeader(
      'Set-Cookie',
      serializeCookie(sessionCookieName(secure), '', { secure, maxAge: 0 }),
    );
    this.pages.redirect(res, '/login', 'logout');
  }

  private renderLogin(
    req: WebRequest,
    res: Response,
    view: { email: string; next: string; error: string | null; status: number },
  ): void {
    const secure = this.secure(req);
    const loginCsrf = newLoginCsrf();
    res.setHeader(
      'Set-Cookie',
      serializeCookie(loginCsrfCookieName(secure), loginCsrf, { secure, maxAge: 3600 }),
    );
    const html = this.pages.html(req, 'login', 'Connexion', 'none', {
      email: view.email,
      next: view.next,
      error: view.error,
      loginCsrf,
    });
    this.pages.send(res, html, view.status);
  }
}
