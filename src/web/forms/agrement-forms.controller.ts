import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Agrement } from '../../agrements/agrement.entity.js';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgrementsService } from '../../agrements/agrements.service.js';
import { CreateAgrementDto, UpdateAgrementDto } from '../../agrements/dto/create-agrement.dto.js';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import { formatFrenchDate } from '../../common/calendar-date.js';
import { canWriteCentre, type Caller } from '../../common/caller.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { Clock } from '../../common/clock.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import type { ListDefinition } from '../lists/list-params.js';
import { listPage } from '../lists/list-query.js';
import type { WebRequest } from '../web-pages.js';
import { labelOf } from './field-labels.js';
import { formView, type FieldSpec } from './form-fields.js';
import {
  centreField,
  centreOptions,
  FormOptions,
  siteField,
  titreField,
  titreLabel,
  type ChoiceLists,
} from './form-options.js';
import { integer, nullableText, optionalText, type FormBody } from './form-input.js';
import { FormPages } from './form-pages.js';
import {
  freshForm,
  requireWriter,
  typedValues,
  type FormContext,
  type FormState,
} from './form-support.js';

const LABELS = labelOf({
  validFrom: 'Début de validité de l’agrément',
  validUntil: 'Fin de validité de l’agrément',
  ccsCode: 'CCS de l’agrément',
  maxCandidates: 'Nombre maximal de candidats',
  technicalPlatform: 'Plateau technique',
  reference: 'Référence de la décision',
});

/** The fields of an agrément that can be corrected, shared by the creation and edit forms. */
const EDIT_SPECS: FieldSpec[] = [
  { name: 'reference', label: 'Référence de la décision', kind: 'text' },
  {
    name: 'validFrom',
    label: 'Début de validité de l’agrément',
    kind: 'date',
    hint: 'Date d’effet de la décision ; une session ne peut pas commencer avant.',
  },
  { name: 'validUntil', label: 'Fin de validité de l’agrément', kind: 'date', required: true },
  {
    name: 'maxCandidates',
    label: 'Nombre maximal de candidats',
    kind: 'number',
    required: true,
    min: '1',
    max: '1000',
  },
  { name: 'technicalPlatform', label: 'Plateau technique', kind: 'textarea' },
];

function specs(caller: Caller, lists: ChoiceLists): FieldSpec[] {
  return [
    centreField(caller, lists.centres),
    siteField(caller, lists.centres),
    titreField(lists.titres),
    {
      name: 'ccsCode',
      label: 'CCS de l’agrément',
      kind: 'text',
      hint: 'Code d’un CCS du titre (par exemple CCS1) pour l’agrément de ce CCS, nécessaire à une session CCS ; vide pour l’agrément du titre.',
    },
    ...EDIT_SPECS,
  ];
}

/** The agréments list's sortable columns (`?sort=`): the one that lasts longest first, as before. */
export const AGREMENT_LIST: ListDefinition<
  'centre' | 'site' | 'titre' | 'scope' | 'reference' | 'validFrom' | 'validUntil' | 'maxCandidates'
> = {
  columns: {
    centre: 'Centre',
    site: 'Site',
    titre: 'Titre',
    scope: 'Portée',
    reference: 'Référence',
    validFrom: 'Valable du',
    validUntil: 'Valable jusqu’au',
    maxCandidates: 'Candidats au plus',
  },
  defaultSort: 'validUntil',
  defaultDir: 'desc',
};

