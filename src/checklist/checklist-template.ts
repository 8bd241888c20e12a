/**
 * Versioned checklist template: the tasks of the official « Guide de préparation de la
 * session », kept as data files `templates/checklist/guide-session.v<N>.json`.
 *
 * Each task has a stable code, a phase, the flags of the guide (réglementaire / conseil),
 * an optional due-date rule (null: the phase's default rule applies), an applicability
 * condition and the raw text of the guide row it was transcribed from.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RuleSource, YearsRule } from '../certification/certification-sources.js';
import { isValidCalendarDate } from '../common/calendar-date.js';
import { compareDates } from '../common/calendar-date.js';
import { computeDueDate, validateDueRule, type DueRule } from './due-date.js';

export const PHASE_CODES = ['PLAN', 'JURY', 'PACK', 'FILES', 'DAY', 'AFTER'] as const;
export type PhaseCode = (typeof PHASE_CODES)[number];

export const APPLICABILITIES = [
  'ALWAYS',
  'CCP_SESSION',
  'VAE_CANDIDATES',
  'TRAINING_CANDIDATES',
  'DP_CANDIDATES',
  'LIVRET_CANDIDATES',
  'ACCOMMODATION_REQUESTS',
  'INCIDENT',
] as const;
/**
 * When a task applies to a session: always; only for a CCP session; only when the session
 * has VAE candidates; only when it has candidates trained for the titre (ECF); candidates with a
 * DP (formation or VAE); candidates with a livret de certification (suite de parcours, parcours
 * progressif, équivalence); only when a candidate asked for an accommodation (handicap); only if
 * the incident it describes happens (otherwise the task can be marked « sans objet »).
 */
export type Applicability = (typeof APPLICABILITIES)[number];

export const APPLICABILITY_LABELS: Record<Applicability, string> = {
  ALWAYS: 'Toujours',
  CCP_SESSION: 'Session CCP uniquement',
  VAE_CANDIDATES: 'Si la session compte des candidats VAE',
  TRAINING_CANDIDATES: 'Si la session compte des candidats issus de formation',
  DP_CANDIDATES: 'Si la session compte des candidats issus de formation ou de VAE',
  LIVRET_CANDIDATES:
    'Si la session compte des candidats en suite de parcours, en parcours progressif ou par équivalence',
  ACCOMMODATION_REQUESTS: "En cas de demande d'aménagement des épreuves",
  INCIDENT: "Seulement si l'incident se produit (sinon sans objet)",
};

export interface TemplatePhase {
  code: PhaseCode;
  label: string;
  /** Rule applied to the phase's tasks whose `due` is null; its kind is always 'phase'. */
  defaultDue: DueRule;
  /** Why this default was chosen (French). */
  dueNote: string;
}

export interface TemplateReference {
  code: string;
  text: string;
}

export const INTERPRETATION_TOPICS = ['header', 'label', 'due', 'flags', 'applicability'] as const;
/** What an interpretation of the guide is about. */
export type InterpretationTopic = (typeof INTERPRETATION_TOPICS)[number];

/** A reading of the guide that goes beyond its text, with the text it rests on. */
export interface TemplateInterpretation {
  topic: InterpretationTopic;
  /** What was decided and why (French). */
  text: string;
  source: RuleSource;
}

/** One of the delays the sources give for a task, with its source. */
export interface DueAlternative {
  rule: DueRule;
  source: RuleSource;
}

