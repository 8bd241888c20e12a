import { Injectable } from '@nestjs/common';
import { formatFrenchDate } from '../../common/calendar-date.js';
import { canWriteCentre, type Caller } from '../../common/caller.js';
import { CentresService } from '../../centres/centres.service.js';
import type { ExamSession } from '../../sessions/exam-session.entity.js';
import type { Titre } from '../../titres/titre.entity.js';
import { TitresService } from '../../titres/titres.service.js';
import type { SessionSummaryView } from '../dashboard/session-dashboard.service.js';
import { SESSION_STATUS_LABELS } from '../views/labels.js';

/** What the `session-tabs` partial shows above every page of a session (as on the dashboard's pages). */
export type SessionSummary = SessionSummaryView;

/** The session's heading and tabs, for the form pages of a session. */
@Injectable()
export class SessionSummaries {
  constructor(
    private readonly titres: TitresService,
    private readonly centres: CentresService,
  ) {}

  async of(
    caller: Caller,
    session: ExamSession,
  ): Promise<{ summary: SessionSummary; titre: Titre }> {
    const [titre, site] = await Promise.all([
      this.titres.get(session.titreId),
      this.centres.getSite(caller, session.siteId),
    ]);
    const dates =
      session.startDate === session.endDate
        ? formatFrenchDate(session.startDate)
        : `du ${formatFrenchDate(session.startDate)} au ${formatFrenchDate(session.endDate)}`;
    return {
      titre,
      summary: {
        id: session.id,
        title: `${titre.code} — ${site.name}`,
        titreLabel: `${titre.label} (millésime ${titre.version})`,
        dates,
        status: SESSION_STATUS_LABELS[session.status],
        cancelled: session.status === 'CANCELLED',
        editable: session.status !== 'CANCELLED' && canWriteCentre(caller, session.centreId),
        cqc: titre.cqc !== null || (titre.ccps ?? []).some((c) => c.cqc !== null),
      },
    };
  }
}