/** Agréments of the caller's centres: list and record a new one. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('agrements')
export class AgrementFormsController {
  constructor(
    private readonly agrements: AgrementsService,
    private readonly options: FormOptions,
    private readonly clock: Clock,
    private readonly forms: FormPages,
  ) {}

  @Get()
  async list(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    await this.render({ req, res, caller }, freshForm(), query);
  }

  @Post()
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    await this.forms.submit(ctx, {
      dto: CreateAgrementDto,
      plain: {
        centreId: optionalText(body, 'centreId'),
        siteId: optionalText(body, 'siteId'),
        titreId: optionalText(body, 'titreId'),
        ccsCode: optionalText(body, 'ccsCode'),
        reference: optionalText(body, 'reference'),
        validFrom: optionalText(body, 'validFrom'),
        validUntil: optionalText(body, 'validUntil'),
        maxCandidates: integer(body, 'maxCandidates'),
        technicalPlatform: optionalText(body, 'technicalPlatform'),
      },
      labels: LABELS,
      work: (dto) => this.agrements.create(caller, dto),
      done: { to: '/agrements', flash: 'agrement-created' },
      again: async (refusal) => {
        const lists = await this.options.lists(caller);
        await this.render(ctx, { values: typedValues(specs(caller, lists), body), ...refusal });
      },
    });
  }

  @Get(':id/edit')
  async editForm(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    requireWriter(caller);
    const agrement = await this.agrements.get(caller, id);
    await this.renderEdit(
      { req, res, caller },
      agrement,
      freshForm({
        reference: agrement.reference,
        validFrom: agrement.validFrom ?? '',
        validUntil: agrement.validUntil,
        maxCandidates: String(agrement.maxCandidates),
        technicalPlatform: agrement.technicalPlatform,
      }),
    );
  }

  @Post(':id/edit')
  async update(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireWriter(caller);
    const agrement = await this.agrements.get(caller, id);
    const ctx = { req, res, caller };
    const plain = {
      reference: optionalText(body, 'reference') ?? '',
      validFrom: nullableText(body, 'validFrom'),
      validUntil: optionalText(body, 'validUntil'),
      maxCandidates: integer(body, 'maxCandidates'),
      technicalPlatform: optionalText(body, 'technicalPlatform') ?? '',
    };
    await this.forms.submit(ctx, {
      dto: UpdateAgrementDto,
      plain,
      required: ['validUntil', 'maxCandidates'],
      labels: LABELS,
      work: (dto) => this.agrements.update(caller, id, dto),
      done: { to: '/agrements', flash: 'agrement-updated' },
      again: (refusal) =>
        this.renderEdit(ctx, agrement, { values: typedValues(EDIT_SPECS, body), ...refusal }),
    });
  }

  private async renderEdit(ctx: FormContext, agrement: Agrement, state: FormState): Promise<void> {
    const lists = await this.options.lists(ctx.caller);
    const centre = lists.centres.find((c) => c.id === agrement.centreId);
    const titre = lists.titres.find((t) => t.id === agrement.titreId);
    this.forms.render(
      ctx,
      { view: 'reference/agrement-edit', title: 'Modifier un agrément', section: 'agrements' },
      {
        agrement: {
          id: agrement.id,
          centre: centre?.name ?? '',
          site: centre?.sites?.find((s) => s.id === agrement.siteId)?.name ?? '',
          titre: titre ? titreLabel(titre) : '',
          scope: agrement.ccsCode === null ? 'Titre' : `CCS ${agrement.ccsCode}`,
        },
        form: formView(EDIT_SPECS, state.values, state.errors),
      },
      state.status,
    );
  }

  private async render(
    ctx: FormContext,
    state: FormState,
    query: Record<string, unknown> = {},
  ): Promise<void> {
    const caller = ctx.caller;
    const [lists, agrements] = await Promise.all([
      this.options.lists(caller),
      this.agrements.list(caller),
    ]);
    const centres = new Map(lists.centres.map((c) => [c.id, c]));
    const titres = new Map(lists.titres.map((t) => [t.id, t]));
    const today = this.clock.today();
    const fields = specs(caller, lists);
    const rows = agrements.map((a) => {
      const centre = centres.get(a.centreId);
      const titre = titres.get(a.titreId);
      return {
        centre: centre?.name ?? '',
        site: centre?.sites?.find((s) => s.id === a.siteId)?.name ?? '',
        titre: titre ? titreLabel(titre) : '',
        scope: a.ccsCode === null ? 'Titre' : `CCS ${a.ccsCode}`,
        reference: a.reference,
        validFrom: a.validFrom === null ? '' : formatFrenchDate(a.validFrom),
        notStarted: a.validFrom !== null && a.validFrom > today,
        validUntil: formatFrenchDate(a.validUntil),
        validFromValue: a.validFrom,
        validUntilValue: a.validUntil,
        editable: caller.role !== 'viewer' && canWriteCentre(caller, a.centreId),
        id: a.id,
        expired: a.validUntil < today,
        maxCandidates: a.maxCandidates,
        technicalPlatform: a.technicalPlatform,
      };
    });
    const { rows: shown, list } = listPage('/agrements', AGREMENT_LIST, query, rows, {
      sortValue: {
        centre: (r) => r.centre,
        site: (r) => r.site,
        titre: (r) => r.titre,
        scope: (r) => r.scope,
        reference: (r) => r.reference,
        validFrom: (r) => r.validFromValue,
        validUntil: (r) => r.validUntilValue,
        maxCandidates: (r) => r.maxCandidates,
      },
      searchText: (r) =>
        [r.centre, r.site, r.titre, r.scope, r.reference, r.technicalPlatform ?? ''].join(' '),
    });
    this.forms.render(
      ctx,
      { view: 'reference/agrements', title: 'Agréments', section: 'agrements' },
      {
        canCreate: centreOptions(caller, lists.centres).length > 0,
        form: formView(fields, state.values, state.errors),
        list,
        agrements: shown,
      },
      state.status,
    );
  }
}
