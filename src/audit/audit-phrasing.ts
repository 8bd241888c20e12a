/**
 * The session journal in French, for an inspector: who (a name), when (jj/mm/aaaa à HH:MM, Paris
 * time) and what (« Coche de la tâche « Convoquer le jury » », « à faire » → « fait le
 * 12/03/2027 »). Plain functions over the stored rows and a few name lookups: never raw JSON,
 * internal ids or English keys; an unknown entity, action or field reads as a French generic
 * phrase.
 */
import { formatFrenchDate } from '../common/calendar-date.js';
import { canonicalUuid } from '../common/validation/uuid-param.js';
import { FIELD_LABELS } from '../web/forms/field-labels.js';
import {
  ATTENDANCE_LABELS,
  CONVOCATION_MODE_LABELS,
  OUTCOME_LABELS,
  PATHWAY_LABELS,
  ROLE_LABELS,
  SESSION_NATURE_LABELS,
  SESSION_STATUS_LABELS,
  STAFF_ROLE_LABELS,
} from '../web/views/labels.js';
import type { AuditEntry } from './audit-entry.entity.js';

/** The stored fields of a row the journal reads. */
export type AuditRow = Pick<
  AuditEntry,
  'seq' | 'at' | 'entity' | 'entityId' | 'action' | 'field' | 'before' | 'after' | 'actorId'
> & { actorEmail: string };

/** Names of what the rows point at, by id (and the session's task labels by code). */
export interface JournalNames {
  users: ReadonlyMap<string, string>;
  candidates: ReadonlyMap<string, string>;
  juryMembers: ReadonlyMap<string, string>;
  /** Session staff assignment id → the assigned person's name. */
  staff: ReadonlyMap<string, string>;
  tasksById: ReadonlyMap<string, string>;
  tasksByCode: ReadonlyMap<string, string>;
  /** Link declaration id → « Paul Bernard avec Anaïs Martin ». */
  declarations: ReadonlyMap<string, string>;
  /** Other things a field may point at: sites, titres, training providers. */
  labels: ReadonlyMap<string, string>;
}

export const EMPTY_NAMES: JournalNames = {
  users: new Map(),
  candidates: new Map(),
  juryMembers: new Map(),
  staff: new Map(),
  tasksById: new Map(),
  tasksByCode: new Map(),
  declarations: new Map(),
  labels: new Map(),
};

/** The actor of automatic work (retention purge…): see SYSTEM_CALLER. */
export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';
export const SYSTEM_ACTOR_NAME = 'Jalon (traitement automatique)';

export const JOURNAL_KINDS = ['task', 'candidate', 'jury', 'incident', 'session', 'other'] as const;
export type JournalKind = (typeof JOURNAL_KINDS)[number];

export const JOURNAL_KIND_LABELS: Record<JournalKind, string> = {
  task: 'Liste de contrôle et tâches',
  candidate: 'Candidats',
  jury: 'Jury et surveillants',
  incident: 'Incidents et fraudes',
  session: 'Session',
  other: 'Autres',
};

interface EntityPhrase {
  kind: JournalKind;
  /** The noun after « Création », « Modification »…: « du candidat », « de la session ». */
  noun: string;
}

/** Every entity an audit write names in the code (a spec checks the list against the sources). */
export const ENTITY_PHRASES: Readonly<Record<string, EntityPhrase>> = {
  session: { kind: 'session', noun: 'de la session' },
  checklist: { kind: 'task', noun: 'de la liste de contrôle' },
  session_task: { kind: 'task', noun: 'de la tâche' },
  candidate: { kind: 'candidate', noun: 'du candidat' },
  person: { kind: 'candidate', noun: 'de la fiche personne' },
  session_staff: { kind: 'jury', noun: 'de l’affectation' },
  link_declaration: { kind: 'jury', noun: 'de la déclaration de liens' },
  jury_member: { kind: 'jury', noun: 'du membre du jury' },
  habilitation: { kind: 'jury', noun: 'de l’habilitation' },
  session_incident: { kind: 'incident', noun: 'de l’incident' },
  centre: { kind: 'other', noun: 'du centre' },
  titre: { kind: 'other', noun: 'du titre' },
  agrement: { kind: 'other', noun: 'de l’agrément' },
  annual_programme: { kind: 'other', noun: 'du programme annuel' },
  reminder_policy: { kind: 'other', noun: 'des règles de rappel' },
  training_provider: { kind: 'other', noun: 'de l’organisme de formation' },
  provider_convention: { kind: 'other', noun: 'de la convention' },
  convention_avenant: { kind: 'other', noun: 'de l’avenant à la convention' },
  cqc_driver: { kind: 'candidate', noun: 'du conducteur (CQC)' },
  cqc_registration: { kind: 'candidate', noun: 'de l’inscription CQC' },
  cqc_certificate: { kind: 'candidate', noun: 'de l’attestation CQC' },
  cqc_hub_account_notice: { kind: 'candidate', noun: 'de l’avis de compte CQC' },
  cqc_campaign: { kind: 'other', noun: 'de la campagne CQC' },
  cqc_campaign_school: { kind: 'other', noun: 'de l’établissement de la campagne' },
  cqc_campaign_class: { kind: 'other', noun: 'de la classe de la campagne' },
  cqc_campaign_pupil: { kind: 'other', noun: 'de l’élève de la campagne' },
  cqc_fiche_session: { kind: 'other', noun: 'de la séance de fiches CQC' },
  cqc_fiche: { kind: 'other', noun: 'des fiches CQC' },
  cqc_handover: { kind: 'other', noun: 'de la remise des attestations CQC' },
  user: { kind: 'other', noun: 'du compte utilisateur' },
};

