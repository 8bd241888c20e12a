import { Injectable } from '@nestjs/common';
import { In, Not, type EntityManager } from 'typeorm';
import { Candidate } from '../candidates/candidate.entity.js';
import { Centre } from '../centres/centre.entity.js';
import { ChecklistTemplates } from '../checklist/checklist-templates.js';
import { templateResitPeriod } from '../checklist/checklist-template.js';
import type { CalendarDate } from '../common/calendar-date.js';
import { canReadCentre, type Caller } from '../common/caller.js';
import { chunks } from '../common/chunks.js';
import { Clock } from '../common/clock.js';
import { notFound } from '../common/errors.js';
import { Database } from '../database/database.js';
import { Person } from '../people/person.entity.js';
import { ExamSession } from '../sessions/exam-session.entity.js';
import type { YearsRule } from './certification-sources.js';
import { CertificationRecords } from './certification-records.service.js';
import { compareResits, resitItem, type ResitItem } from './resit-rules.js';
import {
  earliestListedSessionEnd,
  earliestOpenSessionEnd,
  isListedResit,
  resitSessionChoices,
  type ResitSessionOption,
} from './resits-list.js';

/** A session the person is enrolled in for their re-sit, or one they may be enrolled in. */
export interface ResitSession {
  id: string;
  nature: ExamSession['nature'];
  ccpCodes: string[];
  startDate: CalendarDate;
  endDate: CalendarDate;
}

/** One line of a centre's re-sit list. */
export interface CentreResit extends ResitItem {
  centreId: string;
  /** The enrolment (session candidate) whose outcome opened the re-sit. */
  candidateId: string;
  titreLabel: string;
  titreVersion: string;
  /** The later session the person is enrolled in that covers a missing CCP (PLANNED). */
  plannedSession: ResitSession | null;
}

function resitSession(session: ResitSessionOption | ExamSession): ResitSession {
  return {
    id: session.id,
    nature: session.nature,
    ccpCodes: [...session.ccpCodes],
    startDate: session.startDate,
    endDate: session.endDate,
  };
}

/**
 * The re-sits (rattrapages) of the centres' people, computed from their enrolments at each read
 * with `resit-rules.ts`: after results, a person whose latest window opened with a partial or
 * failed outcome at a session of a titre version, with the CCP still missing, the deadline (end
 * of that session + the re-sit period of the checklist template's `rules`), and the session
 * planned for them, if any. Soonest deadline first.
 */
@Injectable()
export class ResitsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly records: CertificationRecords,
    private readonly templates: ChecklistTemplates,
  ) {}

  /** The re-sit period in force: the latest checklist template's setting, with its source. */
  period(): YearsRule {
    return templateResitPeriod(this.templates.latest());
  }

  /** The centre's list (open, planned, recently expired); another centre's answers 404. */
  async forCentre(caller: Caller, centreId: string): Promise<CentreResit[]> {
    if (!canReadCentre(caller, centreId)) throw notFound('Centre');
    return this.db.read(async (m) => {
      if (!(await m.getRepository(Centre).exists({ where: { id: centreId } }))) {
        throw notFound('Centre');
      }
      const today = this.clock.today();
      const period = this.period();
      const items = await this.compute(m, today, period, {
        centreId,
        endedFrom: earliestListedSessionEnd(today, period),
      });
      return items.filter((item) => isListedResit(item, today, period));
    });
  }

  /** The open re-sits (no session planned, deadline not passed) of every centre, for reminders. */
  async open(today: CalendarDate): Promise<CentreResit[]> {
    const period = this.period();
    const items = await this.db.read((m) =>
      this.compute(m, today, period, { endedFrom: earliestOpenSessionEnd(today, period) }),
    );
    return items.filter((item) => item.status === 'OPEN');
  }

  /**
   * The sessions each OPEN item of the centre may be enrolled in (`resitSessionChoices`), by
   * candidate id of the item. No access check: the caller got the items from `forCentre`.
   */
  async choices(
    centreId: string,
    items: readonly CentreResit[],
  ): Promise<Map<string, ResitSession[]>> {
    const open = items.filter((item) => item.status === 'OPEN');
    const out = new Map<string, ResitSession[]>();
    if (open.length === 0) return out;
    const today = this.clock.today();
    const sessions = await this.db.read((m) =>
      m.getRepository(ExamSession).find({
        where: {
          centreId,
          titreId: In([...new Set(open.map((item) => item.titreId))]),
          nature: 'CCP',
          status: In(['PLANNED', 'POSTPONED']),
        },
      }),
    );
    for (const item of open) {
      out.set(item.candidateId, resitSessionChoices(item, sessions, today).map(resitSession));
    }
    return out;
  }

  private async compute(
    m: EntityManager,
    today: CalendarDate,
    period: YearsRule,
    scope: { centreId?: string; endedFrom: CalendarDate },
  ): Promise<CentreResit[]> {
    const query = m
      .getRepository(Candidate)
      .createQueryBuilder('c')
      .innerJoin(ExamSession, 's', 's.id = c.sessionId')
      .select('DISTINCT c.personId', 'personId')
      .where('s.status != :cancelled', { cancelled: 'CANCELLED' })
      .andWhere('s.endDate >= :from', { from: scope.endedFrom });
    if (scope.centreId !== undefined) {
      query.andWhere('s.centreId = :centreId', { centreId: scope.centreId });
    }
    const personIds = (await query.getRawMany<{ personId: string }>()).map((r) => r.personId);
    if (personIds.length === 0) return [];
    const people = new Map<string, Person>();
    for (const ids of chunks(personIds)) {
      for (const person of await m.getRepository(Person).find({ where: { id: In(ids) } })) {
        if (scope.centreId === undefined || person.centreId === scope.centreId) {
          people.set(person.id, person);
        }
      }
    }
    const records = await this.records.forPeople([...people.keys()], m);
    const items: Omit<CentreResit, 'plannedSession'>[] = [];
    for (const [personId, list] of records) {
      const person = people.get(personId);
      if (!person) continue;
      for (const record of list) {
        const item = resitItem(
          {
            person: { id: person.id, lastName: person.lastName, firstName: person.firstName },
            titreId: record.titre.id,
            titre: record.titre.scope,
            sessions: record.enrolments.map((e) => e.attempt),
          },
          today,
          { period },
        );
        const opener = item
          ? record.enrolments.find((e) => e.attempt.sessionId === item.sessionId)
          : undefined;
        if (!item || !opener) continue;
        items.push({
          ...item,
          centreId: person.centreId,
          candidateId: opener.candidateId,
          titreLabel: record.titre.label,
          titreVersion: record.titre.version,
        });
      }
    }
    const planned = await this.sessions(
      m,
      items.map((item) => item.plannedSessionId).filter((id): id is string => id !== null),
    );
    // Soonest deadline first (`sortResits`' order).
    return items.sort(compareResits).map((item) => {
      const session = item.plannedSessionId ? planned.get(item.plannedSessionId) : undefined;
      return { ...item, plannedSession: session ? resitSession(session) : null };
    });
  }

  private async sessions(m: EntityManager, ids: string[]): Promise<Map<string, ExamSession>> {
    const out = new Map<string, ExamSession>();
    for (const chunk of chunks([...new Set(ids)])) {
      const found = await m
        .getRepository(ExamSession)
        .find({ where: { id: In(chunk), status: Not('CANCELLED') } });
      for (const session of found) out.set(session.id, session);
    }
    return out;
  }
}
