import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import { CentresService } from '../../centres/centres.service.js';
import { formatFrenchDate, formatFrenchDayAndDate } from '../../common/calendar-date.js';
import { canWriteCentre, type Caller } from '../../common/caller.js';
import { Clock } from '../../common/clock.js';
import { fieldError } from '../../common/validation/field-errors.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { RecordAnnualProgrammeDto } from '../../obligations/dto/obligations.dto.js';
import type { Obligation, ObligationStatus } from '../../obligations/obligation-rules.js';
import { ObligationsService } from '../../obligations/obligations.service.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import type { WebRequest } from '../web-pages.js';
import { labelOf } from './field-labels.js';
import { formView, type FieldSpec } from './form-fields.js';
import { integer, optionalText, type FormBody } from './form-input.js';
import { FormPages } from './form-pages.js';
import { freshForm, typedValues, type FormContext, type FormState } from './form-support.js';

const LABELS = labelOf({
  year: 'Année',
  sentOn: 'Communiqué le',
  observations: 'Observations',
});

const PROGRAMME_SPECS: FieldSpec[] = [
  { name: 'year', label: 'Année', kind: 'number', required: true, min: '2000', max: '2100' },
  {
    name: 'sentOn',
    label: 'Communiqué le',
    kind: 'date',
    required: true,
    hint: 'Avant le 31 janvier de l’année.',
  },
  {
    name: 'observations',
    label: 'Observations',
    kind: 'textarea',
    hint: 'Destinataire, moyen d’envoi…',
  },
];

const STATUS_LABELS: Record<ObligationStatus, string> = {
  todo: 'À faire',
  done: 'Fait',
  late: 'En retard',
};

const STATUS_BADGES: Record<ObligationStatus, string> = {
  todo: 'badge-soon',
  done: 'badge-ok',
  late: 'badge-late',
};

/** The year of the page's query: the current year when absent, a 400 page when malformed. */
function pageYear(value: unknown, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= 2000 && year <= 2100)) {
    throw fieldError('year', 'Le champ « year » doit être une année de 2000 à 2100.');
  }
  return year;
}

function statusView(o: Obligation): { label: string; badge: string } {
  if (o.information) {
    return o.status === 'done'
      ? { label: 'Passée', badge: 'badge-advice' }
      : { label: 'À venir', badge: 'badge-advice' };
  }
  return { label: STATUS_LABELS[o.status], badge: STATUS_BADGES[o.status] };
}

/** « Obligations de l'année »: the centre's yearly obligations and its annual programme form. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('centres/:id/obligations')
export class ObligationFormsController {
  constructor(
    private readonly obligations: ObligationsService,
    private readonly centres: CentresService,
    private readonly forms: FormPages,
    private readonly clock: Clock,
  ) {}

  @Get()
  async show(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Query('year') year: unknown,
  ): Promise<void> {
    const shown = pageYear(year, this.currentYear());
    await this.render({ req, res, caller }, id, shown, freshForm({ year: String(shown) }));
  }

  @Post('programme')
  async record(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const year = integer(body, 'year');
    const shown = typeof year === 'number' && year >= 2000 && year <= 2100 ? year : null;
    await this.forms.submit(ctx, {
      dto: RecordAnnualProgrammeDto,
      plain: {
        year,
        sentOn: optionalText(body, 'sentOn'),
        observations: optionalText(body, 'observations'),
      },
      labels: LABELS,
      work: (dto) => this.obligations.recordProgramme(caller, id, dto.year, dto),
      done: (saved) => ({
        to: `/centres/${id}/obligations?year=${saved.year}`,
        flash: 'programme-recorded',
      }),
      again: (refusal) =>
        this.render(ctx, id, shown ?? this.currentYear(), {
          values: typedValues(PROGRAMME_SPECS, body),
          ...refusal,
        }),
    });
  }

  private currentYear(): number {
    return Number(this.clock.today().slice(0, 4));
  }

  private async render(
    ctx: FormContext,
    centreId: string,
    year: number,
    form: FormState,
  ): Promise<void> {
    const caller = ctx.caller;
    const [centre, list] = await Promise.all([
      this.centres.get(caller, centreId),
      this.obligations.list(caller, centreId, year),
    ]);
    const fr = formatFrenchDate;
    this.forms.render(
      ctx,
      {
        view: 'reference/obligations',
        title: `Obligations de l’année ${year} — ${centre.name}`,
        section: 'centres',
      },
      {
        centre: { id: centre.id, name: centre.name },
        year,
        previousYear: year > 2000 ? year - 1 : null,
        nextYear: year < 2100 ? year + 1 : null,
        writable: canWriteCentre(caller, centreId),
        obligations: list.map((o) => ({
          label: o.label,
          dueDate: fr(o.dueDate),
          actBy:
            o.workingDayFallback === null
              ? null
              : `à faire au plus tard le ${formatFrenchDayAndDate(o.workingDayFallback)}, l’échéance tombant un jour non ouvré`,
          status: statusView(o),
          doneOn: o.doneOn === null || o.information ? null : fr(o.doneOn),
          source:
            [o.source.text, o.source.article, o.source.date ? fr(o.source.date) : null]
              .filter((part) => part !== null)
              .join(', ') + (o.source.interpretation ? `. ${o.source.interpretation}` : ''),
          href: o.link.href,
        })),
        programmeForm: formView(PROGRAMME_SPECS, form.values, form.errors, 'g'),
      },
      form.status,
    );
  }
}
