import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsArray, IsEmail, IsIn, IsInt, Max, ValidateNested, validateSync } from 'class-validator';
import { IsCalendarDate, IsOnOrAfter, Text } from './decorators.js';
import { frenchFieldErrors } from './french-messages.js';

class Line {
  @Text(5) code!: string;
}

class Sample {
  @Text(10) name!: string;
  @IsEmail() email!: string;
  @IsIn(['A', 'B']) kind!: string;
  @IsInt() @Max(9) count!: number;
  @IsCalendarDate() start!: string;
  @IsCalendarDate() @IsOnOrAfter('start') end!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => Line) lines!: Line[];
}

function messages(input: object): string[] {
  const instance = plainToInstance(Sample, input);
  return frenchFieldErrors(
    validateSync(instance, { whitelist: true, forbidNonWhitelisted: true }),
  ).map((e) => e.message);
}

const valid = {
  name: ' Zoé ',
  email: 'z@x.fr',
  kind: 'A',
  count: 3,
  start: '2028-02-29',
  end: '2028-03-01',
  lines: [{ code: 'C1' }],
};

describe('French validation messages', () => {
  it('accepts a valid object and trims text', () => {
    expect(messages(valid)).toEqual([]);
    expect(plainToInstance(Sample, valid).name).toBe('Zoé');
  });

  it('names each field in French', () => {
    expect(
      messages({
        ...valid,
        name: 'x'.repeat(11),
        email: 'nope',
        kind: 'C',
        count: 12,
        start: '2027-02-29',
        end: '2028-02-28',
        lines: [{ code: 'TOOLONG' }],
        extra: 1,
      }),
    ).toEqual([
      "Le champ « extra » n'est pas autorisé.",
      'Le champ « name » ne doit pas dépasser 10 caractères.',
      'Le champ « email » doit être une adresse e-mail valide.',
      "Le champ « kind » doit valoir l'une des valeurs suivantes : A, B.",
      'Le champ « count » doit être inférieur ou égal à 9.',
      'Le champ « start » doit être une date existante au format AAAA-MM-JJ.',
      'Le champ « lines[0].code » ne doit pas dépasser 5 caractères.',
    ]);
  });

  it('reports a missing value once, as required', () => {
    expect(messages({ ...valid, name: '  ' })).toEqual(['Le champ « name » est obligatoire.']);
  });

  it('refuses an end before the start', () => {
    expect(messages({ ...valid, end: '2028-02-28' })).toEqual([
      'Le champ « end » ne doit pas être antérieur au champ « start ».',
    ]);
  });
});
