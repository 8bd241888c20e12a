import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  registerDecorator,
  type ValidationArguments,
  type ValidationOptions,
} from 'class-validator';
import { compareDates, isValidCalendarDate } from '../calendar-date.js';

/** Trims strings (and leaves other values alone, for the type check to refuse them). */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() : value,
  );
}

/** A calendar date 'YYYY-MM-DD' that exists. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isValidCalendarDate(value),
      },
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

/** A trimmed, length-bounded text. */
export function Text(
  max: number,
  options: { optional?: boolean; min?: number } = {},
): PropertyDecorator {
  const optional = options.optional ?? false;
  const min = options.min ?? (optional ? 0 : 1);
  const decorators: PropertyDecorator[] = [Trim(), IsString(), MaxLength(max)];
  if (min > 0) decorators.push(MinLength(min));
  if (optional) decorators.unshift(IsOptional());
  return applyDecorators(...decorators);
}

/** A time of day 'HH:MM'. */
export function IsTimeOfDay(): PropertyDecorator {
  return Matches(/^([01]\d|2[0-3]):[0-5]\d$/);
}

/** May be left out, but not set to null (for columns that cannot be empty). */
export function NotNull(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/** An optional text that cannot be null: left out keeps the stored value. */
export function PatchText(max: number, min = 0): PropertyDecorator {
  const decorators: PropertyDecorator[] = [NotNull(), Trim(), IsString(), MaxLength(max)];
  if (min > 0) decorators.push(MinLength(min));
  return applyDecorators(...decorators);
}
