import {
  FICHES_PER_SESSION,
  createFicheSession,
  currentFicheOf,
  ficheSessionSummary,
  issueFiches,
  reEditVoidedFiche,
  replaceVoidedFiche,
  voidAndReEditFiche,
  voidAndReplaceFiche,
  voidFiche,
  type FicheSession,
} from './campaign-fiches.js';
import type { CampaignResult } from './campaign-result.js';

const LABEL = 'Session Bac Pro — Terminale CTRM';

function value<T>(result: CampaignResult<T>): T {
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

function errorsOf<T>(result: CampaignResult<T>): readonly string[] {
  if (result.ok) throw new Error('attendu : refus');
  return result.errors;
}

function pupils(count: number, prefix = 'p'): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
}

function sessionWith(count: number): FicheSession {
  return value(issueFiches(createFicheSession(LABEL), pupils(count), '2027-04-26')).session;
}

describe('FICHES_PER_SESSION', () => {
  it('is 32, with the seed’s passages', () => {
    expect(FICHES_PER_SESSION.max).toBe(32);
    expect(FICHES_PER_SESSION.source.article).toContain('maxi actuel 32');
    expect(FICHES_PER_SESSION.noPhotocopySource.code).toBe('FICHES_NO_PHOTOCOPY');
    expect(FICHES_PER_SESSION.replacementSource.code).toBe('FICHE_ERROR_REPLACEMENT');
  });
});

describe('issueFiches', () => {
  it('numbers fiches from 1 in the order given, and traces each', () => {
    const { session, fiches } = value(
      issueFiches(createFicheSession(LABEL), ['p1', 'p2', null], '2027-04-26'),
    );
    expect(fiches.map((f) => [f.number, f.pupilId, f.edition])).toEqual([
      [1, 'p1', 1],
      [2, 'p2', 1],
      [3, null, 1],
    ]);
    expect(session.history.map((e) => [e.sequence, e.type, e.number, e.label])).toEqual([
      [1, 'ISSUED', 1, 'Fiche n° 1 éditée le 26/04/2027.'],
      [2, 'ISSUED', 2, 'Fiche n° 2 éditée le 26/04/2027.'],
      [3, 'ISSUED', 3, 'Fiche n° 3 éditée le 26/04/2027.'],
    ]);
  });

  it('gives the 32nd fiche and refuses the 33rd', () => {
    const full = sessionWith(31);
    const last = value(issueFiches(full, ['p32'], '2027-04-27'));
    expect(last.fiches[0].number).toBe(32);
    expect(ficheSessionSummary(last.session)).toMatchObject({
      used: 32,
      remaining: 0,
      nextNumber: null,
    });
    expect(errorsOf(issueFiches(last.session, ['p33'], '2027-04-27'))).toEqual([
      '1 fiche demandée mais aucun numéro ne reste libre dans la « Session Bac Pro — Terminale CTRM » : 32 fiches au plus par session, jamais photocopiées, chaque numéro ne sert qu’une fois. Rééditez une fiche annulée depuis son PDF, ou demandez une autre session à la Délégation.',
    ]);
  });

  it('refuses 33 fiches at once, issuing none', () => {
    const empty = createFicheSession(LABEL);
    expect(errorsOf(issueFiches(empty, pupils(33), '2027-04-26'))[0]).toMatch(
      /^33 fiches demandées mais 32 numéros restent libres/,
    );
    expect(empty.fiches).toEqual([]);
  });

  it('refuses a second fiche for a pupil, a repeated pupil and an invalid date', () => {
    const session = sessionWith(2);
    expect(errorsOf(issueFiches(session, ['p1', 'x', 'x'], '2027-02-30'))).toEqual([
      'La date d’édition est invalide : « 2027-02-30 » (format attendu AAAA-MM-JJ).',
      'L’élève « p1 » a déjà la fiche n° 1 : une fiche ne se double pas, annulez-la pour la remplacer.',
      'L’élève « x » est demandé deux fois : une seule fiche par élève.',
    ]);
  });
});

