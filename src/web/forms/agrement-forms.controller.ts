import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AgrementsService } from '../../agrements/agrements.service.js';
import { CreateAgrementDto } from '../../agrements/dto/create-agrement.dto.js';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import { formatFrenchDate } from '../../common/calendar-date.js';
import type { Caller } from '../../common/caller.js';
import { Clock } from '../../common/clock.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
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
import { integer, optionalText, type FormBody } from './form-input.js';
import { FormPages } from './form-pages.js';
import { freshForm, typedValues, type FormContext, type FormState } from './form-support.js';

const LABELS = labelOf({
  validUntil: 'Fin de validité de l’agrément',
  ccsCode: 'CCS de l’agrément',
});

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
    { name: 'reference', label: 'Référence de la décision', kind: 'text' },
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
}

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
  ): Promise<void> {
    await this.render({ req, res, caller }, freshForm());
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

  private async render(ctx: FormContext, state: FormState): Promise<void> {
    const caller = ctx.caller;
    const [lists, agrements] = await Promise.all([
      this.options.lists(caller),
      this.agrements.list(caller),
    ]);
    const centres = new Map(lists.centres.map((c) => [c.id, c]));
    const titres = new Map(lists.titres.map((t) => [t.id, t]));
    const today = this.clock.today();
    const fields = specs(caller, lists);
    this.forms.render(
      ctx,
      { view: 'reference/agrements', title: 'Agréments', section: 'agrements' },
      {
        canCreate: centreOptions(caller, lists.centres).length > 0,
        form: formView(fields, state.values, state.errors),
        agrements: agrements.map((a) => {
          const centre = centres.get(a.centreId);
          const titre = titres.get(a.titreId);
          return {
            centre: centre?.name ?? '',
            site: centre?.sites?.find((s) => s.id === a.siteId)?.name ?? '',
            titre: titre ? titreLabel(titre) : '',
            scope: a.ccsCode === null ? 'Titre' : `CCS ${a.ccsCode}`,
            reference: a.reference,
            validUntil: formatFrenchDate(a.validUntil),
            expired: a.validUntil < today,
            maxCandidates: a.maxCandidates,
            technicalPlatform: a.technicalPlatform,
          };
        }),
      },
      state.status,
    );
  }
}
