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
import { WebPages, type WebRequest } from '../web-pages.js';
import { labelOf } from './field-labels.js';
import { formView, withEmpty, type FieldSpec, type FieldValue } from './form-fields.js';
import {
  centreOptions,
  FormOptions,
  siteOptions,
  titreLabel,
  titreOptions,
  type ChoiceLists,
} from './form-options.js';
import { integer, optionalText, type FieldErrors, type FormBody } from './form-input.js';
import { submit, typedValues } from './form-support.js';

const LABELS = labelOf({ validUntil: 'Fin de validité de l’agrément' });

function specs(caller: Caller, lists: ChoiceLists): FieldSpec[] {
  return [
    {
      name: 'centreId',
      label: 'Centre',
      kind: 'select',
      required: true,
      options: withEmpty(centreOptions(caller, lists.centres), 'Choisissez un centre'),
    },
    {
      name: 'siteId',
      label: 'Site',
      kind: 'select',
      required: true,
      options: withEmpty(siteOptions(caller, lists.centres), 'Choisissez un site'),
    },
    {
      name: 'titreId',
      label: 'Titre professionnel',
      kind: 'select',
      required: true,
      options: withEmpty(titreOptions(lists.titres), 'Choisissez un titre'),
      wide: true,
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
    private readonly pages: WebPages,
  ) {}

  @Get()
  async list(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    await this.render(req, res, caller, {}, null, 200);
  }

  @Post()
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @Body() body: FormBody,
  ): Promise<void> {
    const plain = {
      centreId: optionalText(body, 'centreId'),
      siteId: optionalText(body, 'siteId'),
      titreId: optionalText(body, 'titreId'),
      reference: optionalText(body, 'reference'),
      validUntil: optionalText(body, 'validUntil'),
      maxCandidates: integer(body, 'maxCandidates'),
      technicalPlatform: optionalText(body, 'technicalPlatform'),
    };
    const result = await submit(CreateAgrementDto, plain, LABELS, (dto) =>
      this.agrements.create(caller, dto),
    );
    if (result.ok) {
      this.pages.redirect(res, '/agrements', 'agrement-created');
      return;
    }
    const lists = await this.options.lists(caller);
    const values = typedValues(specs(caller, lists), body);
    await this.render(req, res, caller, values, result.errors, result.status);
  }

  private async render(
    req: WebRequest,
    res: Response,
    caller: Caller,
    values: Record<string, FieldValue>,
    errors: FieldErrors | null,
    status: number,
  ): Promise<void> {
    const [lists, agrements] = await Promise.all([
      this.options.lists(caller),
      this.agrements.list(caller),
    ]);
    const centres = new Map(lists.centres.map((c) => [c.id, c]));
    const titres = new Map(lists.titres.map((t) => [t.id, t]));
    const today = this.clock.today();
    const fields = specs(caller, lists);
    this.pages.render(
      req,
      res,
      'reference/agrements',
      'Agréments',
      'agrements',
      {
        canCreate: centreOptions(caller, lists.centres).length > 0,
        form: formView(fields, values, errors),
        agrements: agrements.map((a) => {
          const centre = centres.get(a.centreId);
          const titre = titres.get(a.titreId);
          return {
            centre: centre?.name ?? '',
            site: centre?.sites?.find((s) => s.id === a.siteId)?.name ?? '',
            titre: titre ? titreLabel(titre) : '',
            reference: a.reference,
            validUntil: formatFrenchDate(a.validUntil),
            expired: a.validUntil < today,
            maxCandidates: a.maxCandidates,
            technicalPlatform: a.technicalPlatform,
          };
        }),
      },
      status,
    );
  }
}
