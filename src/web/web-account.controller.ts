import {
  Body,
  Controller,
  Get,
  HttpException,
  Ip,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccountService, ResetLinkRefused } from '../auth/account.service.js';
import { AllowViewer, CurrentCaller, Public } from '../auth/auth.decorators.js';
import { ChangePasswordDto, ForgotPasswordDto, ResetPasswordDto } from '../auth/dto/account.dto.js';
import { RESET_REQUEST_ANSWER } from '../auth/password-reset-rules.js';
import type { Caller } from '../common/caller.js';
import { MIN_PASSWORD_LENGTH } from '../users/password.js';
import { confirmationError, passwordError } from '../users/user-rules.js';
import { UsersService } from '../users/users.service.js';
import { labelOf } from './forms/field-labels.js';
import { formView, type FieldSpec } from './forms/form-fields.js';
import { FORM_ERROR, exceptionMessage, text, type FormBody } from './forms/form-input.js';
import { FormPages } from './forms/form-pages.js';
import { freshForm, submit, type FormState } from './forms/form-support.js';
import { ROLE_LABELS } from './views/labels.js';
import { WebAuthService } from './web-auth.service.js';
import { WebExceptionFilter } from './web-exception.filter.js';
import { WebPages, type WebRequest } from './web-pages.js';
import {
  CSRF_FIELD,
  loginCsrfCookieName,
  newLoginCsrf,
  parseCookies,
  sameToken,
  serializeCookie,
  servedOverHttps,
} from './web-session.js';

const LABELS = labelOf({
  currentPassword: 'Mot de passe actuel',
  newPassword: 'Nouveau mot de passe',
  newPasswordConfirmation: 'Confirmation du nouveau mot de passe',
  email: 'Adresse e-mail',
  token: 'Lien de réinitialisation',
});

const NEW_PASSWORD_HINT = `${MIN_PASSWORD_LENGTH} caractères au moins. Une phrase de plusieurs mots est facile à retenir.`;

const CHANGE_SPECS: readonly FieldSpec[] = [
  {
    name: 'currentPassword',
    label: 'Mot de passe actuel',
    kind: 'password',
    required: true,
    autocomplete: 'current-password',
    wide: true,
  },
  {
    name: 'newPassword',
    label: 'Nouveau mot de passe',
    kind: 'password',
    required: true,
    autocomplete: 'new-password',
    hint: NEW_PASSWORD_HINT,
    wide: true,
  },
  {
    name: 'newPasswordConfirmation',
    label: 'Confirmation du nouveau mot de passe',
    kind: 'password',
    required: true,
    autocomplete: 'new-password',
    wide: true,
  },
];

const FORGOT_SPECS: readonly FieldSpec[] = [
  {
    name: 'email',
    label: 'Adresse e-mail du compte',
    kind: 'email',
    required: true,
    autocomplete: 'username',
    wide: true,
  },
];

const RESET_SPECS: readonly FieldSpec[] = CHANGE_SPECS.filter((s) => s.name !== 'currentPassword');

/** The form's own check: the new password typed twice the same. */
function confirmationChecks(body: FormBody): Record<string, string> {
  const problem = confirmationError(
    text(body, 'newPassword'),
    text(body, 'newPasswordConfirmation'),
  );
  return problem ? { [problem.field]: problem.message } : {};
}

