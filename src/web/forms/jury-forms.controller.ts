import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import { canWriteCentre, type Caller } from '../../common/caller.js';
import { formatFrenchDate } from '../../common/calendar-date.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import {
  CreateJuryMemberDto,
  HabilitationDto,
  UpdateJuryMemberDto,
} from '../../jury/dto/jury-member.dto.js';
import type { JuryMember } from '../../jury/jury-member.entity.js';
import { JuryMembersService } from '../../jury/jury-members.service.js';
import type { Centre } from '../../centres/centre.entity.js';
import type { Titre } from '../../titres/titre.entity.js';
import { TitresService } from '../../titres/titres.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import type { ListDefinition } from '../lists/list-params.js';
import { listPage } from '../lists/list-query.js';
import type { WebRequest } from '../web-pages.js';
import { labelOf } from './field-labels.js';
import { formView, withEmpty, type FieldSpec, type FieldValue } from './form-fields.js';
import {
  HABILITATION_BASIS_LABELS,
  LICENCE_CATEGORIES,
  type HabilitationBasis,
} from '../../jury/jury-requirements.js';
import { centreField, centreOptions, FormOptions, titreField, titreLabel } from './form-options.js';
import {
  checked,
  commaList,
  nullableText,
  optionalText,
  text,
  texts,
  type FormBody,
} from './form-input.js';
import { FormPages, type Page } from './form-pages.js';
import {
  freshForm,
  requireWriter,
  typedValues,
  type FormContext,
  type FormState,
} from './form-support.js';

const LABELS = labelOf({
  basis: 'Fondement de l’habilitation',
  licenceCategories: 'Catégories de permis détenues',
  cqcValidUntil: 'Fin de validité de la CQC',
  ccpCodes: 'Restreinte aux CCP',
  validUntil: 'Fin de validité de l’habilitation',
  titreId: 'Titre professionnel',
});

const MEMBER_SPECS: FieldSpec[] = [
  { name: 'lastName', label: 'Nom', kind: 'text', required: true, autocomplete: 'off' },
  { name: 'firstName', label: 'Prénom', kind: 'text', required: true, autocomplete: 'off' },
  { name: 'email', label: 'Adresse e-mail', kind: 'email', required: true, autocomplete: 'off' },
  { name: 'phone', label: 'Téléphone', kind: 'tel', autocomplete: 'off' },
  { name: 'employer', label: 'Employeur', kind: 'text' },
  {
    name: 'address',
    label: 'Adresse postale',
    kind: 'textarea',
    hint: 'Pour l’envoi de sa convocation.',
  },
  {
    name: 'professionalised',
    label: 'Professionnel en activité dans le métier',
    kind: 'checkbox',
  },
  {
    name: 'licenceCategories',
    label: 'Catégories de permis détenues',
    kind: 'checkboxes',
    options: LICENCE_CATEGORIES.map((c) => ({ value: c, label: c })),
    hint: 'Pour les titres qui en demandent une à leurs jurés (transport routier : C ou D).',
    wide: true,
  },
  {
    name: 'cqcValidUntil',
    label: 'Fin de validité de la CQC',
    kind: 'date',
    hint: 'Carte de qualification de conducteur ; vide : aucune.',
  },
];

const LIST_PAGE: Page = { view: 'jury/list', title: 'Membres du jury', section: 'jury' };

/** The jury list's sortable columns (`?sort=`), by name first. */
export const JURY_LIST: ListDefinition<'name' | 'centre' | 'email' | 'professionalised'> = {
  columns: {
    name: 'Nom',
    centre: 'Centre',
    email: 'E-mail',
    professionalised: 'Professionnel en activité',
  },
  defaultSort: 'name',
  defaultDir: 'asc',
};

function newMemberSpecs(caller: Caller, centres: readonly Centre[]): FieldSpec[] {
  return [centreField(caller, centres), ...MEMBER_SPECS];
}

function habilitationSpecs(titres: readonly Titre[]): FieldSpec[] {
  return [
    titreField(titres),
    {
      name: 'basis',
      label: 'Fondement de l’habilitation',
      kind: 'select',
      required: true,
      options: withEmpty(
        (Object.entries(HABILITATION_BASIS_LABELS) as [HabilitationBasis, string][]).map(
          ([value, label]) => ({ value, label: capitalize(label) }),
        ),
        'Choisissez le fondement',
      ),
    },
    {
      name: 'validUntil',
      label: 'Fin de validité de l’habilitation',
      kind: 'date',
      required: true,
    },
    {
      name: 'ccpCodes',
      label: 'Restreinte aux CCP',
      kind: 'text',
      hint: 'Vide : tout le titre. Sinon les codes séparés par des virgules (par exemple CCP1, CCP3).',
    },
  ];
}

