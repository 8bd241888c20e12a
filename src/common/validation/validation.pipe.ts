import { ValidationPipe } from '@nestjs/common';
import { FieldErrorsException } from './field-errors.js';
import { frenchFieldErrors } from './french-messages.js';

/** The global pipe: whitelist, unknown fields refused, French messages naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => new FieldErrorsException(frenchFieldErrors(errors)),
  });
}
