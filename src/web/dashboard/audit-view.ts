/** The audit tab's rows: who, when, what, before → after, in French. */
import type { AuditEntry } from '../../audit/audit-entry.entity.js';
import { FIELD_LABELS } from '../forms/field-labels.js';

const ENTITY_LABELS: Record<string, string> = {
  session: 'Session',
  session_task: 'Tâche',
  checklist: 'Liste de contrôle',
  candidate: 'Candidat',
  jury_member: 'Membre du jury',
  habilitation: 'Habilitation',
  session_staff: 'Affectation',
  link_declaration: 'Déclaration de liens',
  session_incident: 'Incident',
};

const ACTION_LABELS: Record<string, string> = {
  create: 'création',
  update: 'modification',
  delete: 'suppression',
  cancel: 'annulation',
  postpone: 'report',
  purge: 'purge',
  tick: 'coche',
  recompute: 'recalcul des échéances',
  upgrade: 'mise à jour du modèle',
};

const MAX_VALUE_LENGTH = 300;

const PARIS_TIME = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** An ISO instant as « jj/mm/aaaa hh:mm » in Paris time. */
export function parisDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : PARIS_TIME.format(date).replace(',', '');
}

/** A stored JSON value as short text (« — » when empty). */
export function auditValue(stored: string | null): string {
  if (stored === null) return '—';
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    value = stored;
  }
  let text: string;
  if (value === null || value === '') text = '—';
  else if (typeof value === 'string') text = value;
  else if (typeof value === 'boolean') text = value ? 'oui' : 'non';
  else if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
    text = value.length === 0 ? '—' : value.join(', ');
  else text = JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

export interface AuditRowView {
  at: string;
  actor: string;
  entity: string;
  action: string;
  field: string;
  before: string;
  after: string;
}

export function auditRowView(entry: AuditEntry): AuditRowView {
  return {
    at: parisDateTime(entry.at),
    actor: entry.actorEmail,
    entity: ENTITY_LABELS[entry.entity] ?? entry.entity,
    action: ACTION_LABELS[entry.action] ?? entry.action,
    field: entry.field === null ? '' : (FIELD_LABELS[entry.field] ?? entry.field),
    before: auditValue(entry.before),
    after: auditValue(entry.after),
  };
}
