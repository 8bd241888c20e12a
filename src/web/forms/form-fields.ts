/** View models of form fields for the `field` partial: every key always present (strict mode). */
import { FORM_ERROR, type FieldErrors } from './form-input.js';

export type FieldKind =
  | 'text'
  | 'email'
  | 'date'
  | 'time'
  | 'number'
  | 'password'
  | 'tel'
  | 'file'
  | 'select'
  | 'textarea'
  | 'checkbox'
  | 'checkboxes';

export interface Option {
  value: string;
  label: string;
}

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  hint?: string;
  options?: readonly Option[];
  autocomplete?: string;
  min?: string;
  max?: string;
  /** Takes the whole width of the form grid. */
  wide?: boolean;
}

export type FieldValue = string | readonly string[] | boolean | number | null | undefined;

export interface OptionView extends Option {
  id: string;
  selected: boolean;
}

export interface FieldView {
  id: string;
  name: string;
  label: string;
  kind: FieldKind;
  inputType: string;
  value: string;
  checked: boolean;
  required: boolean;
  hint: string | null;
  error: string | null;
  describedBy: string | null;
  options: OptionView[];
  autocomplete: string | null;
  min: string | null;
  max: string | null;
  wide: boolean;
}

const INPUT_KINDS = new Set(['text', 'email', 'date', 'time', 'number', 'password', 'tel', 'file']);

function asText(value: FieldValue): string {
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return value.join(', ');
}

function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]/g, '-');
}

export function fieldView(
  spec: FieldSpec,
  value: FieldValue,
  error: string | null,
  idPrefix = 'f',
): FieldView {
  const id = `${idPrefix}-${slug(spec.name)}`;
  const selectedValues = Array.isArray(value)
    ? new Set(value as readonly string[])
    : new Set([asText(value)]);
  const describedBy = [spec.hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter((v) => v !== null)
    .join(' ');
  return {
    id,
    name: spec.name,
    label: spec.label,
    kind: spec.kind,
    inputType: INPUT_KINDS.has(spec.kind) ? spec.kind : 'text',
    value: spec.kind === 'password' || spec.kind === 'file' ? '' : asText(value),
    checked: value === true,
    required: spec.required ?? false,
    hint: spec.hint ?? null,
    error,
    describedBy: describedBy === '' ? null : describedBy,
    options: (spec.options ?? []).map((option, index) => ({
      ...option,
      id: `${id}-${index}`,
      selected: selectedValues.has(option.value),
    })),
    autocomplete: spec.autocomplete ?? null,
    min: spec.min ?? null,
    max: spec.max ?? null,
    wide: spec.wide ?? spec.kind === 'textarea',
  };
}

export interface FormView {
  fields: Record<string, FieldView>;
  /** Messages not attached to a shown field, for the summary at the top of the form. */
  errors: string[];
  /** The fields' messages, each linking to its control from the summary. */
  fieldErrors: { id: string; message: string }[];
  hasErrors: boolean;
}

/** The fields of a form with their values and errors; errors of unknown fields go to the top. */
export function formView(
  specs: readonly FieldSpec[],
  values: Record<string, FieldValue>,
  errors: FieldErrors | null,
  idPrefix = 'f',
): FormView {
  const fields: Record<string, FieldView> = {};
  const known = new Set(specs.map((s) => s.name));
  for (const spec of specs) {
    fields[spec.name] = fieldView(spec, values[spec.name], errors?.[spec.name] ?? null, idPrefix);
  }
  const general = Object.entries(errors ?? {})
    .filter(([field]) => field === FORM_ERROR || !known.has(field))
    .map(([, message]) => message);
  const fieldErrors = Object.values(fields)
    .filter((f) => f.error !== null)
    .map((f) => ({
      id: f.options.length > 0 && f.kind === 'checkboxes' ? f.options[0].id : f.id,
      message: f.error ?? '',
    }));
  return { fields, errors: general, fieldErrors, hasErrors: Object.keys(errors ?? {}).length > 0 };
}

/** Options with a leading empty choice. */
export function withEmpty(options: readonly Option[], label = '—'): Option[] {
  return [{ value: '', label }, ...options];
}