export interface TemplateTask {
  code: string;
  phase: PhaseCode;
  /** Position of the task within its phase, from 1. */
  order: number;
  label: string;
  /** Detailed points (▶ items of the guide), possibly empty. */
  items: string[];
  regulatory: boolean;
  advised: boolean;
  /** Task-specific rule; null means the phase's `defaultDue`. */
  due: DueRule | null;
  applicability: Applicability;
  /** Code of the grouping task this one belongs to (▶ sub-rows of the guide). */
  parentCode: string | null;
  /** Label cell of the guide row, as found in the source, trimmed. */
  sourceText: string;
  /** Codes of entries of the template's `references`. */
  references: string[];
  notes?: string;
  /**
   * Not flagged réglementaire by the guide (its flags stay as they are) but committed to by the
   * agrément: counted with the regulatory tasks and sent in the immediate e-mails.
   */
  obligation?: boolean;
  /** The delays of the different sources; `due` is the strictest (earliest) of them. */
  dueAlternatives?: DueAlternative[];
  interpretations?: TemplateInterpretation[];
}

/**
 * Settings of the certification rules kept with the guide's data, each with the text it rests
 * on (see `src/certification/certification-sources.ts`).
 */
export interface TemplateRules {
  /** Time to re-sit after a failure or a partial success, from the end of the session. */
  resitPeriod: YearsRule;
}

export interface ChecklistTemplate {
  version: number;
  title: string;
  source: string;
  /** 'YYYY-MM-DD' from which the template applies. */
  effectiveFrom: string;
  rules: TemplateRules;
  /** Readings of the guide as a whole (its layout, its vocabulary), with their sources. */
  interpretations?: TemplateInterpretation[];
  phases: TemplatePhase[];
  references: TemplateReference[];
  tasks: TemplateTask[];
}

export interface TemplateVersionFile {
  version: number;
  path: string;
}

export const TEMPLATE_DIR = path.join('templates', 'checklist');
export const TEMPLATE_FILE_PATTERN = /^guide-session\.v([1-9][0-9]*)\.json$/;

export function defaultTemplateDir(): string {
  return path.resolve(process.cwd(), TEMPLATE_DIR);
}

export function defaultTemplatePath(): string {
  return path.join(defaultTemplateDir(), 'guide-session.v1.json');
}

/** The rule that applies to a task: its own, or its phase's default (kind 'phase'). */
export function resolveTaskDue(template: ChecklistTemplate, task: TemplateTask): DueRule {
  if (task.due) return task.due;
  const phase = template.phases.find((p) => p.code === task.phase);
  if (!phase) {
    throw new Error(`Tâche « ${task.code} » : phase « ${task.phase} » absente du modèle.`);
  }
  return phase.defaultDue;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function show(value: unknown): string {
  if (value === undefined) return 'absent';
  if (typeof value === 'string') return `« ${value} »`;
  return JSON.stringify(value) ?? String(value);
}

const CODE_PATTERN = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const REFERENCE_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]*$/;

/** The longest re-sit period the template may set, in years. */
export const MAX_RESIT_PERIOD_YEARS = 5;

function validateRuleSource(
  source: unknown,
  where: string,
  referenceCodes: Set<string>,
  errors: string[],
): void {
  if (!isObject(source)) {
    errors.push(
      `Champ « ${where} » : un objet est attendu (code, text, article, date, url, summary, referenceCode).`,
    );
    return;
  }
  for (const field of ['code', 'text', 'article', 'summary'] as const) {
    if (!isNonEmptyString(source[field])) {
      errors.push(
        `Champ « ${where}.${field} » : un texte non vide est attendu (reçu ${show(source[field])}).`,
      );
    }
  }
  if (
    source.date !== null &&
    (typeof source.date !== 'string' || !isValidCalendarDate(source.date))
  ) {
    errors.push(
      `Champ « ${where}.date » : date du texte au format AAAA-MM-JJ ou null attendue (reçu ${show(source.date)}).`,
    );
  }
  if (
    source.url !== null &&
    (typeof source.url !== 'string' || !/^https?:\/\/\S+$/.test(source.url))
  ) {
    errors.push(
      `Champ « ${where}.url » : adresse http(s) ou null attendue (reçu ${show(source.url)}).`,
    );
  }
  const referenceCode = source.referenceCode;
  if (
    referenceCode !== null &&
    (typeof referenceCode !== 'string' || !referenceCodes.has(referenceCode))
  ) {
    errors.push(
      `Champ « ${where}.referenceCode » : code d'une des « references » du modèle ou null attendu (reçu ${show(referenceCode)}).`,
    );
  }
}

