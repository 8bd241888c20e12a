/**
 * The session journal as an inspector reads it: the rows of AuditService.listForSession (the
 * API's own read path) narrowed by the filter, then phrased with the names they point at.
 * Access is checked by the caller (the session page's header, the documents' dossier).
 */
import { Injectable } from '@nestjs/common';
import {
  In,
  type EntityManager,
  type EntityTarget,
  type FindOptionsWhere,
  type ObjectLiteral,
} from 'typeorm';
import { Candidate } from '../candidates/candidate.entity.js';
import { SessionTask } from '../checklist/session-task.entity.js';
import { Site } from '../centres/site.entity.js';
import { canonicalUuid } from '../common/validation/uuid-param.js';
import { FieldErrorsException, type FieldError } from '../common/validation/field-errors.js';
import { Database } from '../database/database.js';
import { JuryMember } from '../jury/jury-member.entity.js';
import { LinkDeclaration } from '../jury/link-declaration.entity.js';
import { TrainingProvider } from '../providers/training-provider.entity.js';
import { Titre } from '../titres/titre.entity.js';
import { SessionStaff } from '../jury/session-staff.entity.js';
import { User } from '../users/user.entity.js';
import {
  actorName,
  entitiesOfKind,
  ENTITY_PHRASES,
  JOURNAL_KIND_LABELS,
  JOURNAL_KINDS,
  journalLines,
  type JournalKind,
  type JournalLine,
  type JournalNames,
} from './audit-phrasing.js';
import type { AuditEntry } from './audit-entry.entity.js';
import { AuditService, type AuditFilter } from './audit.service.js';

export interface JournalFilter {
  kind: JournalKind | null;
  actorId: string | null;
}

/** The journal's query (`?kind=task&actor=<id>`): unknown values are refused in French. */
export function parseJournalFilter(query: Record<string, unknown>): JournalFilter {
  const errors: FieldError[] = [];
  const text = (key: string): string => {
    const value = query[key];
    if (value === undefined || value === '') return '';
    if (typeof value !== 'string') {
      errors.push({ field: key, message: `Le filtre « ${key} » ne peut être donné qu’une fois.` });
      return '';
    }
    return value;
  };
  const kindText = text('kind');
  const actorText = text('actor');
  let kind: JournalKind | null = null;
  if (kindText !== '') {
    if ((JOURNAL_KINDS as readonly string[]).includes(kindText)) kind = kindText as JournalKind;
    else
      errors.push({
        field: 'kind',
        message: `Type d’entrée inconnu : choisissez parmi ${JOURNAL_KINDS.map(
          (k) => `« ${JOURNAL_KIND_LABELS[k]} »`,
        ).join(', ')}.`,
      });
  }
  let actorId: string | null = null;
  if (actorText !== '') {
    actorId = canonicalUuid(actorText);
    if (actorId === null)
      errors.push({
        field: 'actor',
        message: 'Auteur inconnu : choisissez une personne dans la liste « Auteur ».',
      });
  }
  if (errors.length > 0) throw new FieldErrorsException(errors);
  return { kind, actorId };
}

/** The rows' query of a filter. */
export function auditFilterOf(filter: JournalFilter): AuditFilter {
  const result: AuditFilter = {};
  if (filter.kind === 'other') {
    result.excludeEntities = Object.keys(ENTITY_PHRASES).filter(
      (entity) => ENTITY_PHRASES[entity].kind !== 'other',
    );
  } else if (filter.kind !== null) {
    result.entities = entitiesOfKind(filter.kind);
  }
  if (filter.actorId !== null) result.actorId = filter.actorId;
  return result;
}

/** The query string of a filter (for the PDF link), '' when none. */
export function journalQuery(filter: JournalFilter): string {
  const params = new URLSearchParams();
  if (filter.kind) params.set('kind', filter.kind);
  if (filter.actorId) params.set('actor', filter.actorId);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

export interface Journal {
  filter: JournalFilter;
  lines: JournalLine[];
  /** Who acted on the session, for the filter, by name. */
  actors: { id: string; name: string }[];
}

const CHUNK = 400;

function personName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim();
}

