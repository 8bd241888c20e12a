import { HttpException } from '@nestjs/common';

/** One refused field: its path in the request (`lastName`, `ccps[0].code`) and a French message. */
export interface FieldError {
  field: string;
  message: string;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
};

/**
 * A refusal that names its fields as data: the API answers
 * `{statusCode, error, message, fields: [{field, message}]}` and the dashboard's forms put each
 * message beside its field, without reading the French text back. `message` joins the messages.
 */
export class FieldErrorsException extends HttpException {
  constructor(
    readonly fields: readonly FieldError[],
    status = 400,
  ) {
    super(
      {
        statusCode: status,
        error: STATUS_TEXT[status] ?? 'Error',
        message: fields.map((f) => f.message).join(' '),
        fields,
      },
      status,
    );
  }
}

/** One field refused by a service (400 by default; 409 for a duplicate, for instance). */
export function fieldError(field: string, message: string, status = 400): FieldErrorsException {
  return new FieldErrorsException([{ field, message }], status);
}

/** The field errors an HTTP exception carries as data, or null when it names no field. */
export function fieldErrorsOf(error: HttpException): FieldError[] | null {
  if (error instanceof FieldErrorsException) return [...error.fields];
  const body = error.getResponse();
  if (typeof body !== 'object' || body === null) return null;
  const fields = (body as { fields?: unknown }).fields;
  if (!Array.isArray(fields)) return null;
  const valid = fields.filter(
    (f): f is FieldError =>
      typeof f === 'object' &&
      f !== null &&
      typeof (f as FieldError).field === 'string' &&
      typeof (f as FieldError).message === 'string',
  );
  return valid.length > 0 ? valid : null;
}

/** Throws the field errors a rule found (nulls ignored); returns when there is none. */
export function refuseFieldErrors(
  errors: readonly (FieldError | null | undefined)[],
  status = 400,
): void {
  const found = errors.filter((e): e is FieldError => e !== null && e !== undefined);
  if (found.length > 0) throw new FieldErrorsException(found, status);
}
