import { BadRequestException, ConflictException } from '@nestjs/common';
import { fieldError, FieldErrorsException } from '../../common/validation/field-errors.js';
import { labelOf } from './field-labels.js';
import { errorsFromException, FORM_ERROR, localizeMessage } from './form-input.js';

const LABELS = labelOf({ location: 'Lieu des épreuves' });

describe('form errors from a service refusal', () => {
  it('puts each field error beside its field, with the labels of the form', () => {
    const error = new FieldErrorsException([
      {
        field: 'endDate',
        message: 'Le champ « endDate » ne doit pas être antérieur au champ « startDate ».',
      },
      { field: 'location', message: 'Le champ « location » est obligatoire.' },
    ]);
    expect(errorsFromException(error, LABELS)).toEqual({
      endDate: 'Le champ « Date de fin » ne doit pas être antérieur au champ « Date de début ».',
      location: 'Le champ « Lieu des épreuves » est obligatoire.',
    });
  });

  it('keeps the field as data even when the message names another one', () => {
    expect(
      errorsFromException(
        fieldError('email', 'Un compte existe déjà (champ « email »).', 409),
        LABELS,
      ),
    ).toEqual({ email: 'Un compte existe déjà (champ « Adresse e-mail »).' });
  });

  it('sends a refusal naming no field to the whole form, without reading its text', () => {
    expect(
      errorsFromException(new BadRequestException('Le champ « endDate » est faux.'), LABELS),
    ).toEqual({ [FORM_ERROR]: 'Le champ « Date de fin » est faux.' });
    expect(errorsFromException(new ConflictException('Modifiée entre-temps.'), LABELS)).toEqual({
      [FORM_ERROR]: 'Modifiée entre-temps.',
    });
  });

  it('replaces only the exact field names the form knows', () => {
    expect(localizeMessage('« startDate », « inconnu », «startDate»', LABELS)).toBe(
      '« Date de début », « inconnu », «startDate»',
    );
    expect(localizeMessage('« ccps[1].code »', labelOf({ ccps: 'CCP' }), 'ccps[1].code')).toBe(
      '« Code (CCP n°\u00a02) »',
    );
  });
});
