import { IsInt, IsOptional } from 'class-validator';
import { labelOf } from './field-labels.js';
import { submit } from './form-support.js';

class PatchDto {
  @IsOptional() @IsInt() maxCandidates?: number;
  @IsOptional() @IsInt() year?: number;
}

const LABELS = labelOf({ maxCandidates: 'Nombre maximal de candidats', year: 'Année' });

describe('a form submitted with fields it requires though its DTO does not', () => {
  it('refuses each absent one by its label, with the DTO’s messages and without calling the service', async () => {
    let called = false;
    const result = await submit(
      PatchDto,
      { maxCandidates: undefined, year: 'deux mille' },
      LABELS,
      () => {
        called = true;
        return Promise.resolve();
      },
      { required: ['maxCandidates', 'year'] },
    );
    expect(result).toEqual({
      ok: false,
      status: 400,
      errors: {
        maxCandidates: 'Le champ « Nombre maximal de candidats » est obligatoire.',
        year: expect.stringContaining('« Année »') as unknown,
      },
    });
    expect(called).toBe(false);
  });

  it('lets the form’s own check on a required field speak instead', async () => {
    const result = await submit(PatchDto, {}, LABELS, () => Promise.resolve(), {
      required: ['year'],
      checks: { year: 'Choisissez une année.' },
    });
    expect(result).toMatchObject({ ok: false, errors: { year: 'Choisissez une année.' } });
  });

  it('saves when they are all given', async () => {
    const result = await submit(
      PatchDto,
      { maxCandidates: 12 },
      LABELS,
      (dto) => Promise.resolve(dto.maxCandidates),
      { required: ['maxCandidates'] },
    );
    expect(result).toEqual({ ok: true, value: 12 });
  });
});
