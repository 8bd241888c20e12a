import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  APPLICABILITIES,
  listTemplateVersions,
  loadChecklistTemplate,
  loadTemplateVersion,
  resolveTaskDue,
  templateResitPeriod,
  validateChecklistTemplate,
  type ChecklistTemplate,
  type PhaseCode,
  type TemplateTask,
} from './checklist-template.js';
import { RESIT_PERIOD } from '../certification/certification-sources.js';

/*
 * How the guide (seeds/003) is read.
 *
 * The seed is a text dump of 7 Word tables. Each table starts with a header line whose first
 * cell is « Tâches à réaliser »; cells are separated by tabs (shown ⇥ below). The columns of
 * the flags are found from each table's own header, because the headers are irregular:
 *
 * - Tables 1, 3, 4 and 7: `Tâches à réaliser⇥Réglementaire⇥Conseil⇥Fait le⇥Observations`.
 *   Réglementaire is column 1, Conseil column 2; rows have 4 tabs (`label⇥x⇥⇥⇥`).
 * - Table 2: `Tâches à réaliser⇥Réglementaire⇥⇥Conseil⇥Fait le⇥Observations`: an extra empty
 *   column 2 (a split cell in the Word table). Réglementaire is column 1, Conseil column 3;
 *   rows have 5 tabs and never have an x in column 2.
 * - Table 5: `Tâches à réaliser⇥Réglementaire Conseil⇥⇥Fait le⇥Observations`: both headings
 *   were typed into column 1 and column 2 has no heading. Rows have 4 tabs like tables 1, 3,
 *   4 and 7, with « Fait le » in column 3, so this is the same layout with the « Conseil »
 *   heading misplaced: Réglementaire is column 1, Conseil column 2. (No row of table 5 has an
 *   x in column 2: its rows are either réglementaire or unflagged.)
 * - Table 6: the header spans two lines, `Tâches à réaliser⇥Réglementaire⇥⇥Fait le⇥Observations`
 *   then `⇥⇥Conseil⇥⇥`: merged column by column, Réglementaire is column 1, Conseil column 2.
 *
 * Every other non-empty line after the first header is a task row; its label is the first
 * cell. The x cells must all fall in the Réglementaire or Conseil column (checked below), and
 * the other cells (« Fait le », « Observations ») are empty. Rows with no x at all are neither
 * réglementaire nor conseil; one row of table 1 has both. In table 5, the rows starting with
 * « ▶ » are the points of « Accueillir les membres de jury : », each one a task of its own.
 *
 * Tables → phases: 1 PLAN, 2 JURY, 3 PACK, 4 FILES, 5 and 6 DAY, 7 AFTER.
 */

const TABLE_PHASES: readonly PhaseCode[] = ['PLAN', 'JURY', 'PACK', 'FILES', 'DAY', 'DAY', 'AFTER'];
const TABLE_HEADER = 'Tâches à réaliser';
const SEED_PATH = path.resolve(process.cwd(), '../shared/seeds/003_a9a5fb2d5dda3ac7.txt');
const FIXTURE_PATH = path.resolve(process.cwd(), 'test/fixtures/seed-003-guide-session.txt');

interface SeedRow {
  table: number;
  lineNumber: number;
  label: string;
  regulatory: boolean;
  advised: boolean;
  subItem: boolean;
}

