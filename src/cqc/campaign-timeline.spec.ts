import type { CampaignResult } from './campaign-result.js';
import type { CampaignPupil } from './campaign-split.js';
import {
  CARD_ERROR_RETURN,
  buildCampaignTimeline,
  cardErrorReturnDeadline,
  envelopeDeadlineNote,
  isCardErrorReturnInTime,
  majorityDates,
  remindersBetween,
  validateSpringHolidays,
  type CampaignStep,
  type CampaignTimeline,
} from './campaign-timeline.js';

function value<T>(result: CampaignResult<T>): T {
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.value;
}

function errorsOf<T>(result: CampaignResult<T>): readonly string[] {
  if (result.ok) throw new Error('attendu : refus');
  return result.errors;
}

function step(timeline: CampaignTimeline, code: CampaignStep['code']): CampaignStep {
  const found = timeline.steps.find((s) => s.code === code);
  if (!found) throw new Error(code);
  return found;
}

// 2027-2028, spring holidays from Saturday 8 to Sunday 23 April 2028; 30 May 2028 is a Tuesday.
const TIMELINE = value(buildCampaignTimeline(2027, { start: '2028-04-08', end: '2028-04-23' }));

describe('buildCampaignTimeline', () => {
  it('dates each step from the spring holidays, mid-May, 30 May and July', () => {
    expect(TIMELINE.steps.map((s) => [s.code, s.actor, s.from, s.due])).toEqual([
      ['PUPIL_LISTS_DUE', 'SCHOOL', null, '2028-04-07'],
      ['FICHES_SENT', 'DELEGATION', '2028-04-24', null],
      ['MID_MAY_COMPLETION', 'SCHOOL', '2028-05-15', '2028-05-15'],
      ['ENVELOPE_POSTED', 'SCHOOL', '2028-05-15', '2028-05-30'],
      ['CALL_AT_MAJORITY', 'SCHOOL', '2028-05-16', null],
      ['CQC_HANDOVER', 'SCHOOL', '2028-07-01', null],
    ]);
    expect(TIMELINE.steps.every((s) => s.source.text.includes('version de mars 2016'))).toBe(true);
  });

  it('reminds before the lists are due, when the holidays end, before mid-May and 30 May, in July', () => {
    expect(
      remindersBetween(TIMELINE, '2028-01-01', '2028-12-31').map((r) => [r.on, r.stepCode]),
    ).toEqual([
      ['2028-03-17', 'PUPIL_LISTS_DUE'],
      ['2028-03-31', 'PUPIL_LISTS_DUE'],
      ['2028-04-24', 'FICHES_SENT'],
      ['2028-05-08', 'MID_MAY_COMPLETION'],
      ['2028-05-23', 'ENVELOPE_POSTED'],
      ['2028-07-01', 'CQC_HANDOVER'],
    ]);
    expect(remindersBetween(TIMELINE, '2028-04-24', '2028-04-24')[0].message).toBe(
      'Vacances de printemps terminées : envoyer les fiches navettes, par session, aux établissements, pour un pré-remplissage avant le 15/05/2028.',
    );
    expect(step(TIMELINE, 'ENVELOPE_POSTED').notes).toHaveLength(1); // a Tuesday: no weekend note
  });

  it('keeps 30 May as the deadline when it falls on a Sunday, and says when to post', () => {
    const timeline = value(buildCampaignTimeline(2026, { start: '2027-04-17', end: '2027-05-02' }));
    const envelope = step(timeline, 'ENVELOPE_POSTED');
    expect(envelope.due).toBe('2027-05-30');
    const note =
      'Attention, le dimanche 30 mai 2027 tombe un week-end : la date limite reste le 30/05/2027 (cachet de la poste faisant foi), mais le bureau de poste pouvant être fermé, postez l’enveloppe au plus tard le vendredi 28 mai 2027.';
    expect(envelope.notes).toContain(note);
    expect(envelope.reminders.map((r) => [r.on, r.message === note])).toEqual([
      ['2027-05-23', false],
      ['2027-05-28', true],
    ]);
  });

  it('names the public holiday when 30 May is Ascension Day (2030)', () => {
    expect(envelopeDeadlineNote('2030-05-30')).toEqual({
      lastWorkingDay: '2030-05-29',
      note: 'Attention, le jeudi 30 mai 2030 (Ascension) est un jour férié : la date limite reste le 30/05/2030 (cachet de la poste faisant foi), mais le bureau de poste pouvant être fermé, postez l’enveloppe au plus tard le mercredi 29 mai 2030.',
    });
    expect(envelopeDeadlineNote('2028-05-30')).toBeNull();
  });

  it('refuses holidays outside the spring of the school year, reversed or invalid, all at once', () => {
    expect(
      errorsOf(buildCampaignTimeline(2027, { start: '2028-02-10', end: '2028-05-15' })),
    ).toEqual([
      'Début des vacances de printemps : le 10/02/2028 n’est pas au printemps de l’année scolaire 2027-2028 (entre le 01/03/2028 et le 14/05/2028, avant la mi-mai).',
      'Fin des vacances de printemps : le 15/05/2028 n’est pas au printemps de l’année scolaire 2027-2028 (entre le 01/03/2028 et le 14/05/2028, avant la mi-mai).',
    ]);
    expect(validateSpringHolidays(2027, { start: '2028-04-23', end: '2028-04-08' })).toEqual([
      'Fin des vacances de printemps : le 08/04/2028 précède le début (23/04/2028).',
    ]);
    expect(validateSpringHolidays(2027, { start: '2028-04-31', end: '' })).toEqual([
      'Début des vacances de printemps : date invalide (format attendu AAAA-MM-JJ).',
      'Fin des vacances de printemps : date invalide (format attendu AAAA-MM-JJ).',
    ]);
    expect(validateSpringHolidays(1999, { start: '2000-04-08', end: '2000-04-23' })).toEqual([
      'L’année scolaire est invalide.',
    ]);
  });
});

