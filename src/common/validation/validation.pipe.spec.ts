import 'reflect-metadata';
import { IsOptional, IsIn } from 'class-validator';
import { FieldErrorsException } from './field-errors.js';
import { createValidationPipe, parameterTextErrors } from './validation.pipe.js';

class StatusQuery {
  @IsOptional() @IsIn(['A', 'B']) status?: string;
}

async function refusal(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error instanceof FieldErrorsException ? error.fields : error;
  }
  throw new Error('not refused');
}

describe('route parameters and query strings', () => {
  it('finds the first refused character of each parameter, named by its path', () => {
    expect(
      parameterTextErrors({ centre: '\u0000', view: 'mine', tags: ['a', 'b\u200b'] }, ''),
    ).toEqual([
      {
        field: 'centre',
        message:
          'Le paramètre « centre » contient un caractère de contrôle (U+0000) en position 1 : retirez-le.',
      },
      {
        field: 'tags',
        message:
          'Le paramètre « tags » contient un caractère invisible (sans chasse) (U+200B) en position 2 : retirez-le.',
      },
    ]);
    expect(parameterTextErrors({ filter: { site: 'x\n' } }, '')[0].field).toBe('filter[site]');
    expect(parameterTextErrors('abc\ud800', 'file')[0].message).toMatch(
      /^Le paramètre « file » contient un caractère Unicode incomplet \(U\+D800\)/,
    );
    expect(parameterTextErrors({ q: 'Lœvenbruck', page: '2' }, '')).toEqual([]);
  });

  it('refuses them in the global pipe before any DTO, and leaves bodies to the DTOs', async () => {
    const pipe = createValidationPipe();
    expect(
      await refusal(() =>
        pipe.transform({ status: 'A\u202e' }, { type: 'query', metatype: StatusQuery }),
      ),
    ).toEqual([
      {
        field: 'status',
        message:
          'Le paramètre « status » contient un caractère invisible qui inverse le sens d’écriture (U+202E) en position 2 : retirez-le.',
      },
    ]);
    expect(
      await refusal(() =>
        pipe.transform('x\u0000', { type: 'param', data: 'file', metatype: String }),
      ),
    ).toEqual([
      {
        field: 'file',
        message:
          'Le paramètre « file » contient un caractère de contrôle (U+0000) en position 2 : retirez-le.',
      },
    ]);
    expect(
      await refusal(() =>
        pipe.transform({ status: 'C' }, { type: 'query', metatype: StatusQuery }),
      ),
    ).toEqual([
      {
        field: 'status',
        message: "Le champ « status » doit valoir l'une des valeurs suivantes : A, B.",
      },
    ]);
    await expect(
      pipe.transform({ status: 'A' }, { type: 'query', metatype: StatusQuery }),
    ).resolves.toEqual({
      status: 'A',
    });
  });
});