function validateInterpretations(
  value: unknown,
  where: string,
  referenceCodes: Set<string>,
  errors: string[],
): InterpretationTopic[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    errors.push(`${where} : le champ « interpretations » doit être une liste.`);
    return [];
  }
  const topics: InterpretationTopic[] = [];
  value.forEach((item: unknown, index) => {
    const at = `${where}, interprétation n° ${index + 1}`;
    if (!isObject(item)) {
      errors.push(`${at} : un objet { topic, text, source } est attendu.`);
      return;
    }
    if (
      typeof item.topic !== 'string' ||
      !(INTERPRETATION_TOPICS as readonly string[]).includes(item.topic)
    ) {
      errors.push(
        `${at} : sujet inconnu ${show(item.topic)} (valeurs admises : ${INTERPRETATION_TOPICS.join(', ')}).`,
      );
    } else {
      topics.push(item.topic as InterpretationTopic);
    }
    if (!isNonEmptyString(item.text)) errors.push(`${at} : texte vide.`);
    validateRuleSource(item.source, `${at}.source`, referenceCodes, errors);
  });
  return topics;
}

/** Dates far enough apart to compare two rules anchored on the session (a 3-day session). */
const PROBE_SESSION = { startDate: '2027-06-07', endDate: '2027-06-09' };

function validateDueAlternatives(
  task: JsonObject,
  name: string,
  referenceCodes: Set<string>,
  errors: string[],
): void {
  const value = task.dueAlternatives;
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length < 2) {
    errors.push(`${name} : le champ « dueAlternatives » doit lister au moins deux délais sourcés.`);
    return;
  }
  const dates: string[] = [];
  value.forEach((item: unknown, index) => {
    const at = `${name}, délai n° ${index + 1}`;
    if (!isObject(item)) {
      errors.push(`${at} : un objet { rule, source } est attendu.`);
      return;
    }
    const ruleErrors = validateDueRule(item.rule);
    for (const e of ruleErrors) errors.push(`${at} : ${e}`);
    if (ruleErrors.length === 0) {
      dates.push(computeDueDate(item.rule as DueRule, PROBE_SESSION).dueDate);
    }
    validateRuleSource(item.source, `${at}.source`, referenceCodes, errors);
  });
  if (dates.length !== value.length || !isObject(task.due)) return;
  if (validateDueRule(task.due).length > 0) return;
  const own = computeDueDate(task.due as unknown as DueRule, PROBE_SESSION).dueDate;
  const strictest = [...dates].sort(compareDates)[0];
  if (own !== strictest) {
    errors.push(
      `${name} : l'échéance « due » doit être le délai le plus exigeant (le plus tôt) de « dueAlternatives ».`,
    );
  }
}

function validateRules(rules: unknown, referenceCodes: Set<string>, errors: string[]): void {
  if (!isObject(rules)) {
    errors.push(
      `Champ « rules » : un objet est attendu, avec le délai de rattrapage « resitPeriod » (reçu ${show(rules)}).`,
    );
    return;
  }
  const period = rules.resitPeriod;
  if (!isObject(period)) {
    errors.push(
      `Champ « rules.resitPeriod » : le délai de rattrapage { years, source } est attendu (reçu ${show(period)}).`,
    );
    return;
  }
  const years = period.years;
  if (
    typeof years !== 'number' ||
    !Number.isInteger(years) ||
    years < 1 ||
    years > MAX_RESIT_PERIOD_YEARS
  ) {
    errors.push(
      `Champ « rules.resitPeriod.years » : un nombre entier d'années de 1 à ${MAX_RESIT_PERIOD_YEARS} est attendu (reçu ${show(years)}).`,
    );
  }
  validateRuleSource(period.source, 'rules.resitPeriod.source', referenceCodes, errors);
}

