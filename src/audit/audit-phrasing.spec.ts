import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACTION_PHRASES,
  actorName,
  changeLine,
  EMPTY_NAMES,
  ENTITY_PHRASES,
  entitiesOfKind,
  groupEvents,
  journalLines,
  parisDateTime,
  SYSTEM_ACTOR_ID,
  taskState,
  valueText,
  type AuditRow,
  type JournalNames,
} from './audit-phrasing.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ACTOR = '11111111-1111-4111-8111-111111111111';
const TASK = '22222222-2222-4222-8222-222222222222';
const CANDIDATE = '33333333-3333-4333-8333-333333333333';
const MEMBER = '44444444-4444-4444-8444-444444444444';
const STAFF = '55555555-5555-4555-8555-555555555555';
const GONE = '66666666-6666-4666-8666-666666666666';

const NAMES: JournalNames = {
  ...EMPTY_NAMES,
  users: new Map([[ACTOR, 'Claire Dubois']]),
  candidates: new Map([[CANDIDATE, 'Anaïs Martin']]),
  juryMembers: new Map([[MEMBER, 'Paul Bernard']]),
  staff: new Map([[STAFF, 'Paul Bernard']]),
  tasksById: new Map([[TASK, 'Convoquer les candidats']]),
  tasksByCode: new Map([['CONVOCATIONS', 'Convoquer les candidats']]),
};

let seq = 0;
function row(
  entity: string,
  action: string,
  field: string | null,
  before: unknown,
  after: unknown,
  entityId = GONE,
): AuditRow {
  seq += 1;
  return {
    seq,
    at: '2027-03-12T09:05:00.000Z',
    entity,
    entityId,
    action,
    field,
    before: before === null ? null : JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
    actorId: ACTOR,
    actorEmail: 'claire@centre.test',
  };
}

function line(rows: AuditRow[]) {
  const lines = journalLines(rows, NAMES);
  expect(lines).toHaveLength(1);
  return lines[0];
}

/** What a reader must never see. */
function expectReadable(text: string): void {
  expect(text).not.toMatch(/[{}[\]]/);
  expect(text).not.toMatch(UUID);
  expect(text).not.toMatch(/\b(create|update|delete|tick|undefined|null|true|false)\b/);
  expect(text).not.toMatch(/[a-z][A-Z]/); // no camelCase key
  expect(text).not.toMatch(/_[a-z]/); // no snake_case key
}

