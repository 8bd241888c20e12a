import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Clock } from '../../common/clock.js';
import { occurredOnError } from '../../incidents/incident-rules.js';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import { CandidatesService } from '../../candidates/candidates.service.js';
import { formatFrenchDate } from '../../common/calendar-date.js';
import type { Caller } from '../../common/caller.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { CreateIncidentDto } from '../../incidents/dto/incident.dto.js';
import type { IncidentKind } from '../../incidents/session-incident.entity.js';
import { IncidentsService } from '../../incidents/incidents.service.js';
import type { ExamSession } from '../../sessions/exam-session.entity.js';
import { SessionsService } from '../../sessions/sessions.service.js';
import { optionsOf } from '../views/labels.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import type { WebRequest } from '../web-pages.js';
import { notFound } from '../../common/errors.js';
import { incidentDeletion } from './delete-confirmation.js';
import { renderDeleteConfirmation, requireConfirmed } from './delete-confirmation-page.js';
import { labelOf } from './field-labels.js';
import { formView, withEmpty, type FieldSpec, type Option } from './form-fields.js';
import { optionalText, type FormBody, wellFormedDate } from './form-input.js';
import { FormPages } from './form-pages.js';
import { freshForm, typedValues, type FormContext, type FormState } from './form-support.js';

export const INCIDENT_KIND_LABELS: Record<IncidentKind, string> = {
  INCIDENT: 'Incident',
  FRAUD: 'Fraude ou tentative de fraude',
};

const LABELS = labelOf({
  kind: 'Nature',
  candidateId: 'Candidat concerné',
  occurredOn: 'Date des faits',
  description: 'Description des faits',
  measures: 'Mesures prises',
});

/** Incidents and fraud reports of a session (for the PV): list, record, delete. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('sessions/:id/incidents')
export class IncidentFormsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly incidents: IncidentsService,
    private readonly candidates: CandidatesService,
    private readonly forms: FormPages,
    private readonly clock: Clock,
  ) {}

  @Get()
  async page(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
  ): Promise<void> {
    const session = await this.sessions.findForCaller(caller, id);
    const values = { kind: 'INCIDENT', occurredOn: session.startDate };
    await this.render({ req, res, caller }, session, freshForm(values));
  }

  @Post()
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const ctx = { req, res, caller };
    const session = await this.sessions.findWritable(caller, id);
    const plain = {
      kind: optionalText(body, 'kind'),
      candidateId: optionalText(body, 'candidateId'),
      occurredOn: optionalText(body, 'occurredOn'),
      description: optionalText(body, 'description'),
      measures: optionalText(body, 'measures'),
    };
    const occurredOn = wellFormedDate(plain.occurredOn);
    await this.forms.submit(ctx, {
      dto: CreateIncidentDto,
      plain,
      rules: occurredOn ? [occurredOnError(occurredOn, session, this.clock.today())] : [],
      labels: LABELS,
      work: (dto) => this.incidents.create(caller, id, dto),
      done: { to: `/sessions/${id}/incidents`, flash: 'incident-recorded' },
      again: (refusal) =>
        this.render(ctx, session, { values: typedValues(incidentSpecs([]), body), ...refusal }),
    });
  }

  /** What deleting the incident removes, and a button that deletes it (no one-click delete). */
  @Get(':incidentId/supprimer')
  async confirmRemove(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('incidentId') incidentId: string,
  ): Promise<void> {
    const session = await this.sessions.findWritable(caller, id);
    const [incidents, candidates] = await Promise.all([
      this.incidents.listForSession(id),
      this.candidates.listForSession(id),
    ]);
    const incident = incidents.find((i) => i.id === incidentId);
    if (!incident) throw notFound('Incident');
    const candidate = candidates.find((c) => c.id === incident.candidateId);
    const path = `/sessions/${id}/incidents`;
    await renderDeleteConfirmation(this.forms, { req, res, caller }, session, 'incidents', () => ({
      ...incidentDeletion({
        fraud: incident.kind === 'FRAUD',
        occurredOn: formatFrenchDate(incident.occurredOn),
        candidate: candidate ? `${candidate.lastName.toUpperCase()} ${candidate.firstName}` : null,
      }),
      action: `${path}/${incidentId}/delete`,
      cancel: path,
    }));
  }

  @Post(':incidentId/delete')
  async remove(
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('incidentId') incidentId: string,
    @Body() body: FormBody,
  ): Promise<void> {
    requireConfirmed(body);
    await this.incidents.remove(caller, id, incidentId);
    this.forms.redirect(res, { to: `/sessions/${id}/incidents`, flash: 'incident-deleted' });
  }

  private async render(ctx: FormContext, session: ExamSession, state: FormState): Promise<void> {
    const [candidates, incidents] = await Promise.all([
      this.candidates.listForSession(session.id),
      this.incidents.listForSession(session.id),
    ]);
    const names = new Map(
      candidates.map((c) => [c.id, `${c.lastName.toUpperCase()} ${c.firstName}`]),
    );
    const specs = incidentSpecs(
      candidates.map((c) => ({ value: c.id, label: names.get(c.id) ?? '' })),
    );
    specs[2].min = session.startDate;
    specs[2].max = session.endDate;
    await this.forms.renderSession(
      ctx,
      session,
      { view: 'incidents/session', title: 'Incidents de la session', tab: 'incidents' },
      ({ summary }) => ({
        writable: summary.editable,
        form: formView(specs, state.values, state.errors),
        incidents: incidents.map((i) => ({
          id: i.id,
          kind: INCIDENT_KIND_LABELS[i.kind],
          fraud: i.kind === 'FRAUD',
          occurredOn: formatFrenchDate(i.occurredOn),
          candidate: i.candidateId ? (names.get(i.candidateId) ?? '') : '—',
          description: i.description,
          measures: i.measures,
          recordedBy: i.createdByEmail,
        })),
      }),
      state.status,
    );
  }
}

function incidentSpecs(candidates: Option[]): FieldSpec[] {
  return [
    {
      name: 'kind',
      label: 'Nature',
      kind: 'select',
      required: true,
      options: optionsOf(INCIDENT_KIND_LABELS),
    },
    {
      name: 'candidateId',
      label: 'Candidat concerné',
      kind: 'select',
      options: withEmpty(candidates, 'Aucun (incident de session)'),
    },
    { name: 'occurredOn', label: 'Date des faits', kind: 'date', required: true },
    { name: 'description', label: 'Description des faits', kind: 'textarea', required: true },
    { name: 'measures', label: 'Mesures prises', kind: 'textarea' },
  ];
}
