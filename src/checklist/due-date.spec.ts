import { computeDueDate, DUE_KIND_LABELS, validateDueRule, type DueRule } from './due-date.js';

const PLANNING: DueRule = { anchor: 'SESSION_YEAR_JAN_31', kind: 'regulatory' };
const INFORM_AUTHORITY: DueRule = { anchor: 'START', months: -3, kind: 'regulatory' };
const CONVENE: DueRule = { anchor: 'START', months: -1, kind: 'regulatory' };
const PACK_NOT_RECEIVED: DueRule = { anchor: 'START', weeks: -4, kind: 'advised' };
const SEND_PV: DueRule = { anchor: 'END', days: 15, kind: 'regulatory' };
const KEEP_DOCUMENTS: DueRule = { anchor: 'END', years: 5, kind: 'regulatory' };

function session(startDate: string, endDate: string = startDate) {
  return { startDate, endDate };
}

describe('computeDueDate', () => {
  describe('31 January of the session year', () => {
    it('uses the year of the start date, with a fallback when 31 January is a Sunday', () => {
      expect(computeDueDate(PLANNING, session('2027-06-14', '2027-06-18'))).toEqual({
        dueDate: '2027-01-31',
        dueKind: 'regulatory',
        workingDayFallback: '2027-01-29',
      });
    });

    it('keeps 31 January even when it falls after the start date', () => {
      expect(computeDueDate(PLANNING, session('2027-01-10', '2027-01-14')).dueDate).toBe(
        '2027-01-31',
      );
    });

    it('takes the start year for a session spanning two years', () => {
      expect(computeDueDate(PLANNING, session('2026-12-15', '2027-01-20'))).toEqual({
        dueDate: '2026-01-31',
        dueKind: 'regulatory',
        workingDayFallback: '2026-01-30',
      });
    });

    it('has no fallback when 31 January is a working day', () => {
      expect(computeDueDate(PLANNING, session('2028-09-04')).workingDayFallback).toBeNull(); // Monday
    });

    it('accepts offsets on the 31 January anchor', () => {
      expect(computeDueDate({ ...PLANNING, months: 1 }, session('2028-06-01')).dueDate).toBe(
        '2028-02-29',
      );
      expect(computeDueDate({ ...PLANNING, months: 1 }, session('2027-06-01')).dueDate).toBe(
        '2027-02-28',
      );
    });
  });

  describe('start date − 3 months (inform the authority)', () => {
    it('keeps the day of the month', () => {
      expect(computeDueDate(INFORM_AUTHORITY, session('2027-06-15', '2027-06-18'))).toEqual({
        dueDate: '2027-03-15',
        dueKind: 'regulatory',
        workingDayFallback: null,
      });
    });

    it('clamps 31 May to 28 February in 2027 (a Sunday, so with a fallback)', () => {
      expect(computeDueDate(INFORM_AUTHORITY, session('2027-05-31', '2027-06-04'))).toEqual({
        dueDate: '2027-02-28',
        dueKind: 'regulatory',
        workingDayFallback: '2027-02-26',
      });
    });

    it('clamps 31 May to 29 February in the leap year 2028', () => {
      expect(computeDueDate(INFORM_AUTHORITY, session('2028-05-31', '2028-06-02'))).toEqual({
        dueDate: '2028-02-29',
        dueKind: 'regulatory',
        workingDayFallback: null,
      });
    });

    it('clamps to 28 February in 2100, which is not a leap year', () => {
      expect(computeDueDate(INFORM_AUTHORITY, session('2100-05-31')).dueDate).toBe('2100-02-28');
    });

    it('crosses the year boundary', () => {
      expect(computeDueDate(INFORM_AUTHORITY, session('2027-01-15', '2027-01-19'))).toEqual({
        dueDate: '2026-10-15',
        dueKind: 'regulatory',
        workingDayFallback: null,
      });
      expect(computeDueDate(INFORM_AUTHORITY, session('2027-02-28')).dueDate).toBe('2026-11-28');
    });
  });

  describe('start date − 1 month (convene the candidates)', () => {
    it('clamps 31 March to 28 February', () => {
      expect(computeDueDate(CONVENE, session('2027-03-31', '2027-04-02'))).toEqual({
        dueDate: '2027-02-28',
        dueKind: 'regulatory',
        workingDayFallback: '2027-02-26',
      });
    });

    it('goes back to December of the previous year', () => {
      expect(computeDueDate(CONVENE, session('2027-01-31')).dueDate).toBe('2026-12-31');
    });
  });

  describe('start date − 4 weeks (exam pack not received)', () => {
    it('is an advised due date, with a fallback on Whit Monday', () => {
      expect(computeDueDate(PACK_NOT_RECEIVED, session('2027-06-14', '2027-06-18'))).toEqual({
        dueDate: '2027-05-17',
        dueKind: 'advised',
        workingDayFallback: '2027-05-14',
      });
    });

    it('crosses the year boundary', () => {
      expect(computeDueDate(PACK_NOT_RECEIVED, session('2027-01-10')).dueDate).toBe('2026-12-13');
    });
  });

  describe('end date + 15 days (send the PV)', () => {
    it('counts from the end date, with a fallback on a Saturday', () => {
      expect(computeDueDate(SEND_PV, session('2027-06-14', '2027-06-18'))).toEqual({
        dueDate: '2027-07-03',
        dueKind: 'regulatory',
        workingDayFallback: '2027-07-02',
      });
    });

    it('crosses the year boundary onto 1 January', () => {
      expect(computeDueDate(SEND_PV, session('2027-12-13', '2027-12-17'))).toEqual({
        dueDate: '2028-01-01',
        dueKind: 'regulatory',
        workingDayFallback: '2027-12-31',
      });
    });

    it('crosses the end of February in a leap year', () => {
      expect(computeDueDate(SEND_PV, session('2028-02-14', '2028-02-18')).dueDate).toBe(
        '2028-03-04',
      );
      expect(computeDueDate(SEND_PV, session('2027-02-14', '2027-02-18')).dueDate).toBe(
        '2027-03-05',
      );
    });
  });

  describe('end date + 5 years (keep the documents)', () => {
    it('adds whole years', () => {
      expect(computeDueDate(KEEP_DOCUMENTS, session('2027-06-14', '2027-06-18')).dueDate).toBe(
        '2032-06-18',
      );
    });

    it('turns 29 February into 28 February', () => {
      expect(computeDueDate(KEEP_DOCUMENTS, session('2028-02-28', '2028-02-29')).dueDate).toBe(
        '2033-02-28',
      );
    });
  });

  describe('phase due dates and offset order', () => {
    it('returns the anchor itself when there is no offset', () => {
      expect(computeDueDate({ anchor: 'START', kind: 'phase' }, session('2027-06-14'))).toEqual({
        dueDate: '2027-06-14',
        dueKind: 'phase',
        workingDayFallback: null,
      });
      expect(
        computeDueDate(
          { anchor: 'END', years: 0, months: 0, weeks: 0, days: 0, kind: 'phase' },
          session('2027-06-14', '2027-06-18'),
        ).dueDate,
      ).toBe('2027-06-18');
    });

    it('applies years before months', () => {
      // 2028-02-29 + 1 year = 2029-02-28, + 1 month = 2029-03-28 (not 2029-03-29).
      expect(
        computeDueDate(
          { anchor: 'START', years: 1, months: 1, kind: 'advised' },
          session('2028-02-29'),
        ).dueDate,
      ).toBe('2029-03-28');
    });

    it('applies months before days', () => {
      // 2027-03-30 − 1 month = 2027-02-28, + 1 day = 2027-03-01 (not 2027-02-28).
      expect(
        computeDueDate(
          { anchor: 'START', months: -1, days: 1, kind: 'advised' },
          session('2027-03-30'),
        ).dueDate,
      ).toBe('2027-03-01');
    });

    it('applies months before weeks', () => {
      // 2027-01-31 + 1 month = 2027-02-28, − 1 week = 2027-02-21 (weeks first: 2027-01-24 → 2027-02-24).
      expect(
        computeDueDate(
          { anchor: 'START', months: 1, weeks: -1, kind: 'advised' },
          session('2027-01-31'),
        ).dueDate,
      ).toBe('2027-02-21');
    });

    it('applies weeks before days and combines all offsets', () => {
      expect(
        computeDueDate(
          { anchor: 'END', years: 1, months: -2, weeks: 1, days: -3, kind: 'phase' },
          session('2027-06-14', '2027-06-18'),
        ).dueDate,
      ).toBe('2028-04-22');
    });
  });

  describe('invalid input', () => {
    it('throws a French error on a malformed rule', () => {
      const badRule = { anchor: 'DEBUT', kind: 'regulatory' } as unknown as DueRule;
      expect(() => computeDueDate(badRule, session('2027-06-14'))).toThrow(RangeError);
      expect(() => computeDueDate(badRule, session('2027-06-14'))).toThrow(
        "Impossible de calculer l'échéance",
      );
      expect(() =>
        computeDueDate({ anchor: 'START', months: 1.5, kind: 'advised' }, session('2027-06-14')),
      ).toThrow('« months »');
    });

    it('throws a French error on invalid session dates', () => {
      expect(() => computeDueDate(PLANNING, session('2027-02-30', '2027-03-02'))).toThrow(
        'Date de début de session invalide',
      );
      expect(() => computeDueDate(SEND_PV, session('2027-06-14', '18/06/2027'))).toThrow(
        'Date de fin de session invalide',
      );
    });
  });
});