function validatePhases(phases: unknown, errors: string[]): Set<string> {
  const declared = new Set<string>();
  if (!Array.isArray(phases) || phases.length === 0) {
    errors.push('Champ « phases » : une liste non vide de phases est attendue.');
    return declared;
  }
  phases.forEach((phase: unknown, index) => {
    const where = `Phase n° ${index + 1}`;
    if (!isObject(phase)) {
      errors.push(`${where} : un objet est attendu.`);
      return;
    }
    const code = phase.code;
    if (typeof code !== 'string' || !(PHASE_CODES as readonly string[]).includes(code)) {
      errors.push(
        `${where} : code de phase inconnu ${show(code)} (valeurs admises : ${PHASE_CODES.join(', ')}).`,
      );
    } else if (declared.has(code)) {
      errors.push(`Code de phase en double : « ${code} ».`);
    } else {
      declared.add(code);
    }
    const name = typeof code === 'string' ? `Phase « ${code} »` : where;
    if (!isNonEmptyString(phase.label)) errors.push(`${name} : libellé vide.`);
    if (!isNonEmptyString(phase.dueNote)) {
      errors.push(`${name} : le champ « dueNote » doit expliquer l'échéance par défaut.`);
    }
    const ruleErrors = validateDueRule(phase.defaultDue);
    for (const e of ruleErrors) errors.push(`${name}, échéance par défaut : ${e}`);
    if (
      ruleErrors.length === 0 &&
      isObject(phase.defaultDue) &&
      phase.defaultDue.kind !== 'phase'
    ) {
      errors.push(`${name} : l'échéance par défaut doit être de type « phase ».`);
    }
  });
  return declared;
}

function validateReferences(references: unknown, errors: string[]): Set<string> {
  const codes = new Set<string>();
  if (!Array.isArray(references)) {
    errors.push('Champ « references » : une liste est attendue.');
    return codes;
  }
  references.forEach((reference: unknown, index) => {
    const where = `Référence n° ${index + 1}`;
    if (!isObject(reference)) {
      errors.push(`${where} : un objet est attendu.`);
      return;
    }
    const code = reference.code;
    if (typeof code !== 'string' || !REFERENCE_CODE_PATTERN.test(code)) {
      errors.push(`${where} : code invalide ${show(code)} (majuscules, chiffres et tirets).`);
    } else if (codes.has(code)) {
      errors.push(`Code de référence en double : « ${code} ».`);
    } else {
      codes.add(code);
    }
    if (!isNonEmptyString(reference.text)) errors.push(`${where} : texte vide.`);
  });
  return codes;
}

