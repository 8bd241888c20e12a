/** Rules of an agrément's recorded data (arrêté du 21 juillet 2016 relatif à l'agrément). */
import type { FieldError } from '../common/validation/field-errors.js';

/** The validity dates follow each other: the agrément starts on or before its end. */
export function agrementDateErrors(values: {
  validFrom: string | null;
  validUntil: string;
}): FieldError[] {
  return values.validFrom !== null && values.validFrom > values.validUntil
    ? [
        {
          field: 'validFrom',
          message:
            'Le champ « validFrom » (début de validité) ne peut pas être postérieur à « validUntil » (fin de validité).',
        },
      ]
    : [];
}