describe('validateDueRule', () => {
  it('accepts the default rules', () => {
    for (const rule of [
      PLANNING,
      INFORM_AUTHORITY,
      CONVENE,
      PACK_NOT_RECEIVED,
      SEND_PV,
      KEEP_DOCUMENTS,
      { anchor: 'END', years: 0, months: 0, weeks: 0, days: 0, kind: 'phase' },
    ]) {
      expect(validateDueRule(rule)).toEqual([]);
    }
  });

  it('rejects a value that is not an object', () => {
    for (const value of [null, undefined, 'START', 42, [], [PLANNING]]) {
      const errors = validateDueRule(value);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain("La règle d'échéance doit être un objet");
    }
  });

  it('rejects a missing or unknown anchor', () => {
    expect(validateDueRule({ kind: 'regulatory' })).toEqual([
      'Champ « anchor » : ancre inconnue absent (valeurs admises : SESSION_YEAR_JAN_31, START, END).',
    ]);
    const errors = validateDueRule({ anchor: 'start', kind: 'regulatory' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('« start »');
  });

  it('rejects a missing or unknown kind', () => {
    expect(validateDueRule({ anchor: 'START' })).toHaveLength(1);
    const errors = validateDueRule({ anchor: 'START', kind: 'réglementaire' });
    expect(errors).toEqual([
      "Champ « kind » : type d'échéance inconnu « réglementaire » (valeurs admises : regulatory, advised, phase).",
    ]);
  });

  it('rejects non-integer offsets, naming the field', () => {
    expect(validateDueRule({ anchor: 'START', months: -1.5, kind: 'regulatory' })).toEqual([
      'Champ « months » : le décalage en mois doit être un nombre entier (reçu -1.5).',
    ]);
    expect(validateDueRule({ anchor: 'END', days: '15', kind: 'regulatory' })).toEqual([
      'Champ « days » : le décalage en jours doit être un nombre entier (reçu « 15 »).',
    ]);
    expect(validateDueRule({ anchor: 'END', years: null, kind: 'regulatory' })).toHaveLength(1);
    expect(validateDueRule({ anchor: 'END', weeks: Number.NaN, kind: 'advised' })).toHaveLength(1);
    expect(
      validateDueRule({ anchor: 'END', weeks: Number.POSITIVE_INFINITY, kind: 'advised' }),
    ).toHaveLength(1);
  });

  it('rejects offsets far out of range', () => {
    const errors = validateDueRule({ anchor: 'END', years: 1000, kind: 'regulatory' });
    expect(errors).toEqual([
      'Champ « years » : le décalage en années doit être compris entre -100 et 100 (reçu 1000).',
    ]);
  });

  it('rejects unknown properties such as a typo', () => {
    expect(validateDueRule({ anchor: 'START', month: -3, kind: 'regulatory' })).toEqual([
      "Champ « month » inconnu dans la règle d'échéance (champs admis : anchor, kind, years, months, weeks, days, notAfter).",
    ]);
  });

  it('reports every problem at once', () => {
    expect(validateDueRule({ anchor: 'X', kind: 'Y', days: 0.5, extra: true })).toHaveLength(4);
  });
});

describe('notAfter: the annual programme is never due after the session’s UD deadline', () => {
  const PROGRAMME: DueRule = {
    anchor: 'SESSION_YEAR_JAN_31',
    kind: 'regulatory',
    notAfter: { anchor: 'START', months: -3 },
  };

  it('brings a January session’s due date forward to its UD deadline (previous October)', () => {
    const due = computeDueDate(PROGRAMME, { startDate: '2027-01-18', endDate: '2027-01-20' });
    expect(due.dueDate).toBe('2026-10-18');
    expect(due.dueKind).toBe('regulatory');
  });

  it('brings a March session’s due date forward to its UD deadline (previous December)', () => {
    expect(
      computeDueDate(PROGRAMME, { startDate: '2027-03-10', endDate: '2027-03-12' }).dueDate,
    ).toBe('2026-12-10');
  });

  it('keeps 31 January for a June session (its UD deadline in March comes later)', () => {
    expect(
      computeDueDate(PROGRAMME, { startDate: '2027-06-14', endDate: '2027-06-16' }).dueDate,
    ).toBe('2027-01-31');
  });

  it('bounds an April session too, but not a session starting on 1 May', () => {
    expect(
      computeDueDate(PROGRAMME, { startDate: '2027-04-30', endDate: '2027-04-30' }).dueDate,
    ).toBe('2027-01-30');
    expect(
      computeDueDate(PROGRAMME, { startDate: '2027-05-01', endDate: '2027-05-01' }).dueDate,
    ).toBe('2027-01-31');
  });

  it('gives the working-day fallback of the bounded date', () => {
    // 17 October 2026 is a Saturday: the last working day before is Friday 16.
    const due = computeDueDate(PROGRAMME, { startDate: '2027-01-17', endDate: '2027-01-17' });
    expect(due.dueDate).toBe('2026-10-17');
    expect(due.workingDayFallback).toBe('2026-10-16');
  });

  it('leaves a rule without bound (v1 templates) unchanged', () => {
    expect(
      computeDueDate(PLANNING, { startDate: '2027-01-18', endDate: '2027-01-20' }).dueDate,
    ).toBe('2027-01-31');
  });

  it('validates the bound like the rule, with French messages naming its fields', () => {
    expect(validateDueRule(PROGRAMME)).toEqual([]);
    expect(
      validateDueRule({
        anchor: 'SESSION_YEAR_JAN_31',
        kind: 'regulatory',
        notAfter: { anchor: 'NOW', months: 'x', kind: 'regulatory' },
      }),
    ).toEqual([
      'Champ « notAfter.anchor » : ancre inconnue « NOW » (valeurs admises : SESSION_YEAR_JAN_31, START, END).',
      'Champ « notAfter.months » : le décalage en mois doit être un nombre entier (reçu « x »).',
      "Champ « notAfter.kind » inconnu dans la borne de l'échéance (champs admis : anchor, years, months, weeks, days).",
    ]);
    expect(validateDueRule({ anchor: 'START', kind: 'advised', notAfter: 3 })).toEqual([
      "Champ « notAfter » : la borne de l'échéance doit être un objet (reçu 3).",
    ]);
  });
});

describe('DUE_KIND_LABELS', () => {
  it('gives a French label for each kind', () => {
    expect(DUE_KIND_LABELS).toEqual({
      regulatory: 'Échéance réglementaire',
      advised: 'Échéance conseillée',
      phase: 'Échéance indicative (phase)',
    });
  });
});