interface SeedTable {
  header: string[];
  regulatoryColumn: number;
  advisedColumn: number;
  rows: SeedRow[];
  anomalies: string[];
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function resolveFlagColumns(header: string[]): { regulatory: number; advised: number } {
  const regulatory = header.findIndex((cell) => cell.includes('Réglementaire'));
  const advised = header.findIndex((cell) => cell.includes('Conseil'));
  if (regulatory < 1 || advised < 1) {
    throw new Error(`En-tête sans colonnes Réglementaire/Conseil : ${header.join(' | ')}`);
  }
  if (regulatory !== advised) return { regulatory, advised };
  // Both headings typed in one cell: « Conseil » belongs to the next, unlabelled column.
  if (header[regulatory + 1] !== '') {
    throw new Error(`En-tête ambigu : ${header.join(' | ')}`);
  }
  return { regulatory, advised: regulatory + 1 };
}

function parseGuide(text: string): SeedTable[] {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((line) => line.startsWith(TABLE_HEADER));
  if (first < 0) throw new Error('Aucun tableau « Tâches à réaliser » dans le guide.');

  const raw: { headerLines: string[][]; rows: { lineNumber: number; cells: string[] }[] }[] = [];
  for (let i = first; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const cells = line.split('\t');
    if (cells[0].trim().startsWith(TABLE_HEADER)) {
      raw.push({ headerLines: [cells], rows: [] });
      continue;
    }
    const current = raw[raw.length - 1];
    const continuesHeader =
      current.rows.length === 0 &&
      cells[0].trim() === '' &&
      cells.some((cell) => /Réglementaire|Conseil/.test(cell));
    if (continuesHeader) current.headerLines.push(cells);
    else current.rows.push({ lineNumber: i + 1, cells });
  }

  return raw.map((table, tableIndex) => {
    const width = Math.max(...table.headerLines.map((cells) => cells.length));
    const header = Array.from({ length: width }, (_, column) =>
      table.headerLines
        .map((cells) => (cells[column] ?? '').trim())
        .filter((cell) => cell !== '')
        .join(' '),
    );
    const columns = resolveFlagColumns(header);
    const anomalies: string[] = [];
    const rows = table.rows.map(({ lineNumber, cells }): SeedRow => {
      cells.forEach((cell, column) => {
        if (column === 0) return;
        const value = cell.trim();
        const isFlagColumn = column === columns.regulatory || column === columns.advised;
        if (value !== '' && !(value === 'x' && isFlagColumn)) {
          anomalies.push(`ligne ${lineNumber}, colonne ${column} : ${JSON.stringify(value)}`);
        }
      });
      const label = cells[0].trim();
      return {
        table: tableIndex + 1,
        lineNumber,
        label,
        regulatory: cells[columns.regulatory]?.trim() === 'x',
        advised: cells[columns.advised]?.trim() === 'x',
        subItem: label.startsWith('▶'),
      };
    });
    return {
      header,
      regulatoryColumn: columns.regulatory,
      advisedColumn: columns.advised,
      rows,
      anomalies,
    };
  });
}

function readSeed(): string {
  return readFileSync(existsSync(SEED_PATH) ? SEED_PATH : FIXTURE_PATH, 'utf8');
}

function byCode(template: ChecklistTemplate, code: string): TemplateTask {
  const task = template.tasks.find((t) => t.code === code);
  if (!task) throw new Error(`Tâche ${code} absente du modèle`);
  return task;
}

function cloneTemplate(template: ChecklistTemplate): ChecklistTemplate {
  return JSON.parse(JSON.stringify(template)) as ChecklistTemplate;
}

describe('checklist template guide-session.v1', () => {
  const template = loadChecklistTemplate();
  const seedTables = parseGuide(readSeed());
  const seedRows = seedTables.flatMap((table) => table.rows);
  const phaseOrder = template.phases.map((p) => p.code);
  const tasksInOrder = [...template.tasks].sort(
    (a, b) => phaseOrder.indexOf(a.phase) - phaseOrder.indexOf(b.phase) || a.order - b.order,
  );

  describe('structure', () => {
    it('validates', () => {
      expect(validateChecklistTemplate(template)).toEqual([]);
      expect(template.version).toBe(1);
      expect(template.title).toBe('Guide de préparation de la session');
      expect(template.effectiveFrom).toBe('2026-01-01');
    });

    it('declares the six phases in the order of the guide', () => {
      expect(template.phases.map((p) => [p.code, p.label])).toEqual([
        ['PLAN', 'Programmation et déclarations'],
        ['JURY', 'Jury et convocations'],
        ['PACK', "Pli d'examen"],
        ['FILES', 'Plateau technique et dossiers des candidats'],
        ['DAY', 'Jour de la session'],
        ['AFTER', 'Après la session'],
      ]);
      for (const phase of template.phases) {
        expect(phase.defaultDue.kind).toBe('phase');
        expect(phase.dueNote.length).toBeGreaterThan(20);
      }
      const due = Object.fromEntries(template.phases.map((p) => [p.code, p.defaultDue]));
      expect(due.DAY).toEqual({ anchor: 'START', kind: 'phase' });
      expect(due.AFTER).toEqual({ anchor: 'END', days: 15, kind: 'phase' });
      for (const code of ['PLAN', 'JURY', 'PACK', 'FILES']) {
        expect(due[code].anchor).toBe('START');
        const offset = (due[code].months ?? 0) * 31 + (due[code].weeks ?? 0) * 7;
        expect(offset).toBeLessThan(0);
      }
    });

    it('has unique codes in the PHASE_SLUG style and orders 1..n within each phase', () => {
      const codes = template.tasks.map((t) => t.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const task of template.tasks) {
        expect(task.code).toMatch(new RegExp(`^${task.phase}_[A-Z0-9]+(_[A-Z0-9]+)*$`));
      }
      for (const phase of phaseOrder) {
        const orders = template.tasks.filter((t) => t.phase === phase).map((t) => t.order);
        expect(orders).toEqual(orders.map((_, i) => i + 1));
      }
    });

    it('has the expected number of tasks per phase', () => {
      const counts = Object.fromEntries(
        phaseOrder.map((phase) => [phase, template.tasks.filter((t) => t.phase === phase).length]),
      );
      expect(counts).toEqual({ PLAN: 14, JURY: 15, PACK: 11, FILES: 15, DAY: 35, AFTER: 9 });
    });

    it.each([
      ['PLAN_ANNUAL_PROGRAMME', 'PLAN'],
      ['PLAN_CHECK_AGREMENT_CERES', 'PLAN'],
      ['PLAN_CHECK_AGREMENT_LETTER', 'PLAN'],
      ['PLAN_INFORM_UD_SESSION', 'PLAN'],
      ['JURY_CHECK_VAE_RECEVABILITE', 'JURY'],
      ['JURY_CERES_CREATE_SESSION', 'JURY'],
      ['JURY_CHECK_HABILITATIONS', 'JURY'],
      ['JURY_CHECK_NO_LINK', 'JURY'],
      ['JURY_CONVENE_JURY', 'JURY'],
      ['PACK_CONVENE_CANDIDATES', 'PACK'],
      ['PACK_PLI_NOT_RECEIVED', 'PACK'],
      ['FILES_CHECK_ECF_SIGNATURES', 'FILES'],
      ['FILES_CHECK_DP_SIGNATURE', 'FILES'],
      ['FILES_COLLECT_VAE_RECEVABILITE', 'FILES'],
      ['DAY_CHECK_TWO_JURORS', 'DAY'],
      ['DAY_WELCOME_JURY', 'DAY'],
      ['DAY_WELCOME_NO_LINK', 'DAY'],
      ['DAY_CHECK_CANDIDATE_FILES', 'DAY'],
      ['AFTER_SEND_PV_UD', 'AFTER'],
      ['AFTER_RETAIN_DOCUMENTS', 'AFTER'],
    ])('has the fixed code %s in phase %s', (code, phase) => {
      expect(byCode(template, code).phase).toBe(phase);
    });

    it('gives the fixed codes to the right rows of the guide', () => {
      const starts: Record<string, string> = {
        PLAN_ANNUAL_PROGRAMME: 'Programmer et communiquer les sessions',
        PLAN_CHECK_AGREMENT_CERES: 'Vérifier dans CERES les dates de validité',
        PLAN_CHECK_AGREMENT_LETTER: 'Vérifier les informations contenues dans le courrier',
        PLAN_INFORM_UD_SESSION: "Transmettre à l'UD de la DIRECCTE compétente les informations",
        JURY_CHECK_VAE_RECEVABILITE: 'Vérifier la création par le représentant territorial',
        JURY_CERES_CREATE_SESSION: 'Créer la session dans CERES',
        JURY_CHECK_HABILITATIONS: 'Vérifier les habilitations des membres de jury',
        JURY_CHECK_NO_LINK: "Contrôler l'absence de lien personnel",
        JURY_CONVENE_JURY: 'Convoquer les membres de jury dûment habilités',
        PACK_CONVENE_CANDIDATES: "Convoquer les candidats aux sessions d'examen",
        PACK_PLI_NOT_RECEIVED: 'Contacteur le service des examens en cas de non réception',
        FILES_CHECK_ECF_SIGNATURES: 'Vérifier la signature du livret par',
        FILES_CHECK_DP_SIGNATURE: 'Vérifier la signature du DP par le candidat',
        FILES_COLLECT_VAE_RECEVABILITE: 'Collecter la notification de recevabilité',
        DAY_CHECK_TWO_JURORS: "Avant le début de la session, vérifier qu'au moins deux",
        DAY_WELCOME_JURY: 'Accueillir les membres de jury :',
        DAY_WELCOME_NO_LINK: "▶ Contrôler l'absence de lien personnel",
        DAY_CHECK_CANDIDATE_FILES: 'Vérifier la complétude du dossier du candidat',
        AFTER_SEND_PV_UD: "Adresser l'original du PV de la session",
        AFTER_RETAIN_DOCUMENTS: 'Conserver les documents relatifs aux candidats',
      };
      for (const [code, start] of Object.entries(starts)) {
        expect(byCode(template, code).sourceText.startsWith(start)).toBe(true);
      }
    });
  });

  describe('flags as the guide sets them', () => {
    it.each([
      // table 1: the only row with both flags
      ['PLAN_INFORM_UD_ACCOMMODATION', true, true],
      ['PLAN_ANNUAL_PROGRAMME', true, false],
      ['PLAN_CHECK_AGREMENT_CERES', false, true],
      ['PLAN_CHECK_AGREMENT_LETTER', false, true],
      ['PLAN_INFORM_UD_SESSION', true, false],
      // table 2: Conseil in column 3
      ['JURY_SEND_PLANNING_UD', false, true],
      ['JURY_CHECK_JUROR_TRAINING', false, true],
      ['JURY_CERES_CREATE_SESSION', true, false],
      // table 2: no x at all
      ['JURY_CERES_REGISTER_EXAM_REQUEST', false, false],
      ['JURY_CERES_SEND_EXAM_REQUEST', false, false],
      // table 3
      ['PACK_CONVENE_CANDIDATES', true, false],
      ['PACK_PLI_NOT_RECEIVED', false, true],
      // table 5: no x at all for the grouping row and some ▶ points
      ['DAY_WELCOME_JURY', false, false],
      ['DAY_WELCOME_CHECK_IDENTITY', false, false],
      ['DAY_WELCOME_NO_LINK', true, false],
      ['DAY_JUROR_ABSENT', false, false],
      ['DAY_RS_PRESENCE', false, false],
      // table 6: Conseil heading on the second header line
      ['DAY_PRINT_TITRE_SHEET', false, true],
      ['DAY_DRAW_UP_PV', true, false],
      // table 7
      ['AFTER_CHECK_INDIVIDUAL_PV_SIGNATURES', false, false],
      ['AFTER_DTE_ANOMALY', false, true],
      ['AFTER_RETAIN_DOCUMENTS', true, false],
    ])('%s: réglementaire %s, conseil %s', (code, regulatory, advised) => {
      const task = byCode(template, code);
      expect([task.regulatory, task.advised]).toEqual([regulatory, advised]);
    });

    it('has exactly one task with both flags', () => {
      expect(template.tasks.filter((t) => t.regulatory && t.advised).map((t) => t.code)).toEqual([
        'PLAN_INFORM_UD_ACCOMMODATION',
      ]);
    });
  });

  describe('due dates', () => {
    it('sets the deadlines of the product brief', () => {
      const expected: Record<string, object> = {
        PLAN_ANNUAL_PROGRAMME: { anchor: 'SESSION_YEAR_JAN_31', kind: 'regulatory' },
        PLAN_INFORM_UD_SESSION: { anchor: 'START', months: -3, kind: 'regulatory' },
        JURY_CERES_CREATE_SESSION: { anchor: 'START', months: -3, kind: 'regulatory' },
        JURY_CERES_REGISTER_EXAM_REQUEST: { anchor: 'START', months: -3, kind: 'regulatory' },
        JURY_CERES_SEND_EXAM_REQUEST: { anchor: 'START', months: -3, kind: 'regulatory' },
        PACK_CONVENE_CANDIDATES: { anchor: 'START', months: -1, kind: 'regulatory' },
        PACK_PLI_NOT_RECEIVED: { anchor: 'START', weeks: -4, kind: 'advised' },
        AFTER_SEND_PV_UD: { anchor: 'END', days: 15, kind: 'regulatory' },
        AFTER_RETAIN_DOCUMENTS: { anchor: 'END', years: 5, kind: 'regulatory' },
      };
      for (const task of template.tasks) {
        expect([task.code, task.due]).toEqual([task.code, expected[task.code] ?? null]);
      }
      expect(byCode(template, 'PLAN_ANNUAL_PROGRAMME').references).toContain('RGS-2016');
    });

    it('falls back on the phase rule when a task has none', () => {
      expect(resolveTaskDue(template, byCode(template, 'DAY_OPEN_PLI'))).toEqual({
        anchor: 'START',
        kind: 'phase',
      });
      expect(resolveTaskDue(template, byCode(template, 'AFTER_SEND_PV_UD')).kind).toBe(
        'regulatory',
      );
    });
  });

  describe('applicability', () => {
    it('uses known values only', () => {
      for (const task of template.tasks) {
        expect(APPLICABILITIES).toContain(task.applicability);
      }
    });

    it('marks the conditional tasks', () => {
      const codesWith = (value: string): string[] =>
        template.tasks.filter((t) => t.applicability === value).map((t) => t.code);
      expect(codesWith('CCP_SESSION')).toEqual(['PACK_PRINT_SEAL_CCP_DTE']);
      expect(codesWith('VAE_CANDIDATES')).toEqual([
        'JURY_CHECK_VAE_RECEVABILITE',
        'FILES_COLLECT_VAE_RECEVABILITE',
      ]);
      expect(codesWith('ACCOMMODATION_REQUESTS')).toEqual([
        'PLAN_ACCOMMODATION_REQUESTS',
        'PLAN_INFORM_UD_ACCOMMODATION',
        'DAY_WELCOME_ACCOMMODATIONS',
      ]);
      expect(codesWith('INCIDENT')).toEqual([
        'PLAN_INFORM_UD_DELEGATION',
        'JURY_RS_REPLACEMENT',
        'JURY_INFORM_UD_NO_JURY',
        'PACK_PLI_DAMAGED',
        'PACK_PLI_NOT_RECEIVED',
        'DAY_JUROR_ABSENT',
        'DAY_NO_JURY_REPORT',
        'DAY_INFORM_UD_POSTPONEMENT',
        'DAY_LATE_CANDIDATE',
        'DAY_CANCEL_UNSEALED',
        'DAY_FRAUD_REPORT',
        'AFTER_DTE_ANOMALY',
      ]);
    });

    it('treats every « en cas de » row of the guide as conditional', () => {
      for (const task of template.tasks) {
        if (/en cas d/i.test(task.sourceText)) {
          expect([task.code, task.applicability]).toEqual([task.code, 'INCIDENT']);
        }
      }
    });
  });

  describe('labels and items', () => {
    it('are clean French sentences without HTML, markers or the guide typos', () => {
      for (const task of template.tasks) {
        for (const text of [task.label, ...task.items]) {
          expect(text).not.toMatch(/[<>▶]/);
          expect(text).not.toMatch(/\b(Informers|Contacteur)\b/);
          expect(text).not.toMatch(/\s[:;,.]?$/);
          expect(text).toBe(text.trim());
          expect(text).not.toMatch(/ {2}/);
        }
        expect(task.label).not.toMatch(/[:.]$/);
      }
    });

    it('keeps the underlined deadlines in the label and the ▶ points as items', () => {
      expect(byCode(template, 'PLAN_INFORM_UD_SESSION').label).toContain(
        '3 mois avant la date de la session',
      );
      expect(byCode(template, 'PLAN_INFORM_UD_SESSION').items).toHaveLength(4);
      expect(byCode(template, 'PACK_CONVENE_CANDIDATES').label).toContain(
        'au moins 1 mois avant le début de la session',
      );
      expect(byCode(template, 'FILES_CHECK_ECF_SIGNATURES').items).toEqual([
        'le responsable de formation',
        'le formateur évaluateur',
        'le candidat',
      ]);
      expect(byCode(template, 'JURY_CHECK_JUROR_TRAINING').label).toBe(
        "Contacter les membres de jury et vérifier s'ils ont été professionnalisés",
      );
      for (const task of template.tasks) {
        const listed = task.sourceText.includes('<ul');
        expect([task.code, task.items.length > 0]).toEqual([task.code, listed]);
      }
    });

    it('attaches each ▶ point of « Accueillir les membres de jury » to its parent', () => {
      const children = template.tasks.filter((t) => t.parentCode !== null);
      expect(children).toHaveLength(7);
      for (const child of children) {
        expect(child.parentCode).toBe('DAY_WELCOME_JURY');
        expect(child.sourceText.startsWith('▶')).toBe(true);
      }
      expect(byCode(template, 'DAY_WELCOME_JURY').parentCode).toBeNull();
    });
  });

  describe('against the guide (seeds/003)', () => {
    it('uses a byte-identical fixture copy of the guide', () => {
      if (!existsSync(SEED_PATH)) return;
      expect(readFileSync(FIXTURE_PATH).equals(readFileSync(SEED_PATH))).toBe(true);
    });

    it('finds the 7 tables with their flag columns', () => {
      expect(seedTables).toHaveLength(7);
      expect(seedTables.map((t) => [t.regulatoryColumn, t.advisedColumn])).toEqual([
        [1, 2],
        [1, 3],
        [1, 2],
        [1, 2],
        [1, 2],
        [1, 2],
        [1, 2],
      ]);
      expect(seedTables.map((t) => t.rows.length)).toEqual([14, 15, 11, 15, 19, 16, 9]);
      for (const table of seedTables) {
        expect(table.anomalies).toEqual([]);
        for (const row of table.rows) expect(row.label).not.toBe('');
      }
      expect(seedRows.filter((row) => row.subItem)).toHaveLength(7);
      expect(seedRows.filter((row) => !row.regulatory && !row.advised).length).toBeGreaterThan(0);
    });

    it('has a template task for every task row of the guide, and no other', () => {
      const remaining = new Map<string, number>();
      for (const task of template.tasks) {
        const key = normalise(task.sourceText);
        remaining.set(key, (remaining.get(key) ?? 0) + 1);
      }
      const missing: string[] = [];
      for (const row of seedRows) {
        const key = normalise(row.label);
        const count = remaining.get(key) ?? 0;
        if (count === 0) missing.push(`table ${row.table}, ligne ${row.lineNumber} : ${key}`);
        else remaining.set(key, count - 1);
      }
      expect(missing).toEqual([]);
      expect([...remaining].filter(([, count]) => count > 0)).toEqual([]);
      expect(template.tasks).toHaveLength(seedRows.length);
    });

    it('follows the guide row by row: phase, order, flags and parent', () => {
      expect(tasksInOrder).toHaveLength(seedRows.length);
      seedRows.forEach((row, index) => {
        const task = tasksInOrder[index];
        const actual = {
          sourceText: normalise(task.sourceText),
          phase: task.phase,
          regulatory: task.regulatory,
          advised: task.advised,
          isSubItem: task.parentCode === 'DAY_WELCOME_JURY',
        };
        expect(actual).toEqual({
          sourceText: normalise(row.label),
          phase: TABLE_PHASES[row.table - 1],
          regulatory: row.regulatory,
          advised: row.advised,
          isSubItem: row.subItem,
        });
      });
    });
  });
});

describe('validateChecklistTemplate', () => {
  const valid = loadChecklistTemplate();

  it('rejects something that is not an object', () => {
    expect(validateChecklistTemplate(null)).toEqual([
      'Le modèle de liste de contrôle doit être un objet JSON.',
    ]);
  });

  it('reports duplicate codes', () => {
    const t = cloneTemplate(valid);
    t.tasks[1].code = t.tasks[0].code;
    expect(validateChecklistTemplate(t)).toContain(
      `Code de tâche en double : « ${t.tasks[0].code} ».`,
    );
  });

  it('reports an unknown phase', () => {
    const t = cloneTemplate(valid) as unknown as { tasks: Record<string, unknown>[] };
    t.tasks[0].phase = 'LATER';
    expect(validateChecklistTemplate(t).join('\n')).toMatch(
      /Tâche « PLAN_ANNUAL_PROGRAMME » : phase inconnue « LATER »/,
    );
  });

  it('reports a bad due rule through validateDueRule', () => {
    const t = cloneTemplate(valid) as unknown as { tasks: Record<string, unknown>[] };
    t.tasks[0].due = { anchor: 'TOMORROW', kind: 'regulatory' };
    const errors = validateChecklistTemplate(t);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Tâche « PLAN_ANNUAL_PROGRAMME », échéance : .*anchor/);
  });

  it('reports a phase default that is not of kind phase', () => {
    const t = cloneTemplate(valid);
    t.phases[0].defaultDue = { anchor: 'START', months: -3, kind: 'advised' };
    expect(validateChecklistTemplate(t)).toEqual([
      "Phase « PLAN » : l'échéance par défaut doit être de type « phase ».",
    ]);
  });

  it('reports a missing parent', () => {
    const t = cloneTemplate(valid);
    const child = t.tasks.find((task) => task.parentCode !== null);
    if (!child) throw new Error('no child task');
    child.parentCode = 'DAY_NOWHERE';
    expect(validateChecklistTemplate(t)).toEqual([
      `Tâche « ${child.code} » : tâche parente « DAY_NOWHERE » introuvable.`,
    ]);
  });

  it('reports an empty label and an unknown reference', () => {
    const t = cloneTemplate(valid);
    t.tasks[2].label = '  ';
    t.tasks[2].references = ['NOPE'];
    expect(validateChecklistTemplate(t)).toEqual([
      `Tâche « ${t.tasks[2].code} » : libellé vide.`,
      `Tâche « ${t.tasks[2].code} » : référence inconnue « NOPE ».`,
    ]);
  });
});

