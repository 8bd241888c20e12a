import type { CheckResult } from '../compliance/compliance-rules.js';
import { failingChecksError, nextTick, tickRequestErrors, type TickFields } from './task-tick.js';

const TODAY = '2027-03-01';
const author = { userId: 'u-1', email: 'rs@centre.fr' };
const todo: TickFields = {
  status: 'todo',
  doneAt: null,
  doneBy: null,
  doneByEmail: null,
  observations: '',
  reason: '',
};
const done: TickFields = {
  status: 'done',
  doneAt: '2027-02-20',
  doneBy: 'u-0',
  doneByEmail: 'autre@centre.fr',
  observations: 'Envoyé par courriel',
  reason: '',
};

describe('ticking a task', () => {
  it('marks a task done today by the caller when no date is given', () => {
    expect(nextTick(todo, { status: 'done' }, author, TODAY)).toEqual({
      ok: true,
      tick: {
        status: 'done',
        doneAt: TODAY,
        doneBy: 'u-1',
        doneByEmail: 'rs@centre.fr',
        observations: '',
        reason: '',
      },
    });
  });

  it('accepts a past date and refuses a future one', () => {
    const past = nextTick(todo, { status: 'done', doneAt: '2027-02-15' }, author, TODAY);
    expect(past.ok && past.tick.doneAt).toBe('2027-02-15');
    expect(nextTick(todo, { status: 'done', doneAt: '2027-03-02' }, author, TODAY)).toEqual({
      ok: false,
      errors: [
        {
          field: 'doneAt',
          message: "Le champ « doneAt » ne doit pas être postérieur à aujourd'hui (01/03/2027).",
        },
      ],
    });
  });

  it('keeps the date and author when only the observations change', () => {
    const outcome = nextTick(done, { status: 'done', observations: 'Accusé reçu' }, author, TODAY);
    expect(outcome).toEqual({ ok: true, tick: { ...done, observations: 'Accusé reçu' } });
  });

  it('requires a reason to mark a task sans objet', () => {
    const refused = nextTick(todo, { status: 'not_applicable' }, author, TODAY);
    expect(refused).toEqual({
      ok: false,
      errors: [
        {
          field: 'reason',
          message: 'Le champ « reason » est obligatoire pour marquer une tâche sans objet.',
        },
      ],
    });
    const accepted = nextTick(
      todo,
      { status: 'not_applicable', reason: 'Aucun incident' },
      author,
      TODAY,
    );
    expect(accepted).toMatchObject({
      ok: true,
      tick: { status: 'not_applicable', reason: 'Aucun incident', doneAt: TODAY, doneBy: 'u-1' },
    });
  });

  it('does not carry a reason over to another status', () => {
    const na: TickFields = { ...done, status: 'not_applicable', reason: 'Aucun incident' };
    expect(nextTick(na, { status: 'done' }, author, TODAY)).toMatchObject({
      ok: true,
      tick: { reason: '', doneAt: TODAY, doneBy: 'u-1' },
    });
  });

  it('clears the date and author when the task goes back to do', () => {
    expect(nextTick(done, { status: 'todo' }, author, TODAY)).toEqual({
      ok: true,
      tick: { ...todo, observations: 'Envoyé par courriel' },
    });
    expect(nextTick(done, { status: 'todo', doneAt: '2027-02-01' }, author, TODAY).ok).toBe(false);
  });
});

describe('tick request rules', () => {
  it('reports a future date and a missing reason together', () => {
    expect(
      tickRequestErrors({ status: 'not_applicable', doneAt: '2027-03-02', reason: ' ' }, '', TODAY),
    ).toEqual([
      {
        field: 'doneAt',
        message: "Le champ « doneAt » ne doit pas être postérieur à aujourd'hui (01/03/2027).",
      },
      {
        field: 'reason',
        message: 'Le champ « reason » est obligatoire pour marquer une tâche sans objet.',
      },
    ]);
  });

  it('keeps the stored reason when none is sent', () => {
    expect(tickRequestErrors({ status: 'not_applicable' }, 'Aucun incident', TODAY)).toEqual([]);
  });
});

describe('failing checks message', () => {
  const check = (n: number): CheckResult => ({
    code: 'JURY_HABILITATIONS',
    label: "Habilitations des membres du jury valides jusqu'à la fin de la session",
    taskCodes: ['JURY_CHECK_HABILITATIONS'],
    status: 'fail',
    evidence: [],
    findings: Array.from({ length: n }, (_, i) => ({
      code: 'JURY_HABILITATIONS',
      severity: 'blocking' as const,
      message: `Constat ${i + 1}.`,
    })),
  });

  it('names the field, the check and its findings', () => {
    expect(failingChecksError([check(1)])).toEqual({
      field: 'reason',
      message:
        "Le champ « reason » est obligatoire : le contrôle « Habilitations des membres du jury valides jusqu'à la fin de la session » échoue (Constat 1.). Indiquez pourquoi la tâche est cochée malgré tout.",
    });
  });

  it('shows three findings at most', () => {
    expect(failingChecksError([check(5)]).message).toContain(
      '(Constat 1. Constat 2. Constat 3. et 2 autres constats)',
    );
  });
});
