/** What every dashboard form does: read the typed values back, validate with the API's DTO, call the service. */
import { forbidden } from '../../common/errors.js';
import type { Caller } from '../../common/caller.js';
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

/** The values as the user typed them, to show the form again after an error. */
export function typedValues(
  specs: readonly FieldSpec[],
  body: FormBody,
): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const spec of specs) {
    if (spec.kind === 'checkbox') values[spec.name] = checked(body, spec.name);
    else if (spec.kind === 'checkboxes') values[spec.name] = texts(body, spec.name);
    else values[spec.name] = text(body, spec.name);
  }
  return values;
}

export type Submitted<R> =
  { ok: true; value: R } | { ok: false; errors: FieldErrors; status: number };

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
