import { BadRequestException, Param, type PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The UUID in its canonical (lower-case) form, or null when `value` is not a UUID. */
export function canonicalUuid(value: unknown): string | null {
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : null;
}

/** Checks a route parameter is a UUID and gives it in lower case (SQLite compares text). */
export class UuidParamPipe implements PipeTransform<unknown, string> {
  constructor(private readonly name: string) {}

  transform(value: unknown): string {
    const uuid = canonicalUuid(value);
    if (uuid === null) {
      throw new BadRequestException(
        `Le paramètre « ${this.name} » doit être un identifiant valide (UUID).`,
      );
    }
    return uuid;
  }
}

/**
 * A route parameter that must be a UUID; anything else answers 400 naming the parameter. The
 * handler receives it in lower case, the form every UUID is stored and compared in.
 */
export function UuidParam(name: string): ParameterDecorator {
  return Param(name, new UuidParamPipe(name));
}
