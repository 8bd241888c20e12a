import {
  loadTemplateVersion,
  resolveTaskDue,
  validateChecklistTemplate,
  type ChecklistTemplate,
  type TemplateTask,
} from './checklist-template.js';
import { snapshotTemplate } from './task-snapshot.js';

const v1 = loadTemplateVersion(1);
const v2 = loadTemplateVersion(2);

function task(template: ChecklistTemplate, code: string): TemplateTask {
  const found = template.tasks.find((t) => t.code === code);
  if (!found) throw new Error(`Tâche ${code} absente`);
  return found;
}

function dueDates(startDate: string, endDate: string): Map<string, string> {
  return new Map(snapshotTemplate(v2, { startDate, endDate }).map((t) => [t.code, t.dueDate]));
}

function clone(template: ChecklistTemplate): ChecklistTemplate {
  return JSON.parse(JSON.stringify(template)) as ChecklistTemplate;
}

describe('checklist template guide-session.v2', () => {
  it('validates and keeps the 99 rows of the guide with their own flags and texts', () => {
    expect(validateChecklistTemplate(v2)).toEqual([]);
    expect(v2.version).toBe(2);
    expect(v2.tasks).toHaveLength(99);
    const row = (t: TemplateTask) => [
      t.code,
      t.phase,
      t.order,
      t.parentCode,
      t.regulatory,
      t.advised,
      t.sourceText,
      t.items,
    ];
    expect(v2.tasks.map(row)).toEqual(v1.tasks.map(row));
  });

  it('records every interpretation with its source', () => {
    const all = [
      ...(v2.interpretations ?? []),
      ...v2.tasks.flatMap((t) => t.interpretations ?? []),
    ];
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const i of all) {
      expect(i.text.length).toBeGreaterThan(20);
      expect(i.source.text.length).toBeGreaterThan(10);
      expect(i.source.summary.length).toBeGreaterThan(10);
    }
    expect(v2.interpretations?.map((i) => i.topic)).toEqual(['header', 'label']);
    expect(v2.interpretations?.[0].text).toContain('en-tête fusionné');
  });

  describe('due dates in the right order (January session, 11–12 January 2027)', () => {
    const due = dueDates('2027-01-11', '2027-01-12');

    it('registers the candidates in the SI before the convocation deadline', () => {
      expect(due.get('PACK_CONVENE_CANDIDATES')).toBe('2026-12-11');
      expect(due.get('PACK_REGISTER_CANDIDATES')).toBe('2026-12-04');
    });

    it('anchors ECF, livret ECF and DP to the end of training, one week before the session', () => {
      for (const code of ['PLAN_ECF_ASSESSMENTS', 'PLAN_ECF_RECORD', 'PLAN_DP_COMPLETION']) {
        expect([code, due.get(code)]).toEqual([code, '2027-01-04']);
        expect(resolveTaskDue(v1, task(v1, code))).toEqual({
          anchor: 'START',
          months: -3,
          kind: 'phase',
        });
      }
      expect(due.get('FILES_CHECK_ECF_RECORD')).toBe('2027-01-04');
      expect(due.get('PLAN_INFORM_UD_SESSION')).toBe('2026-10-11');
    });
  });

  describe('multi-day session (7–11 June 2027)', () => {
    const due = dueDates('2027-06-07', '2027-06-11');

    it('dates the closing tasks of the day on the last day', () => {
      for (const code of [
        'DAY_CONFIDENTIAL_DELIBERATION',
        'DAY_CHECK_JURY_DOCUMENTS',
        'DAY_PV_ABSENCES',
        'DAY_DRAW_UP_PV',
      ]) {
        expect([code, due.get(code)]).toEqual([code, '2027-06-11']);
      }
    });

    it('keeps the opening tasks on the first day', () => {
      expect(due.get('DAY_CHECK_TWO_JURORS')).toBe('2027-06-07');
      expect(due.get('DAY_CHECK_CANDIDATE_IDENTITY')).toBe('2027-06-07');
    });
  });

  describe('pli check (« non-réception du pli »)', () => {
    const pli = task(v2, 'PACK_PLI_NOT_RECEIVED');

    it('is a dated advised check applying to every session, at the stricter delay', () => {
      expect(pli.applicability).toBe('ALWAYS');
      expect([pli.regulatory, pli.advised]).toEqual([false, true]);
      expect(pli.due).toEqual({ anchor: 'START', weeks: -4, kind: 'advised' });
      expect(dueDates('2027-06-07', '2027-06-07').get('PACK_PLI_NOT_RECEIVED')).toBe('2027-05-10');
    });

    it('keeps the guide’s four weeks and the FAQ’s two weeks with their sources', () => {
      expect(pli.dueAlternatives?.map((a) => [a.rule.weeks, a.source.code])).toEqual([
        [-4, 'GUIDE-SESSION'],
        [-2, 'FAQ-RESPONSABLE-SESSION'],
      ]);
      expect(pli.dueAlternatives?.[1].source.url).toBe('https://www.responsabledesession.fr/faq/');
    });

    it('refuses a due date that is not the strictest of the sources', () => {
      const t = clone(v2);
      task(t, 'PACK_PLI_NOT_RECEIVED').due = { anchor: 'START', weeks: -2, kind: 'advised' };
      expect(validateChecklistTemplate(t)).toEqual([
        "Tâche « PACK_PLI_NOT_RECEIVED » : l'échéance « due » doit être le délai le plus exigeant (le plus tôt) de « dueAlternatives ».",
      ]);
    });
  });

  describe('obligations the guide leaves unflagged', () => {
    it('marks the pack request and the responsable de session’s presence, flags unchanged', () => {
      const obligations = v2.tasks.filter((t) => t.obligation).map((t) => t.code);
      expect(obligations).toEqual([
        'JURY_CERES_REGISTER_EXAM_REQUEST',
        'JURY_CERES_SEND_EXAM_REQUEST',
        'DAY_RS_PRESENCE',
      ]);
      for (const code of obligations) {
        const t = task(v2, code);
        expect([t.regulatory, t.advised]).toEqual([false, false]);
        expect(t.interpretations?.find((i) => i.topic === 'flags')?.source.referenceCode).toBe(
          'AGREMENT-2016',
        );
      }
    });

    it('refuses an obligation or a task-level phase due date without its interpretation', () => {
      const t = clone(v2);
      task(t, 'DAY_RS_PRESENCE').interpretations = [];
      task(t, 'DAY_DRAW_UP_PV').interpretations = [];
      const errors = validateChecklistTemplate(t);
      expect(errors).toHaveLength(2);
      expect(errors[0]).toContain('DAY_RS_PRESENCE');
      expect(errors[1]).toContain('DAY_DRAW_UP_PV');
    });
  });

  describe('labels', () => {
    it('gives complete titles that read without their hidden points', () => {
      for (const t of v2.tasks) {
        expect([t.code, /(?:en précisant|contenant|par|dispose)\s*:?$/.test(t.label)]).toEqual([
          t.code,
          false,
        ]);
      }
      expect(task(v2, 'PACK_CONVENE_CANDIDATES').label).toMatch(
        /en précisant le lieu, la date et l'heure de l'examen, la nature des épreuves et la tenue professionnelle$/,
      );
    });

    it('names the administration « DREETS/DDETS » wherever a row speaks of the UD', () => {
      for (const t of v2.tasks) {
        if (/\bUD\b/.test(t.label))
          expect([t.code, t.label]).toEqual([t.code, expect.stringContaining('DREETS/DDETS')]);
      }
    });
  });
  describe('annual programme (PLAN_ANNUAL_PROGRAMME)', () => {
    it('is due on 31 January but never after the session’s UD deadline, with its source', () => {
      const rule = resolveTaskDue(v2, task(v2, 'PLAN_ANNUAL_PROGRAMME'));
      expect(rule).toEqual({
        anchor: 'SESSION_YEAR_JAN_31',
        kind: 'regulatory',
        notAfter: { anchor: 'START', months: -3 },
      });
      expect({ ...rule.notAfter, kind: 'regulatory' }).toEqual(
        resolveTaskDue(v2, task(v2, 'PLAN_INFORM_UD_SESSION')),
      );
      expect(task(v2, 'PLAN_ANNUAL_PROGRAMME').interpretations).toEqual([
        expect.objectContaining({
          topic: 'due',
          source: expect.objectContaining({ code: 'RGS-UD-3-MOIS' }),
        }),
      ]);
      const january = dueDates('2027-01-18', '2027-01-20');
      expect(january.get('PLAN_ANNUAL_PROGRAMME')).toBe('2026-10-18');
      expect(january.get('PLAN_ANNUAL_PROGRAMME')).toBe(january.get('PLAN_INFORM_UD_SESSION'));
      expect(dueDates('2027-03-10', '2027-03-12').get('PLAN_ANNUAL_PROGRAMME')).toBe('2026-12-10');
      expect(dueDates('2027-06-14', '2027-06-16').get('PLAN_ANNUAL_PROGRAMME')).toBe('2027-01-31');
    });

    it('keeps v1’s rule without bound', () => {
      expect(resolveTaskDue(v1, task(v1, 'PLAN_ANNUAL_PROGRAMME'))).toEqual({
        anchor: 'SESSION_YEAR_JAN_31',
        kind: 'regulatory',
      });
    });
  });
});
