/** What every dashboard form does: read the typed values back, validate with the API's DTO, call the service. */
import type { Response } from 'express';
import { forbidden } from '../../common/errors.js';
import type { Caller } from '../../common/caller.js';
import type { WebRequest } from '../web-pages.js';
import type { FieldSpec, FieldValue } from './form-fields.js';
import type { FieldError } from '../../common/validation/field-errors.js';
import {
  addFieldErrors,
  attempt,
  checked,
  EXPIRED_FORM,
  FORM_ERROR,
  text,
  texts,
  validateForm,
  type FieldErrors,
  type FormBody,
  type LabelOf,
} from './form-input.js';

/** The request a page answers, and where the page (or the redirect) goes. */
export interface PageContext {
  req: WebRequest;
  res: Response;
}

/** The same, with who asks (the pages scoped to the caller's centres). */
export interface FormContext extends PageContext {
  caller: Caller;
}

export type FormValues = Record<string, FieldValue>;

/** Why a form was refused: the messages by field, and the HTTP status of the page shown again. */
export interface Refusal {
  errors: FieldErrors;
  status: number;
}

/** What a form page shows: the values (stored, default or typed), its errors and the status. */
export interface FormState {
  values: FormValues;
  errors: FieldErrors | null;
  status: number;
}

/** A form shown for the first time (200, no error). */
export function freshForm(values: FormValues = {}): FormState {
  return { values, errors: null, status: 200 };
}

/**
 * The values as the user typed them, to show the form again after an error; `hidden` names
 * fields sent back as they are (the `version` of optimistic concurrency).
 */
export function typedValues(
  specs: readonly FieldSpec[],
  body: FormBody,
  hidden: readonly string[] = [],
): FormValues {
  const values: FormValues = {};
  for (const spec of specs) {
    if (spec.kind === 'checkbox') values[spec.name] = checked(body, spec.name);
    else if (spec.kind === 'checkboxes') values[spec.name] = texts(body, spec.name);
    else values[spec.name] = text(body, spec.name);
  }
  for (const name of hidden) values[name] = text(body, name);
  return values;
}

/** The version the form carries: the one it sent back, else the stored one. */
export function formVersion(values: FormValues, stored: { version: number }): string {
  return typeof values.version === 'string' ? values.version : String(stored.version);
}

export type Submitted<R> = { ok: true; value: R } | ({ ok: false } & Refusal);

/** What a form checks before calling its service: every problem is reported in one answer. */
export interface FormChecks {
  /** The form's own checks (already in French, by field). */
  checks?: FieldErrors;
  /**
   * Fields the form requires though its DTO lets them be absent (an update DTO, where absent
   * means unchanged): each one absent from the plain object is refused as obligatoire.
   */
  required?: readonly string[];
  /** The service's rules that need no database, checked with the DTO (API names and messages). */
  rules?: readonly (FieldError | null)[];
  /** An edit form carrying the hidden `version` it was read at: without it, nothing is saved. */
  versioned?: boolean;
}

/**
 * Validates a form's plain object with the API's DTO (same rules, French messages naming each
 * field by its label) together with the form's checks and the service's rules, so that every
 * message comes in one answer; then runs the service call, whose 4xx refusals become form errors.
 */
export async function submit<T extends object, R>(
  dtoClass: new () => T,
  plain: object,
  labelOf: LabelOf,
  work: (dto: T) => Promise<R>,
  checks: FormChecks = {},
): Promise<Submitted<R>> {
  const validated = await validateForm(dtoClass, plain, labelOf);
  const errors: FieldErrors = {
    ...missingFields(plain, checks.required ?? [], labelOf),
    ...(checks.checks ?? {}),
  };
  for (const [field, message] of Object.entries(validated.errors ?? {})) {
    errors[field] ??= message;
  }
  addFieldErrors(errors, checks.rules ?? [], labelOf);
  if (checks.versioned) {
    const version = (plain as { version?: unknown }).version;
    if (errors.version !== undefined || version === undefined || version === null) {
      delete errors.version;
      errors[FORM_ERROR] = EXPIRED_FORM;
    }
  }
  if (Object.keys(errors).length > 0 || validated.dto === null) {
    return { ok: false, errors, status: 400 };
  }
  const dto = validated.dto;
  return attempt(() => work(dto), labelOf);
}

/** « Le champ « … » est obligatoire. » for each of these fields absent from the plain object. */
function missingFields(plain: object, names: readonly string[], labelOf: LabelOf): FieldErrors {
  const errors: FieldErrors = {};
  for (const name of names) {
    if ((plain as Record<string, unknown>)[name] === undefined) {
      errors[name] = `Le champ « ${labelOf(name) ?? name} » est obligatoire.`;
    }
  }
  return errors;
}

/** Read-only accounts get a 403 page on the forms' pages (their writes are refused by the guard). */
export function requireWriter(caller: Caller): void {
  if (caller.role === 'viewer') {
    throw forbidden('Votre compte est en lecture seule : ce formulaire ne vous est pas ouvert.');
  }
}

/** The version a form sent back (optimistic concurrency), or undefined. */
export function sentVersion(body: FormBody): number | undefined {
  const value = text(body, 'version');
  return /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}