/** Every (entity, action) an audit write makes, with the summary the journal shows. */
const KINDS: [string, string, string][] = [
  ['user', 'password-change', 'Changement du mot de passe du compte utilisateur'],
  ['user', 'reset-request', 'Demande de réinitialisation du mot de passe du compte utilisateur'],
  ['user', 'password-reset', 'Réinitialisation du mot de passe du compte utilisateur'],
  ['user', 'disable', 'Désactivation du compte utilisateur'],
  ['user', 'enable', 'Réactivation du compte utilisateur'],
  ['session', 'create', 'Création de la session'],
  ['session', 'update', 'Modification de la session'],
  ['session', 'postpone', 'Report de la session'],
  ['session', 'cancel', 'Annulation de la session'],
  ['session', 'purge', 'Effacement des données personnelles de la session'],
  ['checklist', 'create', 'Création de la liste de contrôle'],
  ['checklist', 'upgrade', 'Passage à une nouvelle version de la liste de contrôle'],
  ['session_task', 'tick', 'Mise à jour de la tâche « Convoquer les candidats »'],
  ['session_task', 'recompute', 'Recalcul des échéances de la liste de contrôle'],
  [
    'session_task',
    'upgrade',
    'Passage à une nouvelle version de la tâche « Convoquer les candidats »',
  ],
  ['candidate', 'create', 'Inscription du candidat Anaïs Martin'],
  ['candidate', 'update', 'Modification du candidat Anaïs Martin'],
  ['candidate', 'delete', 'Suppression du candidat Anaïs Martin'],
  ['person', 'create', 'Création de la fiche personne'],
  ['person', 'update', 'Modification de la fiche personne'],
  ['session_staff', 'create', 'Affectation de Paul Bernard à la session'],
  ['session_staff', 'update', 'Modification de l’affectation de Paul Bernard'],
  ['session_staff', 'delete', 'Retrait de Paul Bernard de la session'],
  ['link_declaration', 'create', 'Création de la déclaration de liens'],
  ['link_declaration', 'update', 'Modification de la déclaration de liens'],
  ['jury_member', 'create', 'Création du membre du jury Paul Bernard'],
  ['jury_member', 'update', 'Modification du membre du jury Paul Bernard'],
  ['habilitation', 'create', 'Création de l’habilitation'],
  ['session_incident', 'create', 'Signalement d’un incident'],
  ['session_incident', 'delete', 'Suppression de l’incident'],
  ['centre', 'update', 'Modification du centre'],
  ['titre', 'update', 'Modification du titre'],
  ['agrement', 'create', 'Création de l’agrément'],
  ['agrement', 'update', 'Modification de l’agrément'],
  ['annual_programme', 'create', 'Création du programme annuel'],
  ['annual_programme', 'update', 'Modification du programme annuel'],
  ['reminder_policy', 'update', 'Modification des règles de rappel'],
  ['training_provider', 'create', 'Création de l’organisme de formation'],
  ['training_provider', 'update', 'Modification de l’organisme de formation'],
  ['training_provider', 'delete', 'Suppression de l’organisme de formation'],
  ['provider_convention', 'update', 'Modification de la convention'],
  ['convention_avenant', 'create', 'Création de l’avenant à la convention'],
  ['convention_avenant', 'update', 'Modification de l’avenant à la convention'],
  ['convention_avenant', 'delete', 'Suppression de l’avenant à la convention'],
  ['cqc_driver', 'create', 'Création du conducteur (CQC)'],
  ['cqc_driver', 'update', 'Modification du conducteur (CQC)'],
  ['cqc_registration', 'create', 'Création de l’inscription CQC'],
  ['cqc_certificate', 'update', 'Modification de l’attestation CQC'],
  ['cqc_hub_account_notice', 'create', 'Création de l’avis de compte CQC'],
  ['cqc_campaign', 'create', 'Création de la campagne CQC'],
  ['cqc_campaign', 'update', 'Modification de la campagne CQC'],
  ['cqc_campaign_school', 'create', 'Création de l’établissement de la campagne'],
  ['cqc_campaign_school', 'update', 'Modification de l’établissement de la campagne'],
  ['cqc_campaign_school', 'delete', 'Suppression de l’établissement de la campagne'],
  ['cqc_campaign_class', 'create', 'Création de la classe de la campagne'],
  ['cqc_campaign_class', 'update', 'Modification de la classe de la campagne'],
  ['cqc_campaign_class', 'delete', 'Suppression de la classe de la campagne'],
  ['cqc_campaign_pupil', 'create', 'Création de l’élève de la campagne'],
  ['cqc_campaign_pupil', 'update', 'Modification de l’élève de la campagne'],
  ['cqc_campaign_pupil', 'delete', 'Suppression de l’élève de la campagne'],
  ['cqc_campaign_pupil', 'place', 'Placement de l’élève de la campagne'],
  ['cqc_fiche_session', 'create', 'Création de la séance de fiches CQC'],
  ['cqc_fiche_session', 'issue_fiches', 'Émission des fiches de la séance de fiches CQC'],
  ['cqc_fiche', 'void', 'Annulation des fiches CQC'],
  ['cqc_handover', 'create', 'Création de la remise des attestations CQC'],
  ['cqc_handover', 'update', 'Modification de la remise des attestations CQC'],
];

const SUBJECT_IDS: Record<string, string> = {
  session_task: TASK,
  candidate: CANDIDATE,
  session_staff: STAFF,
  jury_member: MEMBER,
};