function validateTask(
  task: JsonObject,
  name: string,
  phases: Set<string>,
  referenceCodes: Set<string>,
  errors: string[],
): void {
  const phase = task.phase;
  if (typeof phase !== 'string' || !phases.has(phase)) {
    errors.push(
      `${name} : phase inconnue ${show(phase)} (phases du modèle : ${[...phases].join(', ')}).`,
    );
  } else if (typeof task.code === 'string' && !task.code.startsWith(`${phase}_`)) {
    errors.push(`${name} : le code doit commencer par « ${phase}_ », préfixe de sa phase.`);
  }
  if (typeof task.order !== 'number' || !Number.isInteger(task.order) || task.order < 1) {
    errors.push(
      `${name} : le champ « order » doit être un entier positif (reçu ${show(task.order)}).`,
    );
  }
  if (!isNonEmptyString(task.label)) errors.push(`${name} : libellé vide.`);
  if (!Array.isArray(task.items) || !task.items.every(isNonEmptyString)) {
    errors.push(`${name} : le champ « items » doit être une liste de textes non vides.`);
  }
  for (const flag of ['regulatory', 'advised'] as const) {
    if (typeof task[flag] !== 'boolean') {
      errors.push(`${name} : le champ « ${flag} » doit valoir true ou false.`);
    }
  }
  const topics = validateInterpretations(task.interpretations, name, referenceCodes, errors);
  if (task.due !== null) {
    const ruleErrors = validateDueRule(task.due);
    for (const e of ruleErrors) errors.push(`${name}, échéance : ${e}`);
    if (
      ruleErrors.length === 0 &&
      isObject(task.due) &&
      task.due.kind === 'phase' &&
      !topics.includes('due')
    ) {
      errors.push(
        `${name} : une échéance propre à la tâche doit être de type « regulatory » ou « advised » (null pour l'échéance de la phase), ou expliquée par une interprétation « due ».`,
      );
    }
  }
  validateDueAlternatives(task, name, referenceCodes, errors);
  if (task.obligation !== undefined) {
    if (typeof task.obligation !== 'boolean') {
      errors.push(`${name} : le champ « obligation » doit valoir true ou false.`);
    } else if (task.obligation && !topics.includes('flags')) {
      errors.push(
        `${name} : une obligation que le guide ne coche pas doit être expliquée par une interprétation « flags ».`,
      );
    }
  }
  const applicability = task.applicability;
  if (
    typeof applicability !== 'string' ||
    !(APPLICABILITIES as readonly string[]).includes(applicability)
  ) {
    errors.push(
      `${name} : condition d'application inconnue ${show(applicability)} (valeurs admises : ${APPLICABILITIES.join(', ')}).`,
    );
  }
  if (task.parentCode !== null && typeof task.parentCode !== 'string') {
    errors.push(`${name} : le champ « parentCode » doit être un code de tâche ou null.`);
  }
  if (!isNonEmptyString(task.sourceText)) errors.push(`${name} : texte source vide.`);
  if (!Array.isArray(task.references)) {
    errors.push(`${name} : le champ « references » doit être une liste de codes.`);
  } else {
    for (const ref of task.references) {
      if (typeof ref !== 'string' || !referenceCodes.has(ref)) {
        errors.push(`${name} : référence inconnue ${show(ref)}.`);
      }
    }
  }
  if (task.notes !== undefined && !isNonEmptyString(task.notes)) {
    errors.push(`${name} : le champ « notes », s'il est présent, doit être un texte non vide.`);
  }
}

/** French messages describing every problem of a template (empty when it is valid). */
export function validateChecklistTemplate(t: unknown): string[] {
  if (!isObject(t)) return ['Le modèle de liste de contrôle doit être un objet JSON.'];
  const errors: string[] = [];

  if (typeof t.version !== 'number' || !Number.isInteger(t.version) || t.version < 1) {
    errors.push(`Champ « version » : un entier positif est attendu (reçu ${show(t.version)}).`);
  }
  if (!isNonEmptyString(t.title)) errors.push('Champ « title » : titre vide.');
  if (!isNonEmptyString(t.source)) errors.push('Champ « source » : source vide.');
  if (typeof t.effectiveFrom !== 'string' || !isValidCalendarDate(t.effectiveFrom)) {
    errors.push(
      `Champ « effectiveFrom » : date au format AAAA-MM-JJ attendue (reçu ${show(t.effectiveFrom)}).`,
    );
  }

  const phases = validatePhases(t.phases, errors);
  const referenceCodes = validateReferences(t.references, errors);
  validateRules(t.rules, referenceCodes, errors);
  validateInterpretations(t.interpretations, 'Modèle', referenceCodes, errors);

  if (!Array.isArray(t.tasks) || t.tasks.length === 0) {
    errors.push('Champ « tasks » : une liste non vide de tâches est attendue.');
    return errors;
  }

  const tasksByCode = new Map<string, JsonObject>();
  const orders = new Map<string, string>();
  t.tasks.forEach((task: unknown, index) => {
    const where = `Tâche n° ${index + 1}`;
    if (!isObject(task)) {
      errors.push(`${where} : un objet est attendu.`);
      return;
    }
    const code = task.code;
    let name = where;
    if (typeof code !== 'string' || !CODE_PATTERN.test(code)) {
      errors.push(`${where} : code invalide ${show(code)} (format PHASE_LIBELLE en majuscules).`);
    } else {
      name = `Tâche « ${code} »`;
      if (tasksByCode.has(code)) errors.push(`Code de tâche en double : « ${code} ».`);
      else tasksByCode.set(code, task);
    }
    validateTask(task, name, phases, referenceCodes, errors);
    if (typeof task.phase === 'string' && typeof task.order === 'number') {
      const key = `${task.phase}#${task.order}`;
      const other = orders.get(key);
      if (other !== undefined) {
        errors.push(
          `${name} : rang ${task.order} déjà utilisé par ${other} dans la phase « ${task.phase} ».`,
        );
      } else {
        orders.set(key, name);
      }
    }
  });

  for (const [code, task] of tasksByCode) {
    const parentCode = task.parentCode;
    if (typeof parentCode !== 'string') continue;
    const parent = tasksByCode.get(parentCode);
    if (parentCode === code) {
      errors.push(`Tâche « ${code} » : une tâche ne peut pas être sa propre tâche parente.`);
    } else if (!parent) {
      errors.push(`Tâche « ${code} » : tâche parente « ${parentCode} » introuvable.`);
    } else if (parent.phase !== task.phase) {
      errors.push(
        `Tâche « ${code} » : la tâche parente « ${parentCode} » doit appartenir à la même phase.`,
      );
    } else if (parent.parentCode !== null) {
      errors.push(
        `Tâche « ${code} » : la tâche parente « ${parentCode} » est elle-même rattachée à une autre tâche (un seul niveau admis).`,
      );
    }
  }

  return errors;
}