describe('cardErrorReturnDeadline', () => {
  it('is one month after receipt, on the same day number', () => {
    expect(CARD_ERROR_RETURN.months).toBe(1);
    expect(CARD_ERROR_RETURN.computation.article).toBe('Article 641, alinéa 2');
    expect(cardErrorReturnDeadline('2027-07-05')).toBe('2027-08-05');
    expect(cardErrorReturnDeadline('2027-12-15')).toBe('2028-01-15');
  });

  it('ends on the last day of February when received on 31 January (28 or 29)', () => {
    expect(cardErrorReturnDeadline('2027-01-31')).toBe('2027-02-28');
    expect(cardErrorReturnDeadline('2028-01-31')).toBe('2028-02-29');
    expect(cardErrorReturnDeadline('2028-01-29')).toBe('2028-02-29');
    expect(cardErrorReturnDeadline('2027-08-31')).toBe('2027-09-30');
  });

  it('accepts a postmark on the deadline, refuses the day after, even on a weekend', () => {
    // 2027-02-28 is a Sunday: the deadline does not move.
    expect(isCardErrorReturnInTime('2027-01-31', '2027-02-28')).toBe(true);
    expect(isCardErrorReturnInTime('2027-01-31', '2027-03-01')).toBe(false);
    expect(() => isCardErrorReturnInTime('2027-01-31', '2027-01-30')).toThrow(
      'Le cachet de la poste (30/01/2027) précède la réception de la carte (31/01/2027).',
    );
  });
});

describe('majorityDates', () => {
  const pupils: CampaignPupil[] = [
    { id: '1', lastName: 'Zola', firstName: 'Émile', birthDate: '2009-06-02', licenceHeld: null },
    { id: '2', lastName: 'Aubert', firstName: 'Léa', birthDate: '2009-06-02', licenceHeld: true },
    { id: '3', lastName: 'Bonnet', firstName: 'Noé', birthDate: '2008-02-29', licenceHeld: true },
    { id: '4', lastName: 'Colin', firstName: 'Inès', birthDate: '2009-05-31', licenceHeld: null },
    { id: '5', lastName: 'Dupuis', firstName: 'Yanis', birthDate: '2010-01-01', licenceHeld: null },
  ];

  it('lists who turns 18 in the period, bounds included, by date then name', () => {
    const list = majorityDates(pupils, '2026-03-01', '2027-06-02');
    expect(list.map((e) => [e.majorityDate, e.pupil.lastName, e.leapDayBirth])).toEqual([
      ['2026-03-01', 'Bonnet', true],
      ['2027-05-31', 'Colin', false],
      ['2027-06-02', 'Aubert', false],
      ['2027-06-02', 'Zola', false],
    ]);
    expect(list[1].message).toBe(
      'Colin Inès a 18 ans le 31/05/2027 : le convoquer pour compléter sa fiche navette (n° de permis, date, signature) avec la photocopie recto verso de son permis signé.',
    );
  });

  it('puts a 29 February birth on 1 March by default, on 28 February when asked', () => {
    expect(majorityDates(pupils, '2026-02-28', '2026-02-28')).toEqual([]);
    expect(
      majorityDates(pupils, '2026-02-28', '2026-02-28', 'LAST_DAY_OF_FEBRUARY').map(
        (e) => e.pupil.lastName,
      ),
    ).toEqual(['Bonnet']);
  });

  it('refuses a reversed period', () => {
    expect(() => majorityDates(pupils, '2027-06-02', '2027-06-01')).toThrow(RangeError);
  });
});