function memberPlain(body: FormBody): Record<string, unknown> {
  return {
    lastName: text(body, 'lastName'),
    firstName: text(body, 'firstName'),
    email: text(body, 'email'),
    phone: nullableText(body, 'phone'),
    employer: text(body, 'employer'),
    address: text(body, 'address'),
    professionalised: checked(body, 'professionalised'),
    licenceCategories: texts(body, 'licenceCategories'),
    cqcValidUntil: nullableText(body, 'cqcValidUntil'),
  };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Jury members of the caller's centres: list, create, edit, habilitations. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('jury')
export class JuryFormsController {
  constructor(
    private readonly members: JuryMembersService,
    private readonly titres: TitresService,
    private readonly options: FormOptions,
    private readonly forms: FormPages,
  ) {}

  @Get()
  async list(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const [members, titres, lists] = await Promise.all([
      this.members.list(caller, {}),
      this.titres.list(),
      this.options.lists(caller),
    ]);
    const centreNames = new Map(lists.centres.map((c) => [c.id, c.name]));
    const titreById = new Map(titres.map((t) => [t.id, t]));
    const rows = members.map((m) => ({
      id: m.id,
      name: `${m.lastName.toUpperCase()} ${m.firstName}`,
      email: m.email ?? '',
      centre: centreNames.get(m.centreId) ?? '',
      professionalised: m.professionalised,
      habilitations: habilitationLines(m, titreById),
    }));
    const { rows: shown, list } = listPage('/jury', JURY_LIST, query, rows, {
      sortValue: {
        name: (r) => r.name,
        centre: (r) => r.centre,
        email: (r) => r.email,
        professionalised: (r) => (r.professionalised ? 'Oui' : 'Non'),
      },
      searchText: (r) => [r.name, r.email, r.centre, ...r.habilitations].join(' '),
    });
    this.forms.render({ req, res }, LIST_PAGE, {
      canCreate: centreOptions(caller, lists.centres).length > 0,
      list,
      members: shown,
    });
  }

  @Get('new')
  async newForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    requireWriter(caller);
    await this.renderNew({ req, res, caller }, freshForm({ professionalised: true }));
  }

  @Post('new')
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    await this.forms.submit(ctx, {
      dto: CreateJuryMemberDto,
      plain: {
        centreId: optionalText(body, 'centreId'),
        ...memberPlain(body),
        employer: optionalText(body, 'employer'),
        address: optionalText(body, 'address'),
      },
      labels: LABELS,
      work: (dto) => this.members.create(caller, dto),
      done: (member) => ({ to: `/jury/${member.id}`, flash: 'jury-member-created' }),
      again: (refusal) =>
        this.renderNew(ctx, { values: typedValues(newMemberSpecs(caller, []), body), ...refusal }),
    });
  }

  @Get(':id')
  async show(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    const member = await this.members.get(caller, id);
    await this.renderMember({ req, res, caller }, member, freshForm(memberValues(member)));
  }

  @Post(':id')
  async update(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const member = await this.members.get(caller, id);
    await this.forms.submit(ctx, {
      dto: UpdateJuryMemberDto,
      plain: memberPlain(body),
      labels: LABELS,
      work: (dto) => this.members.update(caller, id, dto),
      done: { to: `/jury/${id}`, flash: 'jury-member-updated' },
      again: (refusal) =>
        this.renderMember(ctx, member, { values: typedValues(MEMBER_SPECS, body), ...refusal }),
    });
  }

  @Post(':id/habilitations')
  async addHabilitation(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const member = await this.members.get(caller, id);
    await this.forms.submit(ctx, {
      dto: HabilitationDto,
      plain: {
        titreId: optionalText(body, 'titreId'),
        basis: optionalText(body, 'basis'),
        validUntil: optionalText(body, 'validUntil'),
        ccpCodes: commaList(text(body, 'ccpCodes')),
      },
      required: ['basis'],
      labels: LABELS,
      work: (dto) => this.members.addHabilitation(caller, id, dto),
      done: { to: `/jury/${id}#habilitations`, flash: 'habilitation-added' },
      again: (refusal) =>
        this.renderMember(ctx, member, freshForm(memberValues(member)), {
          values: typedValues(habilitationSpecs([]), body),
          ...refusal,
        }),
    });
  }

  private async renderNew(ctx: FormContext, state: FormState): Promise<void> {
    const lists = await this.options.lists(ctx.caller);
    this.forms.render(
      ctx,
      { view: 'jury/new', title: 'Nouveau membre du jury', section: 'jury' },
      { form: formView(newMemberSpecs(ctx.caller, lists.centres), state.values, state.errors) },
      state.status,
    );
  }

  /** A member's page with its form and the one adding a habilitation; the status is the refused one's. */
  private async renderMember(
    ctx: FormContext,
    member: JuryMember,
    state: FormState,
    habilitation: FormState = freshForm(),
  ): Promise<void> {
    const titres = await this.titres.list();
    const titreById = new Map(titres.map((t) => [t.id, t]));
    const name = `${member.firstName} ${member.lastName}`;
    this.forms.render(
      ctx,
      { view: 'jury/member', title: name, section: 'jury' },
      {
        member: { id: member.id, name },
        action: `/jury/${member.id}`,
        writable: canWriteCentre(ctx.caller, member.centreId),
        form: formView(MEMBER_SPECS, state.values, state.errors),
        habilitations: habilitationLines(member, titreById),
        habilitationForm: formView(
          habilitationSpecs(titres),
          habilitation.values,
          habilitation.errors,
          'h',
        ),
      },
      Math.max(state.status, habilitation.status),
    );
  }
}

function memberValues(member: JuryMember): Record<string, FieldValue> {
  return {
    lastName: member.lastName,
    firstName: member.firstName,
    email: member.email,
    phone: member.phone,
    employer: member.employer,
    address: member.address,
    professionalised: member.professionalised,
    licenceCategories: member.licenceCategories,
    cqcValidUntil: member.cqcValidUntil,
  };
}

/** « CDA 2023 — …, jusqu’au 31/12/2028 (CCP1, CCP2) ». */
export function habilitationLines(
  member: JuryMember,
  titreById: ReadonlyMap<string, Titre>,
): string[] {
  return (member.habilitations ?? []).map((h) => {
    const titre = titreById.get(h.titreId);
    const scope = h.ccpCodes.length > 0 ? ` (${h.ccpCodes.join(', ')})` : ' (tout le titre)';
    const basis = h.basis
      ? ` — au titre de : ${HABILITATION_BASIS_LABELS[h.basis]}`
      : ' — fondement non renseigné';
    return `${titre ? titreLabel(titre) : 'Titre inconnu'}, jusqu’au ${formatFrenchDate(h.validUntil)}${scope}${basis}`;
  });
}
