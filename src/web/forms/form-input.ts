/**
 * Turns an HTML form body (strings, repeated names as arrays) into the plain objects the API's
 * DTOs expect, and validates them with the same class-validator DTOs and French messages.
 */
import { HttpException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { isValidCalendarDate } from '../../common/calendar-date.js';
import { fieldErrorsOf, type FieldError } from '../../common/validation/field-errors.js';
import { frenchFieldErrors } from '../../common/validation/french-messages.js';

export type FormBody = Record<string, unknown>;

/** Field path → French message (several messages of a field are joined). `_form`: not a field. */
export type FieldErrors = Record<string, string>;

export const FORM_ERROR = '_form';

/**
 * The French label of a field path, or undefined to keep the path; `names` are the API field
 * names the form knows, replaced by their labels where a message quotes them (« startDate »).
 */
export interface LabelOf {
  (field: string): string | undefined;
  readonly names: readonly string[];
}

/** A label lookup knowing these field names. */
export function labelLookup(
  find: (field: string) => string | undefined,
  names: readonly string[],
): LabelOf {
  return Object.assign((field: string) => find(field), { names: [...names] });
}

export function labelsFrom(labels: Readonly<Record<string, string>>): LabelOf {
  return labelLookup((field) => labels[field], Object.keys(labels));
}

/** The message shown when an edit form comes back without the version it was read at. */
export const EXPIRED_FORM =
  'La page a expiré : rechargez-la puis recommencez (rien n’a été enregistré).';

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** The text of a field ('' when absent). */
export function text(body: FormBody, name: string): string {
  const value = first(body[name]);
  return typeof value === 'string' ? value : '';
}

/** The text, or undefined when empty (the DTO then applies its default). */
export function optionalText(body: FormBody, name: string): string | undefined {
  const value = text(body, name);
  return value.trim() === '' ? undefined : value;
}

/** The text, or null when empty (clears a nullable value). */
export function nullableText(body: FormBody, name: string): string | null {
  const value = text(body, name);
  return value.trim() === '' ? null : value;
}

/** A checkbox: checked when sent with any value other than '' or '0'. */
export function checked(body: FormBody, name: string): boolean {
  const value = text(body, name);
  return value !== '' && value !== '0' && value !== 'false';
}

/** Every non-empty value of a repeated field (checkbox groups, multiple selects). */
export function texts(body: FormBody, name: string): string[] {
  const value = body[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

/** The values of a repeated field, empty ones kept (to align rows of inputs). */
export function rows(body: FormBody, name: string): string[] {
  const value = body[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => (typeof v === 'string' ? v : ''));
}

/** A whole number when the text is one, else the text itself (for the validator to refuse). */
export function integer(body: FormBody, name: string): number | string | undefined {
  const value = text(body, name).trim();
  if (value === '') return undefined;
  return /^-?\d{1,9}$/.test(value) ? Number(value) : value;
}

/**
 * A value the DTO will accept as a calendar date, else undefined: the service's rules are run
 * with the DTO on well-formed values only, the DTO reporting the others.
 */
export function wellFormedDate(value: unknown): string | undefined {
  return typeof value === 'string' && isValidCalendarDate(value) ? value : undefined;
}

/** 'CCP1, CCP2 ;CCP3' → ['CCP1', 'CCP2', 'CCP3']. */
export function commaList(value: string): string[] {
  return value
    .split(/[,;\s]+/)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/**
 * Replaces the API's field names (« startDate ») with their French labels in a message: the
 * field the message is about and the form's known names, each by exact substitution.
 */
export function localizeMessage(message: string, labelOf: LabelOf, field?: string): string {
  const names = field === undefined ? labelOf.names : [field, ...labelOf.names];
  let localized = message;
  for (const name of names) {
    const label = labelOf(name);
    if (label === undefined || label === name) continue;
    localized = localized.split(`« ${name} »`).join(`« ${label} »`);
  }
  return localized;
}

function add(errors: FieldErrors, field: string, message: string): void {
  errors[field] = errors[field] ? `${errors[field]} ${message}` : message;
}

/**
 * Adds field errors (API names and messages) to a form's errors, localized; a field that already
 * has a message keeps it alone (one message per field).
 */
export function addFieldErrors(
  errors: FieldErrors,
  problems: readonly (FieldError | null)[],
  labelOf: LabelOf,
): FieldErrors {
  for (const problem of problems) {
    if (problem === null || errors[problem.field] !== undefined) continue;
    errors[problem.field] = localizeMessage(problem.message, labelOf, problem.field);
  }
  return errors;
}

export type Validated<T> = { dto: T; errors: null } | { dto: null; errors: FieldErrors };

/** Validates a plain object with an API DTO: the same rules and French messages as the API. */
export async function validateForm<T extends object>(
  dtoClass: new () => T,
  plain: object,
  labelOf: LabelOf,
): Promise<Validated<T>> {
  const dto = plainToInstance(dtoClass, plain);
  const problems = await validate(dto, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: true, value: true },
  });
  if (problems.length === 0) return { dto, errors: null };
  const errors: FieldErrors = {};
  for (const problem of frenchFieldErrors(problems)) {
    add(errors, problem.field, localizeMessage(problem.message, labelOf, problem.field));
  }
  return { dto: null, errors };
}

/** The message of an HTTP error thrown by a service. */
export function exceptionMessage(error: HttpException): string {
  const body = error.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join(' ');
  return typeof message === 'string' ? message : error.message;
}

/**
 * A service's refusal (400, 409…) as form errors: each field error it carries as data goes to its
 * field (the form shows the ones it has no control for at the top); a refusal naming no field
 * goes to the whole form.
 */
export function errorsFromException(error: HttpException, labelOf: LabelOf): FieldErrors {
  const fields = fieldErrorsOf(error);
  if (fields === null) return { [FORM_ERROR]: localizeMessage(exceptionMessage(error), labelOf) };
  const errors: FieldErrors = {};
  for (const { field, message } of fields) {
    add(errors, field, localizeMessage(message, labelOf, field));
  }
  return errors;
}

/** Runs a service call; a 4xx HttpException becomes form errors, anything else is rethrown. */
export async function attempt<T>(
  work: () => Promise<T>,
  labelOf: LabelOf,
): Promise<{ ok: true; value: T } | { ok: false; errors: FieldErrors; status: number }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof HttpException && error.getStatus() < 500 && error.getStatus() !== 401) {
      return { ok: false, errors: errorsFromException(error, labelOf), status: error.getStatus() };
    }
    throw error;
  }
}
