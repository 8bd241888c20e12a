import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';
import { inputDateRangeLabel } from '../calendar-date.js';
import type { FieldError } from './field-errors.js';
import { findTextProblem, textProblemMessage } from './text-policy.js';

export type { FieldError } from './field-errors.js';

function constraintMeta(
  target: object | undefined,
  property: string,
  type: string,
): ValidationMetadata | undefined {
  if (!target) return undefined;
  const metas = getMetadataStorage().getTargetValidationMetadatas(
    target.constructor,
    '',
    true,
    false,
  );
  return metas.find(
    (m) =>
      m.propertyName === property &&
      (m.name === type || m.constraintCls?.name === type || m.type === type),
  );
}

function constraintArgs(target: object | undefined, property: string, type: string): unknown[] {
  return (constraintMeta(target, property, type)?.constraints as unknown[] | undefined) ?? [];
}

function enumValues(arg: unknown): string {
  if (Array.isArray(arg)) return arg.map(String).join(', ');
  if (arg && typeof arg === 'object') return Object.values(arg).map(String).join(', ');
  return '';
}

function describe(constraint: string, field: string, args: unknown[]): string {
  const f = `« ${field} »`;
  switch (constraint) {
    case 'whitelistValidation':
      return `Le champ ${f} n'est pas autorisé.`;
    case 'isDefined':
    case 'isNotEmpty':
      return `Le champ ${f} est obligatoire.`;
    case 'isString':
      return `Le champ ${f} doit être un texte.`;
    case 'maxLength':
      return `Le champ ${f} ne doit pas dépasser ${String(args[0])} caractères.`;
    case 'minLength':
      return Number(args[0]) <= 1
        ? `Le champ ${f} est obligatoire.`
        : `Le champ ${f} doit comporter au moins ${String(args[0])} caractères.`;
    case 'isEmail':
      return `Le champ ${f} doit être une adresse e-mail valide.`;
    case 'isEnum':
    case 'isIn':
      return `Le champ ${f} doit valoir l'une des valeurs suivantes : ${enumValues(args[0])}.`;
    case 'isInt':
      return `Le champ ${f} doit être un nombre entier.`;
    case 'min':
      return `Le champ ${f} doit être supérieur ou égal à ${String(args[0])}.`;
    case 'max':
      return `Le champ ${f} doit être inférieur ou égal à ${String(args[0])}.`;
    case 'isBoolean':
      return `Le champ ${f} doit valoir true ou false.`;
    case 'isArray':
      return `Le champ ${f} doit être une liste.`;
    case 'arrayMaxSize':
      return `Le champ ${f} ne doit pas contenir plus de ${String(args[0])} éléments.`;
    case 'arrayUnique':
      return `Le champ ${f} ne doit pas contenir de doublons.`;
    case 'isUuid':
    case 'isUUID':
      return `Le champ ${f} doit être un identifiant valide (UUID).`;
    case 'isCalendarDate':
      return `Le champ ${f} doit être une date existante au format AAAA-MM-JJ, ${inputDateRangeLabel()}.`;
    case 'isTimeOfDay':
      return `Le champ ${f} doit être une heure au format HH:MM (de 00:00 à 23:59).`;
    case 'isNotNull':
      return `Le champ ${f} ne peut pas être vide (null).`;
    case 'isOnOrAfter':
      return `Le champ ${f} ne doit pas être antérieur au champ « ${String(args[0])} ».`;
    case 'matches':
      return `Le champ ${f} n'a pas le format attendu.`;
    case 'nestedValidation':
    case 'isObject':
      return `Le champ ${f} doit être un objet.`;
    default:
      return `Le champ ${f} est invalide.`;
  }
}

/**
 * The order in which a field's failed checks are considered: only the first is reported. The
 * type comes first (a number where a text is expected is « doit être un texte », not also « trop
 * long »), then the characters of the text, then its format, then its length or bounds, then the
 * checks that compare it with other fields.
 */