/** Every action an audit write names in the code. */
export const ACTION_PHRASES: Readonly<Record<string, string>> = {
  create: 'Création',
  update: 'Modification',
  delete: 'Suppression',
  cancel: 'Annulation',
  postpone: 'Report',
  purge: 'Effacement des données personnelles',
  tick: 'Mise à jour',
  recompute: 'Recalcul des échéances',
  upgrade: 'Passage à une nouvelle version',
  place: 'Placement',
  issue_fiches: 'Émission des fiches',
  void: 'Annulation',
  'password-change': 'Changement du mot de passe',
  'reset-request': 'Demande de réinitialisation du mot de passe',
  'password-reset': 'Réinitialisation du mot de passe',
  disable: 'Désactivation',
  enable: 'Réactivation',
};

/** The entities of a filter kind, for the query. */
export function entitiesOfKind(kind: JournalKind): string[] {
  return Object.entries(ENTITY_PHRASES)
    .filter(([, phrase]) => phrase.kind === kind)
    .map(([entity]) => entity);
}

export function kindOf(entity: string): JournalKind {
  return ENTITY_PHRASES[entity]?.kind ?? 'other';
}

/** Fields the journal never shows: internal ids, technical stamps, duplicates of a shown one. */
const HIDDEN_FIELDS = new Set([
  'id',
  'sessionId',
  'centreId',
  'personId',
  'doneBy',
  'doneByEmail',
  'createdBy',
  'createdByEmail',
  'updatedAt',
  'createdAt',
  'version',
  'matchKey',
]);

/** French labels of the fields FIELD_LABELS (the forms') does not name. */
const JOURNAL_FIELD_LABELS: Readonly<Record<string, string>> = {
  dueDate: 'Échéance',
  status: 'État',
  checklistVersion: 'Version de la liste de contrôle',
  addedTasks: 'Tâches ajoutées',
  removedTasks: 'Tâches retirées',
  resetTasks: 'Tâches remises « à faire »',
  task: 'Tâche',
  incident: 'Incident',
  occurredOn: 'Date des faits',
  description: 'Description',
  measures: 'Mesures prises',
  cancelReason: 'Motif d’annulation',
  trainerIds: 'Formateurs',
  trainingProviderId: 'Organisme de formation',
  cardOrderedOn: 'Carte commandée le',
  purgedAt: 'Données effacées le',
  convocationDate: 'Date de convocation',
  attendance: 'Présence',
  arrivalTime: 'Heure d’arrivée',
  linkKind: 'Nature du lien',
};

export function fieldLabel(field: string): string {
  return JOURNAL_FIELD_LABELS[field] ?? FIELD_LABELS[field] ?? 'Autre information';
}

const TASK_STATUS_PHRASES: Record<string, string> = {
  todo: 'à faire',
  done: 'fait',
  not_applicable: 'sans objet',
};

const INCIDENT_KIND_LABELS: Record<string, string> = {
  INCIDENT: 'Incident',
  FRAUD: 'Fraude ou tentative de fraude',
};

const PROOF_KIND_LABELS: Record<string, string> = {
  SIGNED_DISCHARGE: 'Décharge signée (remise en main propre)',
  RECEIPT_ACKNOWLEDGEMENT: 'Accusé de réception',
};

