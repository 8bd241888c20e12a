import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { frenchFieldErrors } from './french-messages.js';

export class FieldValidationException extends BadRequestException {}

/** The global pipe: whitelist, unknown fields refused, French messages naming each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => {
      const fieldErrors = frenchFieldErrors(errors);
      return new FieldValidationException({
        statusCode: 400,
        error: 'Bad Request',
        message: fieldErrors.map((e) => e.message).join(' '),
        fields: fieldErrors,
      });
    },
  });
}