/**
 * Reads and validates a template file (by default `templates/checklist/guide-session.v1.json`
 * under the current directory). Throws an Error listing every problem found.
 */
export function loadChecklistTemplate(filePath: string = defaultTemplatePath()): ChecklistTemplate {
  const resolved = path.resolve(filePath);
  let raw: string;
  try {
    raw = readFileSync(resolved, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Modèle de liste de contrôle illisible (${resolved}) : ${reason}`, {
      cause: error,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Modèle de liste de contrôle ${resolved} : JSON invalide (${reason}).`, {
      cause: error,
    });
  }
  const errors = validateChecklistTemplate(parsed);
  if (errors.length > 0) {
    throw new Error(
      `Modèle de liste de contrôle invalide (${resolved}), ${errors.length} problème(s) :\n- ${errors.join('\n- ')}`,
    );
  }
  return parsed as ChecklistTemplate;
}

/** The re-sit period a template sets, with its source (a validated template has one). */
export function templateResitPeriod(template: ChecklistTemplate): YearsRule {
  return template.rules.resitPeriod;
}

/** Every `guide-session.v<N>.json` file of the directory, by increasing version. */
export function listTemplateVersions(dir: string = defaultTemplateDir()): TemplateVersionFile[] {
  if (!existsSync(dir)) return [];
  const versions: TemplateVersionFile[] = [];
  for (const name of readdirSync(dir)) {
    const match = TEMPLATE_FILE_PATTERN.exec(name);
    if (match) versions.push({ version: Number(match[1]), path: path.join(dir, name) });
  }
  return versions.sort((a, b) => a.version - b.version);
}

/** Loads the template of the given version; its `version` field must match the file name. */
export function loadTemplateVersion(
  version: number,
  dir: string = defaultTemplateDir(),
): ChecklistTemplate {
  const file = listTemplateVersions(dir).find((v) => v.version === version);
  if (!file) {
    throw new Error(
      `Aucun modèle de liste de contrôle en version ${version} (fichier guide-session.v${version}.json attendu dans ${dir}).`,
    );
  }
  const template = loadChecklistTemplate(file.path);
  if (template.version !== version) {
    throw new Error(
      `Le fichier ${file.path} déclare la version ${template.version} au lieu de ${version}.`,
    );
  }
  return template;
}