/** Every UUID among the decoded values of the rows (the ids fields point at). */
function uuidsOf(rows: readonly AuditEntry[]): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const uuid = canonicalUuid(value);
      if (uuid) found.add(uuid);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  for (const row of rows) {
    for (const stored of [row.before, row.after]) {
      if (stored === null) continue;
      try {
        visit(JSON.parse(stored) as unknown);
      } catch {
        visit(stored);
      }
    }
  }
  return [...found];
}

@Injectable()
export class JournalService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  /** The session's journal, most recent first; the caller has checked access to the session. */
  async journal(sessionId: string, filter: JournalFilter): Promise<Journal> {
    const rows = await this.audit.listForSession(sessionId, auditFilterOf(filter));
    const actors = await this.audit.actorsOfSession(sessionId);
    const names = await this.names(
      sessionId,
      rows,
      actors.map((a) => a.actorId).filter((id): id is string => id !== null),
    );
    const actorList = actors
      .filter((a): a is { actorId: string; actorEmail: string } => a.actorId !== null)
      .map((a) => ({ id: a.actorId, name: actorName(a.actorId, a.actorEmail, names.users) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    return { filter, lines: journalLines(rows, names), actors: actorList };
  }

  private names(
    sessionId: string,
    rows: readonly AuditEntry[],
    actorIds: readonly string[],
  ): Promise<JournalNames> {
    return this.db.read(async (m) => {
      const declarations = await m.getRepository(LinkDeclaration).find({ where: { sessionId } });
      const ids = [
        ...new Set([
          ...uuidsOf(rows),
          ...rows.map((r) => r.entityId),
          ...actorIds,
          ...declarations.flatMap((d) => [d.juryMemberId, d.candidateId]),
        ]),
      ];
      const users = await byIds(m, User, ids);
      const candidates = await byIds(m, Candidate, ids);
      const juryMembers = await byIds(m, JuryMember, ids);
      const sites = await byIds(m, Site, ids);
      const titres = await byIds(m, Titre, ids);
      const providers = await byIds(m, TrainingProvider, ids);
      const staff = await m
        .getRepository(SessionStaff)
        .find({ where: { sessionId }, relations: { juryMember: true } });
      const tasks = await m.getRepository(SessionTask).find({
        where: { sessionId },
        select: { id: true, code: true, label: true },
      });
      const candidateNames = new Map(
        candidates.map((c) => [c.id, personName(c)] as [string, string]),
      );
      const memberNames = new Map(
        juryMembers.map((j) => [j.id, personName(j)] as [string, string]),
      );
      return {
        users: new Map(users.map((u) => [u.id, personName(u) || u.email] as [string, string])),
        candidates: candidateNames,
        juryMembers: memberNames,
        staff: new Map(
          staff
            .filter((s) => s.juryMember)
            .map((s) => [s.id, personName(s.juryMember as JuryMember)] as [string, string]),
        ),
        tasksById: new Map(tasks.map((t) => [t.id, t.label] as [string, string])),
        tasksByCode: new Map(tasks.map((t) => [t.code, t.label] as [string, string])),
        declarations: new Map(
          declarations.flatMap((d) => {
            const member = memberNames.get(d.juryMemberId);
            const candidate = candidateNames.get(d.candidateId);
            return member && candidate
              ? [[d.id, `${member} avec ${candidate}`] as [string, string]]
              : [];
          }),
        ),
        labels: new Map([
          ...sites.map((s) => [s.id, s.name] as [string, string]),
          ...titres.map((x) => [x.id, `${x.code} — ${x.label}`] as [string, string]),
          ...providers.map((p) => [p.id, p.name] as [string, string]),
        ]),
      };
    });
  }
}

async function byIds<T extends ObjectLiteral & { id: string }>(
  m: EntityManager,
  target: EntityTarget<T>,
  ids: readonly string[],
): Promise<T[]> {
  const found: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    found.push(...(await m.getRepository(target).findBy({ id: In(chunk) } as FindOptionsWhere<T>)));
  }
  return found;
}
