import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
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
import type { Titre } from '../../titres/titre.entity.js';
import { TitresService } from '../../titres/titres.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { WebPages, type WebRequest } from '../web-pages.js';
import { labelOf } from './field-labels.js';
import { formView, withEmpty, type FieldSpec, type FieldValue } from './form-fields.js';
import { centreOptions, FormOptions, titreLabel, titreOptions } from './form-options.js';
import {
  checked,
  commaList,
  nullableText,
  optionalText,
  text,
  type FieldErrors,
  type FormBody,
} from './form-input.js';
import { requireWriter, submit, typedValues } from './form-support.js';

const LABELS = labelOf({
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
    name: 'professionalised',
    label: 'Professionnel en activité dans le métier',
    kind: 'checkbox',
  },
];

function habilitationSpecs(titres: readonly Titre[]): FieldSpec[] {
  return [
    {
      name: 'titreId',
      label: 'Titre professionnel',
      kind: 'select',
      required: true,
      options: withEmpty(titreOptions(titres), 'Choisissez un titre'),
      wide: true,
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
    professionalised: checked(body, 'professionalised'),
  };
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
    private readonly pages: WebPages,
  ) {}

  @Get()
  async list(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    const [members, titres, lists] = await Promise.all([
      this.members.list(caller, {}),
      this.titres.list(),
      this.options.lists(caller),
    ]);
    const centreNames = new Map(lists.centres.map((c) => [c.id, c.name]));
    const titreById = new Map(titres.map((t) => [t.id, t]));
    this.pages.render(req, res, 'jury/list', 'Membres du jury', 'jury', {
      canCreate: centreOptions(caller, lists.centres).length > 0,
      members: members.map((m) => ({
        id: m.id,
        name: `${m.lastName.toUpperCase()} ${m.firstName}`,
        email: m.email ?? '',
        centre: centreNames.get(m.centreId) ?? '',
        professionalised: m.professionalised,
        habilitations: habilitationLines(m, titreById),
      })),
    });
  }

  @Get('new')
  async newForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    requireWriter(caller);
    await this.renderNew(req, res, caller, { professionalised: true }, null, 200);
  }

  @Post('new')
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Body() body: FormBody,
  ): Promise<void> {
    const plain = {
      centreId: optionalText(body, 'centreId'),
      ...memberPlain(body),
      employer: optionalText(body, 'employer'),
    };
    const result = await submit(CreateJuryMemberDto, plain, LABELS, (dto) =>
      this.members.create(caller, dto),
    );
    if (result.ok) {
      this.pages.redirect(res, `/jury/${result.value.id}`, 'jury-member-created');
      return;
    }
    const specs = [
      { name: 'centreId', label: 'Centre', kind: 'select' } as FieldSpec,
      ...MEMBER_SPECS,
    ];
    await this.renderNew(req, res, caller, typedValues(specs, body), result.errors, result.status);
  }

  @Get(':id')
  async show(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    const member = await this.members.get(caller, id);
    await this.renderMember(req, res, caller, member, memberValues(member), null, {}, null, 200);
  }

  @Post(':id')
  async update(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const member = await this.members.get(caller, id);
    const result = await submit(UpdateJuryMemberDto, memberPlain(body), LABELS, (dto) =>
      this.members.update(caller, id, dto),
    );
    if (result.ok) {
      this.pages.redirect(res, `/jury/${id}`, 'jury-member-updated');
      return;
    }
    const values = typedValues(MEMBER_SPECS, body);
    await this.renderMember(
      req,
      res,
      caller,
      member,
      values,
      result.errors,
      {},
      null,
      result.status,
    );
  }

  @Post(':id/habilitations')
  async addHabilitation(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const member = await this.members.get(caller, id);
    const ccpCodes = commaList(text(body, 'ccpCodes'));
    const plain = {
      titreId: optionalText(body, 'titreId'),
      validUntil: optionalText(body, 'validUntil'),
      ccpCodes,
    };
    const result = await submit(HabilitationDto, plain, LABELS, (dto) =>
      this.members.addHabilitation(caller, id, dto),
    );
    if (result.ok) {
      this.pages.redirect(res, `/jury/${id}#habilitations`, 'habilitation-added');
      return;
    }
    const values = {
      titreId: text(body, 'titreId'),
      validUntil: text(body, 'validUntil'),
      ccpCodes: text(body, 'ccpCodes'),
    };
    await this.renderMember(
      req,
      res,
      caller,
      member,
      memberValues(member),
      null,
      values,
      result.errors,
      result.status,
    );
  }

  private async renderNew(
    req: WebRequest,
    res: Response,
    caller: Caller,
    values: Record<string, FieldValue>,
    errors: FieldErrors | null,
    status: number,
  ): Promise<void> {
    const lists = await this.options.lists(caller);
    const specs: FieldSpec[] = [
      {
        name: 'centreId',
        label: 'Centre',
        kind: 'select',
        required: true,
        options: withEmpty(centreOptions(caller, lists.centres), 'Choisissez un centre'),
      },
      ...MEMBER_SPECS,
    ];
    this.pages.render(
      req,
      res,
      'jury/new',
      'Nouveau membre du jury',
      'jury',
      {
        form: formView(specs, values, errors),
      },
      status,
    );
  }

  private async renderMember(
    req: WebRequest,
    res: Response,
    caller: Caller,
    member: JuryMember,
    values: Record<string, FieldValue>,
    errors: FieldErrors | null,
    habilitationValues: Record<string, FieldValue>,
    habilitationErrors: FieldErrors | null,
    status: number,
  ): Promise<void> {
    const titres = await this.titres.list();
    const titreById = new Map(titres.map((t) => [t.id, t]));
    this.pages.render(
      req,
      res,
      'jury/member',
      `${member.firstName} ${member.lastName}`,
      'jury',
      {
        member: { id: member.id, name: `${member.firstName} ${member.lastName}` },
        action: `/jury/${member.id}`,
        writable: canWriteCentre(caller, member.centreId),
        form: formView(MEMBER_SPECS, values, errors),
        habilitations: habilitationLines(member, titreById),
        habilitationForm: formView(
          habilitationSpecs(titres),
          habilitationValues,
          habilitationErrors,
          'h',
        ),
      },
      status,
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
    professionalised: member.professionalised,
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
    return `${titre ? titreLabel(titre) : 'Titre inconnu'}, jusqu’au ${formatFrenchDate(h.validUntil)}${scope}`;
  });
}
