import { Body, Controller, Get, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import { CandidatesService } from '../../candidates/candidates.service.js';
import { formatFrenchDate } from '../../common/calendar-date.js';
import { canWriteCentre, type Caller } from '../../common/caller.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { CreateIncidentDto } from '../../incidents/dto/incident.dto.js';
import type { IncidentKind } from '../../incidents/session-incident.entity.js';
import { IncidentsService } from '../../incidents/incidents.service.js';
import type { ExamSession } from '../../sessions/exam-session.entity.js';
import { SessionsService } from '../../sessions/sessions.service.js';
import { optionsOf } from '../views/labels.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { WebPages, type WebRequest } from '../web-pages.js';
import { labelOf } from './field-labels.js';
import { formView, withEmpty, type FieldSpec, type FieldValue } from './form-fields.js';
import { optionalText, type FieldErrors, type FormBody } from './form-input.js';
import { submit, typedValues } from './form-support.js';
import { SessionSummaries } from './session-summary.js';

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
    private readonly summaries: SessionSummaries,
    private readonly pages: WebPages,
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
    await this.render(req, res, caller, session, values, null, 200);
  }

  @Post()
  async create(
    @Req() req: WebRequest,
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const session = await this.sessions.findWritable(caller, id);
    const plain = {
      kind: optionalText(body, 'kind'),
      candidateId: optionalText(body, 'candidateId'),
      occurredOn: optionalText(body, 'occurredOn'),
      description: optionalText(body, 'description'),
      measures: optionalText(body, 'measures'),
    };
    const result = await submit(CreateIncidentDto, plain, LABELS, (dto) =>
      this.incidents.create(caller, id, dto),
    );
    if (result.ok) {
      this.pages.redirect(res, `/sessions/${id}/incidents`, 'incident-recorded');
      return;
    }
    const specs = this.specs([]);
    await this.render(
      req,
      res,
      caller,
      session,
      typedValues(specs, body),
      result.errors,
      result.status,
    );
  }

  @Post(':incidentId/delete')
  async remove(
    @Res() res: Response,
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @UuidParam('incidentId') incidentId: string,
  ): Promise<void> {
    await this.incidents.remove(caller, id, incidentId);
    this.pages.redirect(res, `/sessions/${id}/incidents`, 'incident-deleted');
  }

  private specs(candidates: { value: string; label: string }[]): FieldSpec[] {
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

  private async render(
    req: WebRequest,
    res: Response,
    caller: Caller,
    session: ExamSession,
    values: Record<string, FieldValue>,
    errors: FieldErrors | null,
    status: number,
  ): Promise<void> {
    const [{ summary }, candidates, incidents] = await Promise.all([
      this.summaries.of(caller, session),
      this.candidates.listForSession(session.id),
      this.incidents.listForSession(session.id),
    ]);
    const names = new Map(
      candidates.map((c) => [c.id, `${c.lastName.toUpperCase()} ${c.firstName}`]),
    );
    const specs = this.specs(
      candidates.map((c) => ({ value: c.id, label: names.get(c.id) ?? '' })),
    );
    specs[2].min = session.startDate;
    specs[2].max = session.endDate;
    this.pages.render(
      req,
      res,
      'incidents/session',
      'Incidents de la session',
      'sessions',
      {
        session: summary,
        tab: 'incidents',
        writable: canWriteCentre(caller, session.centreId) && session.status !== 'CANCELLED',
        form: formView(specs, values, errors),
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
      },
      status,
    );
  }
}