describe('journal phrasing: one French sentence per audit kind', () => {
  it.each(KINDS)('%s / %s → « %s »', (entity, action, expected) => {
    const id = SUBJECT_IDS[entity] ?? GONE;
    const entry = line([row(entity, action, 'status', 'PLANNED', 'CANCELLED', id)]);
    expect(entry.what).toBe(expected.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»'));
    expect(entry.who).toBe('Claire Dubois');
    expect(entry.when).toBe('12/03/2027 à 10:05');
    for (const text of [entry.what, ...entry.details]) expectReadable(text);
    if (entity !== 'session_task') {
      expect(entry.details).toEqual([
        'État\u00a0: «\u00a0Programmée\u00a0» → «\u00a0Annulée\u00a0»',
      ]);
    }
  });

  it('names every entity and action the code records (scans the audit writes in src)', () => {
    const root = join(process.cwd(), 'src');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) files.push(path);
      }
    };
    walk(root);
    const entities = new Set<string>();
    const actions = new Set<string>();
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      if (!/\.record\(/.test(source)) continue;
      for (const m of source.matchAll(/entity: '([a-z_]+)'/g)) entities.add(m[1]);
      for (const m of source.matchAll(
        /action: (?:[a-zA-Z]+ \? )?'([a-z_]+)'(?: : '([a-z_]+)')?/g,
      )) {
        actions.add(m[1]);
        if (m[2]) actions.add(m[2]);
      }
      // Local helpers: this.record(m, caller, x, 'entity', id, 'action', …)
      for (const m of source.matchAll(
        /this\.record\(\s*m,\s*caller,\s*\w+,\s*'([a-z_]+)',\s*[\w.]+,\s*'([a-z_]+)'/g,
      )) {
        entities.add(m[1]);
        actions.add(m[2]);
      }
    }
    expect(entities.size).toBeGreaterThan(20);
    expect([...entities].filter((e) => !(e in ENTITY_PHRASES))).toEqual([]);
    expect([...actions].filter((a) => !(a in ACTION_PHRASES))).toEqual([]);
    // Every pair found is in the table above.
    const covered = new Set(KINDS.map(([e]) => e));
    expect([...entities].filter((e) => !covered.has(e))).toEqual([]);
  });

  it('falls back to French for an unknown entity, action or field, never raw keys or JSON', () => {
    const unknown = line([row('mystery_thing', 'explode', 'someField', { a: 1 }, [{ b: 2 }])]);
    expect(unknown.what).toBe('Modification enregistrée');
    expect(unknown.details).toEqual([
      'Autre information\u00a0: «\u00a0informations détaillées\u00a0» → «\u00a0informations détaillées\u00a0»',
    ]);
    expect(unknown.kind).toBe('other');
    expect(line([row('candidate', 'explode', null, null, null, CANDIDATE)]).what).toBe(
      'Modification enregistrée',
    );
  });
});