const LINK_KIND_LABELS: Record<string, string> = {
  PERSONAL: 'Lien personnel',
  PROFESSIONAL: 'Lien professionnel',
  PEDAGOGICAL: 'Lien pédagogique (formateur)',
};

const ENUM_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  convocationMode: CONVOCATION_MODE_LABELS,
  attendance: ATTENDANCE_LABELS,
  outcome: OUTCOME_LABELS,
  pathway: PATHWAY_LABELS,
  nature: SESSION_NATURE_LABELS,
  vaeAllowedNatures: SESSION_NATURE_LABELS,
  convocationProofKind: PROOF_KIND_LABELS,
  kind: INCIDENT_KIND_LABELS,
  linkKind: LINK_KIND_LABELS,
};

const MAX_TEXT = 300;
const NBSP = '\u00a0';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

const PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as « 12/03/2027 à 14:05 », Paris time. */
export function parisDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'date inconnue';
  const parts = Object.fromEntries(PARIS.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} à ${parts.hour}:${parts.minute}`;
}

function quoted(text: string): string {
  return `«${NBSP}${text}${NBSP}»`;
}

function truncated(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function decode(stored: string | null): unknown {
  if (stored === null) return null;
  try {
    return JSON.parse(stored) as unknown;
  } catch {
    return stored;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nameFromRecord(value: Record<string, unknown>): string | null {
  const first = typeof value.firstName === 'string' ? value.firstName : '';
  const last = typeof value.lastName === 'string' ? value.lastName : '';
  const name = `${first} ${last}`.trim();
  return name === '' ? null : name;
}

/** The name an id points at, whatever it is, or null. */
function nameOfId(id: string, names: JournalNames): string | null {
  return (
    names.candidates.get(id) ??
    names.juryMembers.get(id) ??
    names.users.get(id) ??
    names.staff.get(id) ??
    names.tasksById.get(id) ??
    names.labels.get(id) ??
    null
  );
}

/** One stored value of `field` as French text, or null when empty. */
export function valueText(field: string, value: unknown, names: JournalNames): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (Array.isArray(value)) {
    const parts = value
      .map((item) => valueText(field, item, names))
      .filter((text): text is string => text !== null);
    return parts.length === 0 ? null : truncated(parts.join(', '));
  }
  if (isRecord(value)) {
    if (typeof value.ccpCode === 'string' && typeof value.outcome === 'string') {
      return `${value.ccpCode}${NBSP}: ${OUTCOME_LABELS[value.outcome as keyof typeof OUTCOME_LABELS] ?? 'résultat inconnu'}`;
    }
    const name = nameFromRecord(value);
    if (name) return name;
    if (typeof value.label === 'string') return truncated(value.label);
    if (typeof value.description === 'string') return truncated(value.description);
    return 'informations détaillées';
  }
  if (typeof value !== 'string') return 'valeur non affichable';
  const labels = ENUM_LABELS[field];
  if (labels) return labels[value] ?? value;
  if (field === 'status') {
    return (
      SESSION_STATUS_LABELS[value as keyof typeof SESSION_STATUS_LABELS] ??
      TASK_STATUS_PHRASES[value] ??
      value
    );
  }
  if (field === 'role') {
    return (
      STAFF_ROLE_LABELS[value as keyof typeof STAFF_ROLE_LABELS] ??
      ROLE_LABELS[value as keyof typeof ROLE_LABELS] ??
      value
    );
  }
  if (field === 'addedTasks' || field === 'removedTasks' || field === 'resetTasks') {
    return names.tasksByCode.get(value) ?? 'tâche du modèle';
  }
  if (DATE.test(value)) return formatFrenchDate(value);
  if (INSTANT.test(value)) return parisDateTime(value);
  if (canonicalUuid(value) !== null)
    return nameOfId(value.toLowerCase(), names) ?? 'élément supprimé';
  return truncated(value);
}

/** « Nom : « Dupont » → « Durand » », empty sides as « (vide) ». */
export function changeLine(
  field: string,
  before: unknown,
  after: unknown,
  names: JournalNames,
): string {
  const side = (value: unknown): string => {
    const text = valueText(field, value, names);
    return text === null ? '(vide)' : quoted(text);
  };
  return `${fieldLabel(field)}${NBSP}: ${side(before)} → ${side(after)}`;
}

/** « à faire », « fait le 12/03/2027 », « sans objet ». */
export function taskState(status: unknown, doneAt: unknown): string {
  const word =
    typeof status === 'string' ? (TASK_STATUS_PHRASES[status] ?? 'état inconnu') : 'à faire';
  if (status === 'done' && typeof doneAt === 'string' && DATE.test(doneAt)) {
    return `${word} le ${formatFrenchDate(doneAt)}`;
  }
  return word;
}

/** The rows of one recorded event (one per changed field), in the order they were written. */
export interface AuditEvent {
  seq: number;
  at: string;
  actorId: string | null;
  actorEmail: string;
  entity: string;
  entityId: string;
  action: string;
  changes: { field: string; before: unknown; after: unknown }[];
  /** The snapshot of a create or delete (no field). */
  snapshot: unknown;
}

/** Groups consecutive rows of the same write (same instant, actor, entity, id and action). */
export function groupEvents(rows: readonly AuditRow[]): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const row of rows) {
    const last = events.at(-1);
    const same =
      last !== undefined &&
      last.at === row.at &&
      last.actorId === row.actorId &&
      last.entity === row.entity &&
      last.entityId === row.entityId &&
      last.action === row.action;
    const event: AuditEvent = same
      ? last
      : {
          seq: row.seq,
          at: row.at,
          actorId: row.actorId,
          actorEmail: row.actorEmail,
          entity: row.entity,
          entityId: row.entityId,
          action: row.action,
          changes: [],
          snapshot: null,
        };
    if (!same) events.push(event);
    if (row.field === null) event.snapshot = decode(row.after);
    else
      event.changes.push({
        field: row.field,
        before: decode(row.before),
        after: decode(row.after),
      });
  }
  return events;
}

export interface JournalLine {
  seq: number;
  /** « 12/03/2027 à 14:05 ». */
  when: string;
  who: string;
  kind: JournalKind;
  kindLabel: string;
  what: string;
  details: string[];
}

/** The actor's name; their e-mail only when no name is known. */
export function actorName(
  actorId: string | null,
  actorEmail: string,
  users: ReadonlyMap<string, string>,
): string {
  if (actorId === SYSTEM_ACTOR_ID) return SYSTEM_ACTOR_NAME;
  const name = actorId === null ? undefined : users.get(actorId);
  if (name) return name;
  return EMAIL.test(actorEmail) ? actorEmail : 'Utilisateur inconnu';
}

/** The name of what the event is about, from its snapshot, its changes or the lookups. */
function subjectOf(event: AuditEvent, names: JournalNames): string | null {
  const snapshot = isRecord(event.snapshot) ? event.snapshot : null;
  switch (event.entity) {
    case 'session_task':
      return names.tasksById.get(event.entityId) ?? null;
    case 'candidate':
      return names.candidates.get(event.entityId) ?? (snapshot ? nameFromRecord(snapshot) : null);
    case 'session_staff':
      return names.staff.get(event.entityId) ?? (snapshot ? nameFromRecord(snapshot) : null);
    case 'jury_member':
      return names.juryMembers.get(event.entityId) ?? (snapshot ? nameFromRecord(snapshot) : null);
    case 'link_declaration': {
      const known = names.declarations.get(event.entityId);
      if (known) return known;
      const member = snapshot?.juryMemberId;
      const candidate = snapshot?.candidateId;
      const memberName = typeof member === 'string' ? names.juryMembers.get(member) : undefined;
      const candidateName =
        typeof candidate === 'string' ? names.candidates.get(candidate) : undefined;
      if (memberName && candidateName) return `${memberName} avec ${candidateName}`;
      return memberName ?? null;
    }
    default:
      return snapshot ? nameFromRecord(snapshot) : null;
  }
}

/** The details of a tick: the state as « à faire » → « fait le 12/03/2027 », then the notes. */
function tickDetails(event: AuditEvent, names: JournalNames): string[] {
  const by = new Map(event.changes.map((c) => [c.field, c]));
  const status = by.get('status');
  const doneAt = by.get('doneAt');
  const lines: string[] = [];
  if (status || doneAt) {
    const beforeStatus = status ? status.before : doneAt?.before ? 'done' : 'todo';
    const afterStatus = status ? status.after : doneAt?.after ? 'done' : beforeStatus;
    lines.push(
      `${quoted(taskState(beforeStatus, doneAt ? doneAt.before : null))} → ${quoted(
        taskState(afterStatus, doneAt ? doneAt.after : null),
      )}`,
    );
  }
  for (const change of event.changes) {
    if (change.field === 'status' || change.field === 'doneAt') continue;
    if (HIDDEN_FIELDS.has(change.field)) continue;
    lines.push(changeLine(change.field, change.before, change.after, names));
  }
  return lines;
}

function incidentDetails(value: unknown, names: JournalNames): string[] {
  if (!isRecord(value)) return [];
  const lines: string[] = [];
  for (const field of ['kind', 'occurredOn', 'candidateId', 'description', 'measures']) {
    const text = valueText(field, value[field], names);
    if (text !== null) lines.push(`${fieldLabel(field)}${NBSP}: ${text}`);
  }
  return lines;
}

function detailsOf(event: AuditEvent, names: JournalNames): string[] {
  if (event.entity === 'session_task' && event.action === 'tick') return tickDetails(event, names);
  if (event.entity === 'session_task' && event.action === 'recompute') {
    return event.changes.map(
      (c) =>
        `${names.tasksByCode.get(c.field) ?? 'Tâche du modèle'}${NBSP}: échéance ${
          valueText('dueDate', c.before, names) ?? '(aucune)'
        } → ${valueText('dueDate', c.after, names) ?? '(aucune)'}`,
    );
  }
  if (event.entity === 'session_incident') {
    const incident = event.changes.find((c) => c.field === 'incident');
    if (incident) return incidentDetails(incident.before, names);
    if (event.changes.length === 0) return incidentDetails(event.snapshot, names);
  }
  if (event.entity === 'session_task' && event.action === 'upgrade') {
    const removed = event.changes.find((c) => c.field === 'task');
    if (removed) return ['Tâche retirée de la liste de contrôle'];
    return tickDetails(event, names);
  }
  if (event.entity === 'link_declaration' && isRecord(event.snapshot)) {
    const snapshot = event.snapshot;
    return ['hasLink', 'linkKind', 'details', 'declaredOn'].flatMap((field) => {
      const text = valueText(field, snapshot[field], names);
      return text === null ? [] : [`${fieldLabel(field)}${NBSP}: ${text}`];
    });
  }
  if (event.entity === 'session_staff' && event.action === 'create' && isRecord(event.snapshot)) {
    const role = valueText('role', event.snapshot.role, names);
    return role ? [`Rôle${NBSP}: ${role}`] : [];
  }
  return event.changes
    .filter((c) => !HIDDEN_FIELDS.has(c.field))
    .map((c) => changeLine(c.field, c.before, c.after, names));
}

/** « Création du candidat Anaïs Martin », « Mise à jour de la tâche « Convoquer le jury » ». */
export function eventSummary(event: AuditEvent, names: JournalNames): string {
  const entity = ENTITY_PHRASES[event.entity];
  const action = ACTION_PHRASES[event.action];
  if (!entity || !action) return 'Modification enregistrée';
  if (event.entity === 'session_staff') {
    const who = subjectOf(event, names) ?? 'une personne';
    if (event.action === 'create') return `Affectation de ${who} à la session`;
    if (event.action === 'delete') return `Retrait de ${who} de la session`;
    return `Modification de l’affectation de ${who}`;
  }
  if (event.entity === 'candidate' && event.action === 'create') {
    return `Inscription du candidat ${subjectOf(event, names) ?? ''}`.trim();
  }
  if (event.entity === 'session_task' && event.action === 'recompute') {
    return 'Recalcul des échéances de la liste de contrôle';
  }
  if (event.entity === 'session_incident' && event.action === 'create') {
    const kind = isRecord(event.snapshot) ? event.snapshot.kind : null;
    return kind === 'FRAUD' ? 'Signalement d’une fraude' : 'Signalement d’un incident';
  }
  const subject = subjectOf(event, names);
  if (event.entity === 'link_declaration' && subject) {
    return `${action} ${entity.noun} de ${subject}`;
  }
  if (event.entity === 'session_task') {
    return `${action} ${entity.noun}${subject ? ` ${quoted(subject)}` : ''}`;
  }
  return `${action} ${entity.noun}${subject ? ` ${subject}` : ''}`;
}

/** One event as the journal shows it. */
export function journalLine(event: AuditEvent, names: JournalNames): JournalLine {
  const kind = kindOf(event.entity);
  return {
    seq: event.seq,
    when: parisDateTime(event.at),
    who: actorName(event.actorId, event.actorEmail, names.users),
    kind,
    kindLabel: JOURNAL_KIND_LABELS[kind],
    what: eventSummary(event, names),
    details: detailsOf(event, names),
  };
}

/** The journal of stored rows (oldest first), most recent first. */
export function journalLines(rows: readonly AuditRow[], names: JournalNames): JournalLine[] {
  return groupEvents(rows)
    .map((event) => journalLine(event, names))
    .reverse();
}
