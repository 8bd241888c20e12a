import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  isEmail,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { compareDates, isInputCalendarDate, isValidCalendarDate } from '../calendar-date.js';
import { findTextProblem, normalizeText, type TextPolicyOptions } from './text-policy.js';

function mapStrings(value: unknown, change: (text: string) => string): unknown {
  if (typeof value === 'string') return change(value);
  if (Array.isArray(value))
    return value.map((v: unknown) => (typeof v === 'string' ? change(v) : v));
  return value;
}

/**
 * Trims strings (each string of a list too) and puts them in Unicode normal form C; other values
 * are left alone, for the type check to refuse them.
 */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    mapStrings(value, (text) => normalizeText(text.trim())),
  );
}

/** Trims strings without normalising them (passwords: see `Password`). */
function TrimOnly(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => mapStrings(value, (text) => text.trim()));
}

/** Lower-cases strings (UUIDs are compared in one canonical form, whatever the database). */
function LowerCase(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    mapStrings(value, (text) => text.toLowerCase()),
  );
}

/**
 * The text policy (text-policy.ts): no control, NUL, lone surrogate, bidi or zero-width
 * character; line breaks and tabs only when `multiline`. Applies to a string or to each string of
 * a list; other values pass (the type check refuses them). The French message, naming the
 * character and its position, is written by frenchFieldErrors.
 */
export function IsCleanText(
  policy: TextPolicyOptions = {},
  options?: ValidationOptions,
): PropertyDecorator {
  const multiline = policy.multiline ?? false;
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCleanText',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [multiline],
      options,
      validator: {
        validate: (value: unknown) => {
          const list: unknown[] = Array.isArray(value) ? value : [value];
          return list.every(
            (v) => typeof v !== 'string' || findTextProblem(v, { multiline }) === null,
          );
        },
      },
    });
  };
}

/** A calendar date 'YYYY-MM-DD' that exists, within 1900-01-01…2100-12-31. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: { validate: (value: unknown) => isInputCalendarDate(value) },
    });
  };
}

/** This date is on or after the date in `otherField` (when both are valid). */
export function IsOnOrAfter(otherField: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isOnOrAfter',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [otherField],
      options,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const other = (args.object as Record<string, unknown>)[otherField];
          if (typeof value !== 'string' || typeof other !== 'string') return true;
          if (!isValidCalendarDate(value) || !isValidCalendarDate(other)) return true;
          return compareDates(value, other) >= 0;
        },
      },
    });
  };
}

export interface TextOptions {
  /** May be left out (and set to null, for nullable columns). */
  optional?: boolean;
  /** Minimum length once trimmed (1 when required, 0 when optional). */
  min?: number;
  /** Line breaks and tabs are allowed (addresses, notes: the textareas of the dashboard). */
  multiline?: boolean;
}

function textChecks(max: number, min: number, multiline: boolean): PropertyDecorator[] {
  const decorators: PropertyDecorator[] = [
    Trim(),
    IsString(),
    IsCleanText({ multiline }),
    MaxLength(max),
  ];
  if (min > 0) decorators.push(MinLength(min));
  return decorators;
}

/** A trimmed, NFC-normalised, length-bounded text that follows the text policy. */
export function Text(max: number, options: TextOptions = {}): PropertyDecorator {
  const optional = options.optional ?? false;
  const min = options.min ?? (optional ? 0 : 1);
  const decorators = textChecks(max, min, options.multiline ?? false);
  if (optional) decorators.unshift(IsOptional());
  return applyDecorators(...decorators);
}

/** A time of day 'HH:MM' (00:00 to 23:59). */
export function IsTimeOfDay(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isTimeOfDay',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value),
      },
    });
  };
}

/**
 * May be left out, but not set to null (for columns that cannot be empty): null answers
 * « Le champ « x » ne peut pas être vide (null). ».
 */
export function NotNull(): PropertyDecorator {
  const notNull: PropertyDecorator = (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isNotNull',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: { validate: (value: unknown) => value !== null },
    });
  };
  return applyDecorators(
    ValidateIf((_object, value) => value !== undefined),
    notNull,
  );
}

/** An optional text that cannot be null: left out keeps the stored value. */
export function PatchText(
  max: number,
  options: { min?: number; multiline?: boolean } = {},
): PropertyDecorator {
  return applyDecorators(
    NotNull(),
    ...textChecks(max, options.min ?? 0, options.multiline ?? false),
  );
}

/**
 * An e-mail address (validator's isEmail), checked only once the text policy holds: isEmail
 * throws (URIError) on a lone surrogate, which used to answer 500.
 */
function IsEmailAddress(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isEmail',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && findTextProblem(value) === null && isEmail(value),
      },
    });
  };
}

/** An e-mail address: trimmed, NFC, text policy (no lone surrogate…), at most 254 characters. */
export function EmailAddress(): PropertyDecorator {
  return applyDecorators(Trim(), IsString(), IsCleanText(), IsEmailAddress(), MaxLength(254));
}

/**
 * A password: trimmed like every text (as it always was, at creation and login alike) but NOT
 * normalised, so that a password keeps the exact characters its hash was made from; the text
 * policy applies (control, NUL, line break, lone surrogate, bidi and zero-width characters are
 * refused: a lone surrogate cannot even be encoded in UTF-8, two such passwords would collide).
 */
export function Password(max = 200): PropertyDecorator {
  return applyDecorators(TrimOnly(), IsString(), IsCleanText(), MaxLength(max), MinLength(1));
}

/** A UUID (any version), lower-cased before it is checked and used. */
export function Uuid(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(LowerCase(), IsUUID('all', options));
}