const PRIORITY = [
  'whitelistValidation',
  'isNotNull',
  // A list's own type before the checks of its elements (`{ each: true }`).
  'isArray',
  'isString',
  'isInt',
  'isBoolean',
  'isObject',
  'nestedValidation',
  'isCleanText',
  'isUuid',
  'isUUID',
  'isCalendarDate',
  'isTimeOfDay',
  'isEmail',
  'isIn',
  'isEnum',
  'matches',
  'minLength',
  'maxLength',
  'min',
  'max',
  'arrayMinSize',
  'arrayMaxSize',
  'arrayUnique',
];

function rank(constraint: string): number {
  const index = PRIORITY.indexOf(constraint);
  return index === -1 ? PRIORITY.length : index;
}

/** Messages for a check applied to each element of a list (`{ each: true }`). */
const EACH: Record<string, (field: string, args: unknown[]) => string> = {
  isString: (field) => `Le champ « ${field} » doit être une liste de textes.`,
  maxLength: (field, args) =>
    `Chaque élément du champ « ${field} » ne doit pas dépasser ${String(args[0])} caractères.`,
  isInt: (field) => `Chaque élément du champ « ${field} » doit être un nombre entier.`,
  min: (field, args) =>
    `Chaque élément du champ « ${field} » doit être supérieur ou égal à ${String(args[0])}.`,
  max: (field, args) =>
    `Chaque élément du champ « ${field} » doit être inférieur ou égal à ${String(args[0])}.`,
  isUuid: (field) => `Le champ « ${field} » doit être une liste d’identifiants valides (UUID).`,
  isUUID: (field) => `Le champ « ${field} » doit être une liste d’identifiants valides (UUID).`,
};

/** The message of the text policy for the first refused string of `value` (a string or a list). */
function textMessage(field: string, value: unknown, multiline: boolean): string {
  const list: unknown[] = Array.isArray(value) ? value : [value];
  for (const [i, item] of list.entries()) {
    if (typeof item !== 'string') continue;
    const problem = findTextProblem(item, { multiline });
    if (!problem) continue;
    const message = textProblemMessage(field, problem);
    // In a list, the position is the element's: « … en position 3 de l’élément 2 : retirez-le. »
    return Array.isArray(value)
      ? message.replace(/ : retirez-le\.$/, ` de l’élément ${i + 1} : retirez-le.`)
      : message;
  }
  return `Le champ « ${field} » contient un caractère refusé : retirez-le.`;
}

/**
 * Turns class-validator errors into French messages naming each field (nested paths included):
 * exactly one message per field path, every field at once. A missing value (left out, null or
 * empty) is « obligatoire », unless the field may be left out but not set to null; a value that
 * is present gets the message of its most relevant failed check (see PRIORITY).
 */
export function frenchFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const field = parent
      ? isIndex
        ? `${parent}[${error.property}]`
        : `${parent}.${error.property}`
      : error.property;
    const keys = Object.keys(error.constraints ?? {});
    if (keys.length > 0) {
      const key = keys.reduce((best, k) => (rank(k) < rank(best) ? k : best));
      const missing =
        error.value === undefined ||
        error.value === null ||
        (error.value === '' && ['minLength', 'isNotEmpty', 'isDefined'].includes(key));
      let message: string;
      if (key === 'whitelistValidation' || key === 'isNotNull') {
        message = describe(key, field, []);
      } else if (missing) {
        message = `Le champ « ${field} » est obligatoire.`;
      } else if (key === 'isCleanText') {
        const [multiline] = constraintArgs(error.target, error.property, key);
        message = textMessage(field, error.value, multiline === true);
      } else if (
        Array.isArray(error.value) &&
        key in EACH &&
        constraintMeta(error.target, error.property, key)?.each === true
      ) {
        message = EACH[key](field, constraintArgs(error.target, error.property, key));
      } else {
        message = describe(key, field, constraintArgs(error.target, error.property, key));
      }
      out.push({ field, message });
    }
    if (error.children?.length) out.push(...frenchFieldErrors(error.children, field));
  }
  return out;
}