describe('voiding, replacing and re-editing', () => {
  it('voids a fiche then replaces it with a new number, tracing both', () => {
    const session = sessionWith(3);
    const voided = value(voidFiche(session, 2, '  Nom mal orthographié ', '2027-05-03'));
    expect(voided.fiches[1]).toMatchObject({
      status: 'VOIDED',
      voidedOn: '2027-05-03',
      voidReason: 'Nom mal orthographié',
    });
    expect(ficheSessionSummary(voided).awaitingFollowUp).toEqual([2]);
    expect(currentFicheOf(voided, 'p2')).toBeNull();

    const { session: replaced, fiche } = value(replaceVoidedFiche(voided, 2, '2027-05-04'));
    expect(fiche).toMatchObject({ number: 4, pupilId: 'p2', replaces: 2, edition: 1 });
    expect(replaced.fiches[1]).toMatchObject({ status: 'VOIDED', replacedBy: 4 });
    expect(currentFicheOf(replaced, 'p2')?.number).toBe(4);
    expect(replaced.history.slice(3).map((e) => [e.sequence, e.type, e.number, e.label])).toEqual([
      [4, 'VOIDED', 2, 'Fiche n° 2 annulée le 03/05/2027 : Nom mal orthographié.'],
      [
        5,
        'REPLACEMENT_ISSUED',
        4,
        'Fiche n° 4 éditée le 04/05/2027 en remplacement de la fiche n° 2.',
      ],
    ]);
    expect(ficheSessionSummary(replaced)).toMatchObject({
      used: 4,
      issued: 3,
      voided: 1,
      awaitingFollowUp: [],
      nextNumber: 5,
    });
    // A replaced number never serves again.
    expect(errorsOf(reEditVoidedFiche(replaced, 2, '2027-05-05'))).toEqual([
      'La fiche n° 2 est déjà remplacée par la fiche n° 4 : son numéro ne peut plus servir.',
    ]);
    expect(errorsOf(voidFiche(replaced, 2, 'encore', '2027-05-05'))).toEqual([
      'La fiche n° 2 est déjà annulée depuis le 03/05/2027 et remplacée par la fiche n° 4.',
    ]);
  });

  it('re-edits the same stored fiche: same number, next edition, no number used', () => {
    const session = sessionWith(32);
    const { session: reEdited, fiche } = value(
      voidAndReEditFiche(session, 7, 'Photo décollée', '2027-05-06'),
    );
    expect(fiche).toMatchObject({
      number: 7,
      status: 'ISSUED',
      edition: 2,
      editedOn: '2027-05-06',
    });
    expect(reEdited.history.slice(32).map((e) => [e.type, e.number, e.edition, e.label])).toEqual([
      ['VOIDED', 7, 1, 'Fiche n° 7 annulée le 06/05/2027 : Photo décollée.'],
      ['RE_EDITED', 7, 2, 'Fiche n° 7 rééditée le 06/05/2027 depuis le PDF conservé (édition 2).'],
    ]);
    const third = value(voidAndReEditFiche(reEdited, 7, 'Tache', '2027-05-07'));
    expect(third.fiche.edition).toBe(3);
    expect(ficheSessionSummary(third.session).used).toBe(32);
  });

  it('refuses a replacement when all 32 numbers are used, pointing to a re-edit, changing nothing', () => {
    const session = sessionWith(32);
    expect(errorsOf(voidAndReplaceFiche(session, 5, 'Erreur de date', '2027-05-06'))).toEqual([
      'Plus aucun numéro libre dans la « Session Bac Pro — Terminale CTRM » (32 fiches au plus par session, jamais photocopiées) : rééditez la fiche n° 5 depuis son PDF conservé.',
    ]);
    expect(session.fiches[4].status).toBe('ISSUED');
    expect(session.history).toHaveLength(32);
  });

  it('replaces in one step when a number is free', () => {
    const { session, fiche } = value(
      voidAndReplaceFiche(sessionWith(31), 1, 'Déchirée', '2027-05-06'),
    );
    expect(fiche.number).toBe(32);
    expect(session.history.slice(31).map((e) => e.type)).toEqual(['VOIDED', 'REPLACEMENT_ISSUED']);
  });

  it('says why a voiding or a follow-up is refused', () => {
    const session = sessionWith(3);
    expect(errorsOf(voidFiche(session, 9, '', '2027-04-01'))).toEqual([
      'Aucune fiche n° 9 dans la « Session Bac Pro — Terminale CTRM » (fiches n° 1 à 3).',
    ]);
    expect(errorsOf(voidFiche(createFicheSession(LABEL), 1, 'x', '2027-05-01'))[0]).toContain(
      'aucune fiche n’a encore été éditée',
    );
    expect(errorsOf(voidFiche(session, 1, '   ', '2027-04-01'))).toEqual([
      'Le motif d’annulation est obligatoire.',
      'La date d’annulation (01/04/2027) précède la dernière opération sur la fiche n° 1 (26/04/2027).',
    ]);
    expect(errorsOf(voidFiche(session, 1, 'x'.repeat(501), '2027-05-01'))).toEqual([
      'Le motif d’annulation dépasse 500 caractères.',
    ]);
    expect(errorsOf(replaceVoidedFiche(session, 1, '2027-05-01'))).toEqual([
      'La fiche n° 1 n’est pas annulée : annulez-la d’abord (motif et date) avant de la remplacer ou de la rééditer.',
    ]);
    const voided = value(voidFiche(session, 1, 'Erreur', '2027-05-01'));
    expect(errorsOf(reEditVoidedFiche(voided, 1, '2027-04-30'))).toEqual([
      'La date de réédition (30/04/2027) précède la dernière opération sur la fiche n° 1 (01/05/2027).',
    ]);
    expect(errorsOf(issueFiches(voided, ['p1'], '2027-05-02'))).toEqual([
      'La fiche n° 1 de l’élève « p1 » est annulée : remplacez-la par un nouveau numéro ou rééditez-la, pour que le lien entre les deux fiches reste tracé.',
    ]);
  });

  it('never changes the state it is given', () => {
    const session = sessionWith(2);
    const frozen = JSON.stringify(session);
    value(voidAndReplaceFiche(session, 1, 'Erreur', '2027-05-01'));
    value(voidAndReEditFiche(session, 2, 'Erreur', '2027-05-01'));
    expect(JSON.stringify(session)).toBe(frozen);
  });
});