describe('journal details', () => {
  it('says a tick as « à faire » → « fait le 12/03/2027 » with the task’s label', () => {
    const entry = line([
      row('session_task', 'tick', 'status', 'todo', 'done', TASK),
      row('session_task', 'tick', 'doneAt', null, '2027-03-12', TASK),
      row('session_task', 'tick', 'doneBy', null, ACTOR, TASK),
      row('session_task', 'tick', 'doneByEmail', null, 'claire@centre.test', TASK),
      row('session_task', 'tick', 'observations', '', 'Envoyées en recommandé', TASK),
    ]);
    expect(entry.what).toBe('Mise à jour de la tâche «\u00a0Convoquer les candidats\u00a0»');
    expect(entry.details).toEqual([
      '«\u00a0à faire\u00a0» → «\u00a0fait le 12/03/2027\u00a0»',
      'Observations\u00a0: (vide) → «\u00a0Envoyées en recommandé\u00a0»',
    ]);
    expect(entry.kind).toBe('task');
  });

  it('says an untick, a not-applicable and a changed done date', () => {
    expect(
      line([
        row('session_task', 'tick', 'status', 'done', 'todo', TASK),
        row('session_task', 'tick', 'doneAt', '2027-03-12', null, TASK),
      ]).details,
    ).toEqual(['«\u00a0fait le 12/03/2027\u00a0» → «\u00a0à faire\u00a0»']);
    expect(
      line([
        row('session_task', 'tick', 'status', 'todo', 'not_applicable', TASK),
        row('session_task', 'tick', 'reason', '', 'Pas de candidat VAE', TASK),
      ]).details,
    ).toEqual([
      '«\u00a0à faire\u00a0» → «\u00a0sans objet\u00a0»',
      'Motif\u00a0: (vide) → «\u00a0Pas de candidat VAE\u00a0»',
    ]);
    expect(
      line([row('session_task', 'tick', 'doneAt', '2027-03-12', '2027-03-15', TASK)]).details,
    ).toEqual(['«\u00a0fait le 12/03/2027\u00a0» → «\u00a0fait le 15/03/2027\u00a0»']);
  });

  it('says recomputed due dates by task label', () => {
    const entry = line([
      row('session_task', 'recompute', 'CONVOCATIONS', '2027-03-01', '2027-03-08'),
    ]);
    expect(entry.details).toEqual([
      'Convoquer les candidats\u00a0: échéance 01/03/2027 → 08/03/2027',
    ]);
    const gone = line([row('session_task', 'recompute', 'OLD_CODE', '2027-03-01', null)]);
    expect(gone.details).toEqual(['Tâche du modèle\u00a0: échéance 01/03/2027 → (aucune)']);
  });

  it('writes field names, dates, enums, booleans and results in French', () => {
    const entry = line([
      row('candidate', 'update', 'convocationDate', null, '2027-05-03', CANDIDATE),
      row('candidate', 'update', 'convocationMode', null, 'REGISTERED_MAIL', CANDIDATE),
      row('candidate', 'update', 'attendance', 'ABSENT', 'PRESENT', CANDIDATE),
      row('candidate', 'update', 'dpSigned', false, true, CANDIDATE),
      row('candidate', 'update', 'pathway', 'FORMATION', 'VAE', CANDIDATE),
      row(
        'candidate',
        'update',
        'results',
        [],
        [{ ccpCode: 'CCP1', outcome: 'ACQUIRED' }],
        CANDIDATE,
      ),
      row('candidate', 'update', 'version', 3, 4, CANDIDATE),
    ]);
    expect(entry.details).toEqual([
      'Date de convocation\u00a0: (vide) → «\u00a003/05/2027\u00a0»',
      'Mode de convocation\u00a0: (vide) → «\u00a0Lettre recommandée avec accusé de réception\u00a0»',
      'Présence\u00a0: «\u00a0Absent\u00a0» → «\u00a0Présent\u00a0»',
      'Dossier professionnel signé\u00a0: «\u00a0non\u00a0» → «\u00a0oui\u00a0»',
      'Parcours\u00a0: «\u00a0Formation\u00a0» → «\u00a0VAE\u00a0»',
      'Résultats\u00a0: (vide) → «\u00a0CCP1\u00a0: Acquis\u00a0»',
    ]);
    for (const text of entry.details) expectReadable(text);
  });

  it('shows names for ids and never the id itself', () => {
    expect(valueText('juryMemberId', MEMBER, NAMES)).toBe('Paul Bernard');
    expect(valueText('managerId', ACTOR, NAMES)).toBe('Claire Dubois');
    expect(valueText('managerId', GONE, NAMES)).toBe('élément supprimé');
    expect(changeLine('siteId', GONE, ACTOR, NAMES)).toBe(
      'Site\u00a0: «\u00a0élément supprimé\u00a0» → «\u00a0Claire Dubois\u00a0»',
    );
  });

  it('says a jury assignment with the person’s role', () => {
    const entry = line([
      row(
        'session_staff',
        'create',
        null,
        null,
        { id: STAFF, juryMemberId: MEMBER, role: 'JURY', firstName: 'Paul', lastName: 'Bernard' },
        STAFF,
      ),
    ]);
    expect(entry.what).toBe('Affectation de Paul Bernard à la session');
    expect(entry.details).toEqual(['Rôle\u00a0: Membre du jury']);
    expect(entry.kind).toBe('jury');
    const removed = journalLines(
      [
        row(
          'session_staff',
          'delete',
          null,
          null,
          { firstName: 'Léa', lastName: 'Petit', role: 'SURVEILLANT' },
          GONE,
        ),
      ],
      NAMES,
    )[0];
    expect(removed.what).toBe('Retrait de Léa Petit de la session');
  });

  it('says a link declaration between a juror and a candidate', () => {
    const names: JournalNames = {
      ...NAMES,
      declarations: new Map([[GONE, 'Paul Bernard avec Anaïs Martin']]),
    };
    const created = journalLines(
      [
        row(
          'link_declaration',
          'create',
          null,
          null,
          {
            id: STAFF,
            juryMemberId: MEMBER,
            candidateId: CANDIDATE,
            hasLink: true,
            linkKind: 'PEDAGOGICAL',
            details: 'Formateur',
            declaredOn: '2027-03-12',
          },
          STAFF,
        ),
      ],
      NAMES,
    )[0];
    expect(created.what).toBe(
      'Création de la déclaration de liens de Paul Bernard avec Anaïs Martin',
    );
    expect(created.details).toEqual([
      'Lien avec le candidat\u00a0: oui',
      'Nature du lien\u00a0: Lien pédagogique (formateur)',
      'Précisions\u00a0: Formateur',
      'Date de la déclaration\u00a0: 12/03/2027',
    ]);
    const updated = journalLines(
      [row('link_declaration', 'update', 'linkKind', 'PERSONAL', 'PROFESSIONAL')],
      names,
    )[0];
    expect(updated.what).toBe(
      'Modification de la déclaration de liens de Paul Bernard avec Anaïs Martin',
    );
    expect(updated.details).toEqual([
      'Nature du lien\u00a0: «\u00a0Lien personnel\u00a0» → «\u00a0Lien professionnel\u00a0»',
    ]);
  });

  it('says an incident and a deleted one with their facts, not their JSON', () => {
    const incident = {
      id: GONE,
      kind: 'FRAUD',
      occurredOn: '2027-06-14',
      candidateId: CANDIDATE,
      description: 'Téléphone consulté',
      measures: '',
      createdBy: ACTOR,
      createdByEmail: 'claire@centre.test',
    };
    const created = line([row('session_incident', 'create', null, null, incident)]);
    expect(created.what).toBe('Signalement d’une fraude');
    expect(created.details).toEqual([
      'Type\u00a0: Fraude ou tentative de fraude',
      'Date des faits\u00a0: 14/06/2027',
      'Candidat\u00a0: Anaïs Martin',
      'Description\u00a0: Téléphone consulté',
    ]);
    const deleted = line([row('session_incident', 'delete', 'incident', incident, null)]);
    expect(deleted.what).toBe('Suppression de l’incident');
    expect(deleted.details).toContain('Description\u00a0: Téléphone consulté');
    expect(deleted.kind).toBe('incident');
  });

  it('says a checklist upgrade with task labels', () => {
    const entry = line([
      row('checklist', 'upgrade', 'checklistVersion', 1, 2),
      row('checklist', 'upgrade', 'addedTasks', null, ['CONVOCATIONS']),
    ]);
    expect(entry.details).toEqual([
      'Version de la liste de contrôle\u00a0: «\u00a01\u00a0» → «\u00a02\u00a0»',
      'Tâches ajoutées\u00a0: (vide) → «\u00a0Convoquer les candidats\u00a0»',
    ]);
    const removed = line([
      row('session_task', 'upgrade', 'task', { code: 'X', status: 'todo' }, null, TASK),
    ]);
    expect(removed.details).toEqual(['Tâche retirée de la liste de contrôle']);
  });
});

