import { Injectable } from '@nestjs/common';
import { canWriteCentre, type Caller } from '../../common/caller.js';
import type { ExamSession } from '../../sessions/exam-session.entity.js';
import type { SessionHeader } from '../../sessions/session-header.query.js';
import { sessionHeading } from '../../sessions/session-heading.js';
import type { Titre } from '../../titres/titre.entity.js';
import { TitresService } from '../../titres/titres.service.js';
import type { SessionSummaryView } from '../dashboard/session-dashboard.service.js';
import { SessionPageQuery } from '../queries/session-page.query.js';

/** What the `session-tabs` partial shows above every page of a session (as on the dashboard's pages). */
export type SessionSummary = SessionSummaryView;

/**
 * The heading and tabs of a session's pages, from the session and the names read with it by
 * SessionHeaderQuery: one function for every tab (checklist, candidates, jury, incidents,
 * documents, CQC, journal, edit), so the heading cannot differ from tab to tab.
 */
export function sessionSummaryView(
  caller: Caller,
  session: ExamSession,
  header: SessionHeader,
): SessionSummaryView {
  return {
    id: session.id,
    ...sessionHeading(session, header),
    cancelled: session.status === 'CANCELLED',
    editable: session.status !== 'CANCELLED' && canWriteCentre(caller, session.centreId),
    cqc: header.titreGivesCqc,
  };
}

/** The session's heading and tabs, for the form pages of a session. */
@Injectable()
export class SessionSummaries {
  constructor(
    private readonly titres: TitresService,
    private readonly page: SessionPageQuery,
  ) {}

  async of(
    caller: Caller,
    session: ExamSession,
  ): Promise<{ summary: SessionSummary; titre: Titre }> {
    const [titre, read] = await Promise.all([
      this.titres.get(session.titreId),
      this.page.header(caller, session.id),
    ]);
    // The heading from the same read as the checklist's tab (the session as just read, too).
    return { titre, summary: sessionSummaryView(caller, read.session, read.header) };
  }
}
