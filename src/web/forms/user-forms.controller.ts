import {
  Body,
  Controller,
  Get,
  HttpException,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccountService } from '../../auth/account.service.js';
import { CurrentCaller, Roles } from '../../auth/auth.decorators.js';
import { CentresService } from '../../centres/centres.service.js';
import type { Caller } from '../../common/caller.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { CreateUserDto } from '../../users/dto/create-user.dto.js';
import { MIN_PASSWORD_LENGTH } from '../../users/password.js';
import { centreIdsError, passwordError } from '../../users/user-rules.js';
import { UsersService } from '../../users/users.service.js';
import { ROLE_LABELS, optionsOf } from '../views/labels.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import type { ListDefinition } from '../lists/list-params.js';
import { listPage } from '../lists/list-query.js';
import type { WebRequest } from '../web-pages.js';
import { labelOf } from './field-labels.js';
import { formView, withEmpty, type FieldSpec } from './form-fields.js';
import { exceptionMessage, optionalText, text, texts, type FormBody } from './form-input.js';
import { FormPages } from './form-pages.js';
import { freshForm, typedValues, type FormContext, type FormState } from './form-support.js';

const LABELS = labelOf({ lastName: 'Nom', firstName: 'Prénom' });

/** The users list's sortable columns (`?sort=`), by e-mail first. */
export const USER_LIST: ListDefinition<'email' | 'name' | 'role' | 'centres' | 'active'> = {
  columns: { email: 'E-mail', name: 'Nom', role: 'Rôle', centres: 'Centres', active: 'Actif' },
  defaultSort: 'email',
  defaultDir: 'asc',
};

/** User accounts: administrators only, like the API. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('admin')
@Controller('users')
export class UserFormsController {
  constructor(
    private readonly users: UsersService,
    private readonly centres: CentresService,
    private readonly forms: FormPages,
    private readonly account: AccountService,
  ) {}

  @Get()
  async list(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    await this.render({ req, res, caller }, freshForm({ role: 'manager' }), query);
  }

  @Post()
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const plain = {
      email: text(body, 'email'),
      firstName: optionalText(body, 'firstName'),
      lastName: optionalText(body, 'lastName'),
      role: optionalText(body, 'role'),
      centreIds: texts(body, 'centreIds'),
      password: text(body, 'password'),
    };
    await this.forms.submit(ctx, {
      dto: CreateUserDto,
      plain,
      // The service's rules, reported with the DTO's messages (an empty password is the DTO's).
      rules: [
        plain.password === '' ? null : passwordError(plain.password),
        plain.role === undefined ? null : centreIdsError(plain.role, plain.centreIds),
      ],
      labels: LABELS,
      work: (dto) => this.users.create(dto),
      done: { to: '/users', flash: 'user-created' },
      again: async (refusal) =>
        this.render(ctx, { values: typedValues(await this.specs(caller), body), ...refusal }),
    });
  }

  /**
   * Disables (`active=0`) or re-enables (`active=1`) an account: a disabled user cannot log in
   * and their sessions end. Never one's own account nor the last active administrator.
   */
  @Post(':id/active')
  async setActive(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const value = text(body, 'active');
    if (value !== '0' && value !== '1') {
      await this.render(
        ctx,
        freshForm({ role: 'manager' }),
        {},
        {
          status: 400,
          message: 'Le champ « Actif » doit valoir 0 (désactiver) ou 1 (réactiver).',
        },
      );
      return;
    }
    try {
      await this.account.setActive(caller, id, value === '1');
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
      await this.render(
        ctx,
        freshForm({ role: 'manager' }),
        {},
        {
          status: error.getStatus(),
          message: exceptionMessage(error),
        },
      );
      return;
    }
    this.forms.redirect(res, {
      to: '/users',
      flash: value === '1' ? 'user-enabled' : 'user-disabled',
    });
  }

  private async specs(caller: Caller): Promise<FieldSpec[]> {
    const centres = await this.centres.list(caller);
    return [
      {
        name: 'email',
        label: 'Adresse e-mail',
        kind: 'email',
        required: true,
        autocomplete: 'off',
      },
      { name: 'firstName', label: 'Prénom', kind: 'text' },
      { name: 'lastName', label: 'Nom', kind: 'text' },
      {
        name: 'role',
        label: 'Rôle',
        kind: 'select',
        required: true,
        options: withEmpty(optionsOf(ROLE_LABELS), 'Choisissez un rôle'),
        hint: 'Administrateur : tous les centres. Gestionnaire : modifie ses centres. Lecteur : consulte ses centres.',
      },
      {
        name: 'centreIds',
        label: 'Centres',
        kind: 'checkboxes',
        hint: 'Obligatoire pour un gestionnaire ou un lecteur.',
        options: centres.map((c) => ({ value: c.id, label: c.name })),
      },
      {
        name: 'password',
        label: 'Mot de passe initial',
        kind: 'password',
        required: true,
        autocomplete: 'new-password',
        hint: `${MIN_PASSWORD_LENGTH} caractères au moins ; à transmettre à la personne par un canal sûr.`,
      },
    ];
  }

  private async render(
    ctx: FormContext,
    state: FormState,
    query: Record<string, unknown> = {},
    listError: { status: number; message: string } | null = null,
  ): Promise<void> {
    const [specs, users, centres] = await Promise.all([
      this.specs(ctx.caller),
      this.users.list(),
      this.centres.list(ctx.caller),
    ]);
    const names = new Map(centres.map((c) => [c.id, c.name]));
    const rows = users.map((u) => ({
      id: u.id,
      self: u.id === ctx.caller.userId,
      email: u.email,
      name: `${u.firstName} ${u.lastName}`.trim(),
      lastName: `${u.lastName} ${u.firstName}`.trim(),
      role: ROLE_LABELS[u.role],
      centres:
        u.role === 'admin'
          ? 'Tous'
          : u.centreIds
              .map((id) => names.get(id) ?? '')
              .filter((n) => n !== '')
              .join(', '),
      active: u.active,
    }));
    const { rows: shown, list } = listPage('/users', USER_LIST, query, rows, {
      sortValue: {
        email: (r) => r.email,
        name: (r) => r.lastName,
        role: (r) => r.role,
        centres: (r) => r.centres,
        active: (r) => (r.active ? 'Oui' : 'Non'),
      },
      searchText: (r) => [r.email, r.name, r.role, r.centres].join(' '),
    });
    this.forms.render(
      ctx,
      { view: 'reference/users', title: 'Utilisateurs', section: 'users' },
      {
        form: formView(specs, state.values, state.errors),
        listError: listError?.message ?? null,
        list,
        users: shown,
      },
      listError?.status ?? state.status,
    );
  }
}
