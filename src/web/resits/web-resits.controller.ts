import { Body, Controller, Get, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller } from '../../auth/auth.decorators.js';
import { CandidatesService } from '../../candidates/candidates.service.js';
import { CreateCandidateDto } from '../../candidates/dto/candidate.dto.js';
import { CentresService } from '../../centres/centres.service.js';
import { RESIT_STATUS_LABELS } from '../../certification/resit-rules.js';
import {
  ResitsService,
  type CentreResit,
  type ResitSession,
} from '../../certification/resits.service.js';
import { formatFrenchDate } from '../../common/calendar-date.js';
import { canWriteCentre, type Caller } from '../../common/caller.js';
import { UuidParam } from '../../common/validation/uuid-param.js';
import { attempt, labelsFrom, text, type FormBody } from '../forms/form-input.js';
import { requireWriter } from '../forms/form-support.js';
import type { ListDefinition } from '../lists/list-params.js';
import { listPage } from '../lists/list-query.js';
import { SESSION_NATURE_LABELS } from '../views/labels.js';
import { WebExceptionFilter } from '../web-exception.filter.js';
import { WebPages, type WebRequest } from '../web-pages.js';

const LABELS = labelsFrom({ personId: 'Personne', sessionId: 'Session CCP' });

/** The re-sits list's sortable columns (`?sort=`), the soonest deadline first. */
export const RESIT_LIST: ListDefinition<
  'name' | 'titre' | 'missing' | 'deadline' | 'daysLeft' | 'status'
> = {
  columns: {
    name: 'Personne',
    titre: 'Titre',
    missing: 'CCP manquants',
    deadline: 'Échéance',
    daysLeft: 'Jours restants',
    status: 'Statut',
  },
  defaultSort: 'deadline',
  defaultDir: 'asc',
};

/** A refused enrolment, shown on the line of the re-sit it was for. */
interface RowError {
  candidateId: string;
  messages: string[];
  status: number;
}

function sessionText(session: ResitSession): string {
  const dates =
    session.startDate === session.endDate
      ? `le ${formatFrenchDate(session.startDate)}`
      : `du ${formatFrenchDate(session.startDate)} au ${formatFrenchDate(session.endDate)}`;
  const codes = session.ccpCodes.length > 0 ? ` (${session.ccpCodes.join(', ')})` : '';
  return `Session ${SESSION_NATURE_LABELS[session.nature]}${codes} ${dates}`;
}

function daysLeftText(daysLeft: number): string {
  if (daysLeft < 0) return `dépassée de ${-daysLeft} jour${daysLeft < -1 ? 's' : ''}`;
  return `${daysLeft} jour${daysLeft > 1 ? 's' : ''}`;
}

