/** What every dashboard form does: read the typed values back, validate with the API's DTO, call the service. */
import type { Response } from 'express';
import { forbidden } from '../../common/errors.js';
import type { Caller } from '../../common/caller.js';
import type { WebRequest } from '../web-pages.js';
import type { FieldSpec, FieldValue } from './form-fields.js';
import {
  attempt,
  checked,
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

/**
 * Validates a form's plain object with the API's DTO (same rules, French messages naming each
 * field by its label), then runs the service call; its 4xx refusals become form errors too.
 */
export async function submit<T extends object, R>(
  dtoClass: new () => T,
  plain: object,
  labelOf: LabelOf,
  work: (dto: T) => Promise<R>,
): Promise<Submitted<R>> {
  const validated = await validateForm(dtoClass, plain, labelOf);
  if (validated.errors !== null) return { ok: false, errors: validated.errors, status: 400 };
  const dto = validated.dto;
  return attempt(() => work(dto), labelOf);
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