describe('the rules settings of the template', () => {
  const valid = loadChecklistTemplate();
  type Loose = Record<string, unknown> & { rules: { resitPeriod: Record<string, unknown> } };
  const loose = (): Loose => cloneTemplate(valid) as unknown as Loose;

  it('sets the re-sit period to one year with the text it rests on, as the certification rules', () => {
    expect(templateResitPeriod(valid)).toEqual(RESIT_PERIOD);
    expect(templateResitPeriod(valid).source).toMatchObject({
      code: 'RESIT_ONE_YEAR',
      article: 'Article 10 (procès-verbal de session : réussite, réussite partielle, échec)',
      date: '2015-12-22',
      referenceCode: 'DELIVRANCE-2015',
    });
  });

  it('refuses a template without the rules or without the re-sit period', () => {
    const t = loose();
    delete (t as Record<string, unknown>).rules;
    expect(validateChecklistTemplate(t)).toEqual([
      'Champ « rules » : un objet est attendu, avec le délai de rattrapage « resitPeriod » (reçu absent).',
    ]);
    const u = loose();
    u.rules = {} as Loose['rules'];
    expect(validateChecklistTemplate(u)).toEqual([
      'Champ « rules.resitPeriod » : le délai de rattrapage { years, source } est attendu (reçu absent).',
    ]);
  });

  it.each([0, -1, 1.5, 6, '1', null])('refuses %p years', (years) => {
    const t = loose();
    t.rules.resitPeriod.years = years;
    expect(validateChecklistTemplate(t)).toEqual([
      `Champ « rules.resitPeriod.years » : un nombre entier d'années de 1 à 5 est attendu (reçu ${typeof years === 'string' ? `« ${years} »` : String(years)}).`,
    ]);
  });

  it('refuses a source without its text, with a bad date, address or reference, all at once', () => {
    const t = loose();
    t.rules.resitPeriod.source = {
      ...(t.rules.resitPeriod.source as object),
      text: ' ',
      date: '2015-02-30',
      url: 'ftp://example.fr',
      referenceCode: 'NOPE',
    };
    expect(validateChecklistTemplate(t)).toEqual([
      'Champ « rules.resitPeriod.source.text » : un texte non vide est attendu (reçu «   »).',
      'Champ « rules.resitPeriod.source.date » : date du texte au format AAAA-MM-JJ ou null attendue (reçu « 2015-02-30 »).',
      'Champ « rules.resitPeriod.source.url » : adresse http(s) ou null attendue (reçu « ftp://example.fr »).',
      "Champ « rules.resitPeriod.source.referenceCode » : code d'une des « references » du modèle ou null attendu (reçu « NOPE »).",
    ]);
    const u = loose();
    u.rules.resitPeriod.source = 'RESIT_ONE_YEAR';
    expect(validateChecklistTemplate(u)).toEqual([
      'Champ « rules.resitPeriod.source » : un objet est attendu (code, text, article, date, url, summary, referenceCode).',
    ]);
  });

  it('accepts a source without date, address or reference (null)', () => {
    const t = loose();
    t.rules.resitPeriod.source = {
      ...(t.rules.resitPeriod.source as object),
      date: null,
      url: null,
      referenceCode: null,
    };
    t.rules.resitPeriod.years = 2;
    expect(validateChecklistTemplate(t)).toEqual([]);
  });
});

