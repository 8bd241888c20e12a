import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { FieldErrorsException, type FieldError } from './field-errors.js';
import { frenchFieldErrors } from './french-messages.js';
import { findTextProblem, textProblemMessage } from './text-policy.js';

/**
 * The text policy for route parameters and query strings (`?centre=…`, `/calendar/feed/:file`):
 * the first refused character of each parameter, named by its path (`status`, `filter[site]`).
 */
export function parameterTextErrors(value: unknown, name: string): FieldError[] {
  if (typeof value === 'string') {
    const problem = findTextProblem(value);
    return problem
      ? [{ field: name, message: textProblemMessage(name, problem, 'paramètre') }]
      : [];
  }
  if (Array.isArray(value)) {
    const first = value.flatMap((item: unknown) => parameterTextErrors(item, name))[0];
    return first ? [first] : [];
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) =>
      parameterTextErrors(item, name === '' ? key : `${name}[${key}]`),
    );
  }
  return [];
}

/**
 * The global pipe: whitelist, unknown fields refused, French messages naming each field (one
 * per field, all at once). Route parameters and query strings go through the text policy first,
 * whether or not a DTO describes them.
 */
export class JalonValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'query' || metadata.type === 'param') {
      const errors = parameterTextErrors(value, metadata.data ?? '');
      if (errors.length > 0) throw new FieldErrorsException(errors);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

export function createValidationPipe(): ValidationPipe {
  return new JalonValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => new FieldErrorsException(frenchFieldErrors(errors)),
  });
}