describe('journal who and when', () => {
  it('names the actor; the e-mail only when no name is known; the system by name', () => {
    expect(actorName(ACTOR, 'claire@centre.test', NAMES.users)).toBe('Claire Dubois');
    expect(actorName(GONE, 'ancien@centre.test', NAMES.users)).toBe('ancien@centre.test');
    expect(actorName(SYSTEM_ACTOR_ID, 'système', NAMES.users)).toBe(
      'Jalon (traitement automatique)',
    );
    expect(actorName(null, 'pas-un-email', NAMES.users)).toBe('Utilisateur inconnu');
  });

  it('writes Paris time, summer and winter, as jj/mm/aaaa à HH:MM', () => {
    expect(parisDateTime('2027-01-15T23:30:00.000Z')).toBe('16/01/2027 à 00:30');
    expect(parisDateTime('2027-07-01T08:00:00.000Z')).toBe('01/07/2027 à 10:00');
    expect(parisDateTime('pas une date')).toBe('date inconnue');
  });

  it('says task states', () => {
    expect(taskState('todo', null)).toBe('à faire');
    expect(taskState('done', '2027-03-12')).toBe('fait le 12/03/2027');
    expect(taskState('done', null)).toBe('fait');
    expect(taskState('weird', null)).toBe('état inconnu');
  });

  it('groups the rows of one write and keeps separate writes apart, most recent first', () => {
    const first = row('candidate', 'update', 'phone', '01', '02', CANDIDATE);
    const second = row('candidate', 'update', 'address', 'a', 'b', CANDIDATE);
    const later = {
      ...row('candidate', 'update', 'phone', '02', '03', CANDIDATE),
      at: '2027-03-12T10:00:00.000Z',
    };
    expect(groupEvents([first, second, later]).map((e) => e.changes.length)).toEqual([2, 1]);
    expect(journalLines([first, second, later], NAMES).map((l) => l.when)).toEqual([
      '12/03/2027 à 11:00',
      '12/03/2027 à 10:05',
    ]);
  });

  it('maps filter kinds to their entities', () => {
    expect(entitiesOfKind('task').sort()).toEqual(['checklist', 'session_task']);
    expect(entitiesOfKind('incident')).toEqual(['session_incident']);
    expect(entitiesOfKind('jury')).toContain('session_staff');
  });
});