/**
 * « Rattrapages »: a centre's people with a re-sit (`ResitsService`), and for each one with no
 * session planned, one form enrolling them in a CCP session of the centre that covers a missing
 * CCP (pathway « suite de parcours », through the candidates service, audited there).
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class WebResitsController {
  constructor(
    private readonly resits: ResitsService,
    private readonly centres: CentresService,
    private readonly candidates: CandidatesService,
    private readonly pages: WebPages,
  ) {}

  /** The navigation's entry: the caller's centre list, or straight to their only centre. */
  @Get('resits')
  async index(
    @CurrentCaller() caller: Caller,
    @Req() req: WebRequest,
    @Res() res: Response,
  ): Promise<void> {
    const centres = await this.centres.list(caller);
    if (centres.length === 1) {
      this.pages.redirect(res, `/centres/${centres[0].id}/resits`);
      return;
    }
    this.pages.render(req, res, 'resits/index', 'Rattrapages', 'resits', {
      centres: centres.map((c) => ({ name: c.name, url: `/centres/${c.id}/resits` })),
    });
  }

  @Get('centres/:id/resits')
  async show(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Req() req: WebRequest,
    @Res() res: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    await this.render(caller, id, req, res, null, query);
  }

  /** Enrols the person of an open re-sit in the chosen CCP session, then back to the list. */
  @Post('centres/:id/resits/enrol')
  async enrol(
    @CurrentCaller() caller: Caller,
    @UuidParam('id') id: string,
    @Body() body: FormBody,
    @Req() req: WebRequest,
    @Res() res: Response,
  ): Promise<void> {
    requireWriter(caller);
    const candidateId = text(body, 'candidateId');
    const sessionId = text(body, 'sessionId');
    const items = await this.resits.forCentre(caller, id);
    const item = items.find((i) => i.candidateId === candidateId);
    const refuse = (message: string, status: number) =>
      this.render(caller, id, req, res, { candidateId, messages: [message], status });
    if (!item || item.status !== 'OPEN') {
      await refuse(
        'Ce rattrapage n’est plus à programmer (une session est déjà prévue, ou le délai est passé) : la liste ci-dessous est à jour, rien n’a été enregistré.',
        409,
      );
      return;
    }
    if (sessionId.trim() === '') {
      await refuse('Le champ « Session CCP » est obligatoire : choisissez une session.', 400);
      return;
    }
    const offered = (await this.resits.choices(id, [item])).get(item.candidateId) ?? [];
    if (!offered.some((s) => s.id === sessionId)) {
      await refuse(
        'Le champ « Session CCP » doit désigner une des sessions CCP proposées pour ce rattrapage.',
        400,
      );
      return;
    }
    const dto = Object.assign(new CreateCandidateDto(), {
      personId: item.personId,
      pathway: 'SUITE_PARCOURS' as const,
    });
    const result = await attempt(() => this.candidates.create(caller, sessionId, dto), LABELS);
    if (!result.ok) {
      await this.render(caller, id, req, res, {
        candidateId,
        messages: Object.values(result.errors),
        status: result.status,
      });
      return;
    }
    this.pages.redirect(res, `/centres/${id}/resits#resit-${item.candidateId}`, 'resit-enrolled');
  }

  private async render(
    caller: Caller,
    centreId: string,
    req: WebRequest,
    res: Response,
    error: RowError | null,
    query: Record<string, unknown> = {},
  ): Promise<void> {
    const centre = await this.centres.get(caller, centreId);
    const items = await this.resits.forCentre(caller, centreId);
    const writable = canWriteCentre(caller, centreId);
    const choices = writable ? await this.resits.choices(centreId, items) : new Map();
    const period = this.resits.period();
    const all = items.map((item) => ({
      item,
      row: this.row(item, choices.get(item.candidateId) ?? [], error),
    }));
    const { rows: shown, list } = listPage(`/centres/${centreId}/resits`, RESIT_LIST, query, all, {
      sortValue: {
        name: (r) => r.row.name,
        titre: (r) => r.row.titre,
        missing: (r) => r.row.missing,
        deadline: (r) => r.item.deadline,
        daysLeft: (r) => r.item.daysLeft,
        status: (r) => r.row.status,
      },
      searchText: (r) =>
        [r.row.name, r.row.titre, r.row.missing, r.row.deadline, r.row.status].join(' '),
    });
    const rows = shown.map((r) => r.row);
    // A refusal goes on its line when the line shows the form, else above the list.
    const onItsLine = rows.some(
      (r) => r.candidateId === error?.candidateId && r.choices.length > 0,
    );
    this.pages.render(
      req,
      res,
      'resits/list',
      `Rattrapages — ${centre.name}`,
      'resits',
      {
        centre: { id: centre.id, name: centre.name },
        writable,
        periodText: period.years === 1 ? 'd’un an' : `de ${period.years} ans`,
        source: period.source,
        error: onItsLine ? null : error,
        list,
        items: rows,
      },
      error?.status ?? 200,
    );
  }

  private row(item: CentreResit, choices: ResitSession[], error: RowError | null) {
    const mine = error?.candidateId === item.candidateId ? error : null;
    return {
      candidateId: item.candidateId,
      personId: item.personId,
      name: `${item.lastName} ${item.firstName}`,
      titre: `${item.titreCode} — ${item.titreLabel} (${item.titreVersion})`,
      missing: item.missingCcpCodes.join(', '),
      deadline: formatFrenchDate(item.deadline),
      daysLeft: daysLeftText(item.daysLeft),
      overdue: item.daysLeft < 0,
      status: RESIT_STATUS_LABELS[item.status],
      open: item.status === 'OPEN',
      planned: item.plannedSession
        ? { id: item.plannedSession.id, text: sessionText(item.plannedSession) }
        : null,
      choices: choices.map((s) => ({ id: s.id, text: sessionText(s) })),
      errors: mine?.messages ?? [],
    };
  }
}
