import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { FieldError } from './field-errors.js';

export type { FieldError } from './field-errors.js';

function constraintArgs(target: object | undefined, property: string, type: string): unknown[] {
  if (!target) return [];
  const metas = getMetadataStorage().getTargetValidationMetadatas(
    target.constructor,
    '',
    true,
    false,
  );
  const meta = metas.find(
    (m) =>
      m.propertyName === property &&
      (m.name === type || m.constraintCls?.name === type || m.type === type),
  );
  return meta?.constraints ?? [];
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
      return `Le champ ${f} doit être une date existante au format AAAA-MM-JJ.`;
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

/** Turns class-validator errors into French messages naming each field (nested paths included). */
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
    // Report "required" alone when the value is missing, rather than every failed check.
    const missing = error.value === undefined || error.value === null || error.value === '';
    const chosen =
      missing && keys.some((k) => k !== 'whitelistValidation') ? [keys[keys.length - 1]] : keys;
    for (const key of chosen) {
      const message =
        missing && key !== 'whitelistValidation'
          ? `Le champ « ${field} » est obligatoire.`
          : describe(key, field, constraintArgs(error.target, error.property, key));
      out.push({ field, message });
    }
    if (error.children?.length) out.push(...frenchFieldErrors(error.children, field));
  }
  return out;
}