describe('template files', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'jalon-templates-'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function writeVersion(folder: string, version: number, declared = version): void {
    const template = cloneTemplate(loadChecklistTemplate());
    template.version = declared;
    writeFileSync(
      path.join(folder, `guide-session.v${version}.json`),
      JSON.stringify(template),
      'utf8',
    );
  }

  it('lists the versions of a directory in numeric order', () => {
    const folder = path.join(dir, 'list');
    mkdirSync(folder);
    writeVersion(folder, 10);
    writeVersion(folder, 2);
    writeVersion(folder, 1);
    writeFileSync(path.join(folder, 'guide-session.vX.json'), '{}');
    writeFileSync(path.join(folder, 'autre.v3.json'), '{}');
    expect(listTemplateVersions(folder).map((v) => v.version)).toEqual([1, 2, 10]);
    expect(listTemplateVersions(path.join(dir, 'absent'))).toEqual([]);
    expect(loadTemplateVersion(10, folder).version).toBe(10);
  });

  it('lists and loads the versions kept in the repository', () => {
    const versions = listTemplateVersions();
    expect(versions.map((v) => v.version)).toContain(1);
    expect(loadTemplateVersion(1).tasks.length).toBeGreaterThan(90);
  });

  it('refuses an unknown version or a file declaring another version', () => {
    expect(() => loadTemplateVersion(99)).toThrow(
      /Aucun modèle de liste de contrôle en version 99/,
    );
    const folder = path.join(dir, 'mismatch');
    mkdirSync(folder);
    writeVersion(folder, 4, 3);
    expect(() => loadTemplateVersion(4, folder)).toThrow(/déclare la version 3 au lieu de 4/);
  });

  it('throws a French error listing every problem of an invalid file', () => {
    const file = path.join(dir, 'invalid.json');
    const template = cloneTemplate(loadChecklistTemplate());
    template.tasks[0].label = '';
    template.tasks[1].code = template.tasks[2].code;
    writeFileSync(file, JSON.stringify(template), 'utf8');
    let message = '';
    try {
      loadChecklistTemplate(file);
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    expect(message).toContain('Modèle de liste de contrôle invalide');
    expect(message).toContain('2 problème(s)');
    expect(message).toContain('libellé vide');
    expect(message).toContain('Code de tâche en double');
  });

  it('throws on a missing file or invalid JSON', () => {
    expect(() => loadChecklistTemplate(path.join(dir, 'none.json'))).toThrow(/illisible/);
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{ "version": ', 'utf8');
    expect(() => loadChecklistTemplate(file)).toThrow(/JSON invalide/);
  });
});
