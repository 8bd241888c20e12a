import { BadRequestException, ConflictException } from '@nestjs/common';
import { FieldErrorsException, fieldError, fieldErrorsOf } from './field-errors.js';

describe('field errors as data', () => {
  it('answers the API shape with every field and a joined message', () => {
    const error = new FieldErrorsException([
      { field: 'lastName', message: 'Le champ « lastName » est obligatoire.' },
      {
        field: 'endDate',
        message: 'Le champ « endDate » ne doit pas être antérieur au champ « startDate ».',
      },
    ]);
    expect(error.getStatus()).toBe(400);
    expect(error.getResponse()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message:
        'Le champ « lastName » est obligatoire. Le champ « endDate » ne doit pas être antérieur au champ « startDate ».',
      fields: error.fields,
    });
  });

  it('keeps the status of a conflict', () => {
    const error = fieldError('email', 'Un compte existe déjà (champ « email »).', 409);
    expect(error.getStatus()).toBe(409);
    expect(fieldErrorsOf(error)).toEqual([
      { field: 'email', message: 'Un compte existe déjà (champ « email »).' },
    ]);
  });

  it('reads fields from any HTTP exception that carries them, and nothing from plain messages', () => {
    const carried = new BadRequestException({
      message: 'x',
      fields: [{ field: 'a', message: 'm' }, { field: 3 }],
    });
    expect(fieldErrorsOf(carried)).toEqual([{ field: 'a', message: 'm' }]);
    expect(fieldErrorsOf(new ConflictException('Le champ « code » existe déjà.'))).toBeNull();
  });
});