/**
 * « Mon compte » (every user changes their password) and « Mot de passe oublié » (public pages:
 * the request of a link by e-mail, then the new password with that link). The public forms carry
 * the login form's double-submit CSRF token (there is no session yet).
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class WebAccountController {
  constructor(
    private readonly account: AccountService,
    private readonly users: UsersService,
    private readonly auth: WebAuthService,
    private readonly pages: WebPages,
    private readonly forms: FormPages,
  ) {}

  @Get('account')
  async page(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    await this.renderAccount(req, res, caller, freshForm());
  }

  @AllowViewer()
  @Post('account/password')
  async changePassword(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Body() body: FormBody,
    @Ip() ip: string,
  ): Promise<void> {
    const plain = {
      currentPassword: text(body, 'currentPassword'),
      newPassword: text(body, 'newPassword'),
    };
    await this.forms.submit(
      { req, res },
      {
        dto: ChangePasswordDto,
        plain,
        checks: confirmationChecks(body),
        rules: [plain.newPassword === '' ? null : passwordError(plain.newPassword, 'newPassword')],
        labels: LABELS,
        work: (dto) => this.account.changePassword(caller, dto, req.tokenId ?? null, ip),
        done: { to: '/account', flash: 'password-changed' },
        again: (refusal) => this.renderAccount(req, res, caller, { values: {}, ...refusal }),
      },
    );
  }

  @Public()
  @Get('password/forgot')
  forgotForm(@Req() req: WebRequest, @Res() res: Response): void {
    this.renderForgot(req, res, { values: {}, errors: null, status: 200 }, false);
  }

  /** The same answer whether an account has this address or not (no account enumeration). */
  @Public()
  @Post('password/forgot')
  async forgot(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Body() body: FormBody,
    @Ip() ip: string,
  ): Promise<void> {
    const values = { email: text(body, 'email') };
    if (!this.publicCsrfOk(req, body)) {
      this.renderForgot(req, res, { values, errors: expiredForm(), status: 403 }, false);
      return;
    }
    const result = await submit(ForgotPasswordDto, values, LABELS, (dto) =>
      this.account.requestReset(dto.email, ip),
    );
    if (!result.ok) {
      this.renderForgot(req, res, { values, errors: result.errors, status: result.status }, false);
      return;
    }
    this.renderForgot(req, res, freshForm(), true);
  }

  @Public()
  @Get('password/reset')
  async resetForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query('token') token: unknown,
  ): Promise<void> {
    const secret = typeof token === 'string' && /^[\w-]{10,200}$/.test(token) ? token : null;
    const state = secret === null ? 'unknown' : await this.account.resetLinkState(secret);
    if (state !== 'valid') {
      this.renderRefused(req, res, new ResetLinkRefused(state));
      return;
    }
    this.renderReset(req, res, secret ?? '', freshForm());
  }

  @Public()
  @Post('password/reset')
  async reset(@Req() req: WebRequest, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    const token = text(body, 'token');
    const plain = { token, newPassword: text(body, 'newPassword') };
    if (!this.publicCsrfOk(req, body)) {
      this.renderReset(req, res, token, { values: {}, errors: expiredForm(), status: 403 });
      return;
    }
    const seen: { refused: ResetLinkRefused | null } = { refused: null };
    const result = await submit(
      ResetPasswordDto,
      plain,
      LABELS,
      async (dto) => {
        try {
          return await this.account.resetPassword(dto.token, dto.newPassword);
        } catch (error) {
          if (error instanceof ResetLinkRefused) seen.refused = error;
          throw error;
        }
      },
      {
        checks: confirmationChecks(body),
        rules: [plain.newPassword === '' ? null : passwordError(plain.newPassword, 'newPassword')],
      },
    );
    if (seen.refused) {
      this.renderRefused(req, res, seen.refused);
      return;
    }
    if (!result.ok) {
      this.renderReset(req, res, token, {
        values: {},
        errors: result.errors,
        status: result.status,
      });
      return;
    }
    this.pages.redirect(res, '/login', 'password-reset-done');
  }

  private async renderAccount(
    req: WebRequest,
    res: Response,
    caller: Caller,
    state: FormState,
  ): Promise<void> {
    const user = await this.users.get(caller.userId);
    this.pages.render(
      req,
      res,
      'account/index',
      'Mon compte',
      'none',
      {
        account: {
          email: user.email,
          name: `${user.firstName} ${user.lastName}`.trim(),
          role: ROLE_LABELS[user.role],
        },
        form: formView(CHANGE_SPECS, state.values, state.errors),
      },
      state.status,
    );
  }

  private renderForgot(req: WebRequest, res: Response, state: FormState, sent: boolean): void {
    const csrf = this.publicCsrf(req, res);
    const html = this.pages.html(req, 'account/forgot', 'Mot de passe oublié', 'none', {
      sent,
      answer: RESET_REQUEST_ANSWER,
      form: formView(FORGOT_SPECS, state.values, state.errors),
      publicCsrf: csrf,
    });
    this.pages.send(res, html, state.status);
  }

  private renderReset(req: WebRequest, res: Response, token: string, state: FormState): void {
    const csrf = this.publicCsrf(req, res);
    const html = this.pages.html(req, 'account/reset', 'Nouveau mot de passe', 'none', {
      token,
      form: formView(RESET_SPECS, state.values, state.errors),
      publicCsrf: csrf,
    });
    this.pages.send(res, html, state.status);
  }

  /** The French page of a link that cannot serve (unknown, expired or already used). */
  private renderRefused(req: WebRequest, res: Response, refused: HttpException): void {
    const html = this.pages.html(req, 'account/reset-refused', 'Lien de réinitialisation', 'none', {
      message: exceptionMessage(refused),
    });
    this.pages.send(res, html, refused.getStatus());
  }

  private secure(req: WebRequest): boolean {
    return servedOverHttps(this.auth.appUrl, req.secure);
  }

  /**
   * The double-submit token of the public forms: the login form's cookie, kept when it is there
   * (the login page open in another tab keeps working), else a new one.
   */
  private publicCsrf(req: WebRequest, res: Response): string {
    const secure = this.secure(req);
    const name = loginCsrfCookieName(secure);
    const existing = parseCookies(req.headers.cookie).get(name);
    if (existing && /^[0-9a-f]{48}$/.test(existing)) return existing;
    const token = newLoginCsrf();
    res.setHeader('Set-Cookie', serializeCookie(name, token, { secure, maxAge: 3600 }));
    return token;
  }

  private publicCsrfOk(req: WebRequest, body: FormBody): boolean {
    const expected = parseCookies(req.headers.cookie).get(loginCsrfCookieName(this.secure(req)));
    return expected !== undefined && sameToken(expected, body[CSRF_FIELD]);
  }
}

function expiredForm(): Record<string, string> {
  return { [FORM_ERROR]: 'Le formulaire a expiré : rechargez la page et recommencez.' };
}
