import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Max,
  ValidateNested,
  validateSync,
} from 'class-validator';
import {
  EmailAddress,
  IsCalendarDate,
  IsCleanText,
  IsOnOrAfter,
  IsTimeOfDay,
  NotNull,
  PatchText,
  Password,
  Text,
  Trim,
  Uuid,
} from './decorators.js';
import { frenchFieldErrors } from './french-messages.js';

class Line {
  @Text(5) code!: string;
}

class Sample {
  @Text(10) name!: string;
  @EmailAddress() email!: string;
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
      'Le champ « start » doit être une date existante au format AAAA-MM-JJ, comprise entre le 01/01/1900 et le 31/12/2100.',
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

  it('gives one message per field, the type first, never « obligatoire » for a present value', () => {
    const fields = (input: object) =>
      frenchFieldErrors(
        validateSync(plainToInstance(Sample, { ...valid, ...input }), {
          whitelist: true,
          forbidNonWhitelisted: true,
        }),
      );
    expect(fields({ name: 12, email: 3, count: 'x', start: 20280229, lines: 'x' })).toEqual([
      { field: 'name', message: 'Le champ « name » doit être un texte.' },
      { field: 'email', message: 'Le champ « email » doit être un texte.' },
      { field: 'count', message: 'Le champ « count » doit être un nombre entier.' },
      {
        field: 'start',
        message:
          'Le champ « start » doit être une date existante au format AAAA-MM-JJ, comprise entre le 01/01/1900 et le 31/12/2100.',
      },
      { field: 'lines', message: 'Le champ « lines » doit être une liste.' },
    ]);
    expect(fields({ name: 'x'.repeat(11) + '\u0000' })).toEqual([
      {
        field: 'name',
        message:
          'Le champ « name » contient un caractère de contrôle (U+0000) en position 12 : retirez-le.',
      },
    ]);
    expect(fields({ name: null, email: '' })).toEqual([
      { field: 'name', message: 'Le champ « name » est obligatoire.' },
      { field: 'email', message: 'Le champ « email » doit être une adresse e-mail valide.' },
    ]);
  });

  it('refuses far dates with the range', () => {
    for (const start of ['0001-01-01', '9994-12-31', '1899-12-31', '2101-01-01']) {
      expect(messages({ ...valid, start, end: start })).toEqual([
        'Le champ « start » doit être une date existante au format AAAA-MM-JJ, comprise entre le 01/01/1900 et le 31/12/2100.',
        'Le champ « end » doit être une date existante au format AAAA-MM-JJ, comprise entre le 01/01/1900 et le 31/12/2100.',
      ]);
    }
    expect(messages({ ...valid, start: '1900-01-01', end: '2100-12-31' })).toEqual([]);
  });
});

class Policy {
  @Text(50) oneLine!: string;
  @Text(500, { multiline: true, optional: true }) notes?: string;
  @PatchText(50) patched?: string;
  @NotNull() @Uuid() siteId?: string;
  @IsArray() @Trim() @IsCleanText() codes!: string[];
  @EmailAddress() email!: string;
  @Password() password!: string;
  @Uuid({ each: true }) @IsArray() ids!: string[];
  @IsOptional() @IsTimeOfDay() startTime?: string;
  @IsOptional() @IsArray() @IsInt({ each: true }) offsets?: number[];
}

const policyInput = {
  oneLine: 'Dupont',
  codes: ['CCP1'],
  email: 'a@b.fr',
  password: 'secret',
  ids: [],
};

function policy(input: object): { dto: Policy; errors: Record<string, string> } {
  const dto = plainToInstance(Policy, { ...policyInput, ...input });
  const errors = Object.fromEntries(
    frenchFieldErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true })).map(
      (e) => [e.field, e.message],
    ),
  );
  return { dto, errors };
}

describe('the text policy in DTOs', () => {
  it('normalises every text to NFC, trimmed, but not passwords', () => {
    const { dto, errors } = policy({
      oneLine: ' Ame\u0301lie ',
      notes: 'Zoe\u0308\n',
      email: ' zoe\u0308@exemple.fr',
      password: ' Ame\u0301lie ',
      codes: [' CCP\u0031 '],
    });
    expect(errors).toEqual({});
    expect(dto.oneLine).toBe('Amélie');
    expect(dto.notes).toBe('Zoë');
    expect(dto.email).toBe('zoë@exemple.fr');
    expect(dto.password).toBe('Ame\u0301lie');
    expect(dto.codes).toEqual(['CCP1']);
  });

  it('refuses control, NUL, lone surrogate, bidi and zero-width characters, naming the field', () => {
    const { errors } = policy({
      oneLine: 'Du\u200bpont',
      notes: 'a\u0000',
      email: 'a\ud800@b.fr',
      password: 'pass\u202eword',
      codes: ['CCP1', 'CC\u0007P2'],
    });
    expect(errors).toEqual({
      oneLine:
        'Le champ « oneLine » contient un caractère invisible (sans chasse) (U+200B) en position 3 : retirez-le.',
      notes:
        'Le champ « notes » contient un caractère de contrôle (U+0000) en position 2 : retirez-le.',
      email:
        'Le champ « email » contient un caractère Unicode incomplet (U+D800) en position 2 : retirez-le.',
      password:
        'Le champ « password » contient un caractère invisible qui inverse le sens d’écriture (U+202E) en position 5 : retirez-le.',
      codes:
        'Le champ « codes » contient un caractère de contrôle (U+0007) en position 3 de l’élément 2 : retirez-le.',
    });
  });

  it('allows line breaks in multi-line fields only', () => {
    expect(policy({ notes: '1 rue X\r\n75001 Paris' }).errors).toEqual({});
    expect(policy({ oneLine: '1 rue X\r\n75001 Paris' }).errors.oneLine).toMatch(
      /^Le champ « oneLine » contient un saut de ligne ou une tabulation \(ce champ tient sur une ligne\)/,
    );
  });

  it('refuses null where a value may only be left out, and says so', () => {
    expect(policy({ patched: null, siteId: null }).errors).toEqual({
      patched: 'Le champ « patched » ne peut pas être vide (null).',
      siteId: 'Le champ « siteId » ne peut pas être vide (null).',
    });
    expect(policy({}).errors).toEqual({});
  });

  it('names the expected time format', () => {
    for (const startTime of ['24:00', '8:30', 830, '08:30\u0000']) {
      expect(policy({ startTime }).errors).toEqual({
        startTime: 'Le champ « startTime » doit être une heure au format HH:MM (de 00:00 à 23:59).',
      });
    }
    expect(policy({ startTime: '08:30' }).errors).toEqual({});
  });

  it('lower-cases UUIDs', () => {
    const upper = '3F2B8C1E-9A4D-4E6F-8B7A-1C2D3E4F5A6B';
    const { dto, errors } = policy({ siteId: upper, ids: [upper] });
    expect(errors).toEqual({});
    expect(dto.siteId).toBe(upper.toLowerCase());
    expect(dto.ids).toEqual([upper.toLowerCase()]);
    expect(policy({ ids: 'x' }).errors).toEqual({ ids: 'Le champ « ids » doit être une liste.' });
    expect(policy({ offsets: 'J-7' }).errors).toEqual({
      offsets: 'Le champ « offsets » doit être une liste.',
    });
    expect(policy({ offsets: [1, 'x'] }).errors).toEqual({
      offsets: 'Chaque élément du champ « offsets » doit être un nombre entier.',
    });
    expect(policy({ ids: ['x'] }).errors).toEqual({
      ids: 'Le champ « ids » doit être une liste d’identifiants valides (UUID).',
    });
  });
});
