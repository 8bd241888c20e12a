import { previewCandidateImport } from './candidate-import.js';

const noRule = () => [];

describe('CSV import preview', () => {
  it('gives DTOs only when every row is valid', async () => {
    const ok = await previewCandidateImport('nom;prénom;email\nMartin;Léa;lea@example.fr', noRule);
    expect(ok.dtos).toEqual([
      expect.objectContaining({ lastName: 'Martin', firstName: 'Léa', email: 'lea@example.fr' }),
    ]);
    const bad = await previewCandidateImport('nom;prénom;email\nMartin;Léa;\nPetit;;x', noRule);
    expect(bad.dtos).toBeNull();
    expect(bad.invalidRows).toBe(1);
    expect(bad.rows[1].errors).toEqual([
      { column: 'prénom', message: 'Le champ « prénom » est obligatoire.' },
      { column: 'email', message: 'Le champ « email » doit être une adresse e-mail valide.' },
    ]);
  });

  it('reports the service rule of a row against its column', async () => {
    const preview = await previewCandidateImport(
      'nom;prénom;date_naissance\nMartin;Léa;01/01/2030',
      () => [
        {
          field: 'birthDate',
          message: 'Le champ « birthDate » ne doit pas être postérieur à aujourd’hui (01/03/2027).',
        },
      ],
    );
    expect(preview.rows[0].errors).toEqual([
      {
        column: 'date_naissance',
        message:
          'Le champ « date_naissance » ne doit pas être postérieur à aujourd’hui (01/03/2027).',
      },
    ]);
    expect(preview.dtos).toBeNull();
  });

  it('skips, without refusing the file, people already enrolled or repeated in it', async () => {
    const preview = await previewCandidateImport(
      'nom;prénom;date_naissance\nMartin;Léa;12/05/1990\nMARTIN;Lea;1990-05-12\nPetit;Anne;',
      noRule,
      { known: new Set(['petit|anne|']), enrolled: new Set(['petit|anne|']) },
    );
    expect(preview.rows.map((r) => r.warning)).toEqual([
      null,
      'Même nom (et même date de naissance) qu’à la ligne 2 : la ligne ne sera pas importée.',
      'Un candidat du même nom (et de même date de naissance) est déjà inscrit à la session : la ligne ne sera pas importée.',
    ]);
    expect(preview.warnings).toBe(2);
    expect(preview.dtos).toEqual([expect.objectContaining({ lastName: 'Martin' })]);
  });

  it('says which rows enrol a person the centre already knows', async () => {
    const preview = await previewCandidateImport(
      'nom;prénom;date_naissance\nLŒVENBRUCK;jean luc;03/02/1990\nPetit;Anne;',
      noRule,
      { known: new Set(['loevenbruck|jeanluc|1990-02-03']), enrolled: new Set() },
    );
    expect(preview.rows.map((r) => r.note)).toEqual([
      'Personne déjà connue : rattachée à sa fiche.',
      null,
    ]);
    expect(preview.knownPeople).toBe(1);
    expect(preview.dtos).toHaveLength(2);
  });

  it('keeps the file errors and no row when the headers are wrong', async () => {
    const preview = await previewCandidateImport('name;prénom\nA;B', noRule);
    expect(preview.fileErrors).toHaveLength(2);
    expect(preview.rows).toEqual([]);
    expect(preview.dtos).toBeNull();
  });

  it('shows cells as they will be stored: trimmed, in Unicode normal form C', async () => {
    const preview = await previewCandidateImport('nom;prénom\n  Zoe\u0301 ;Noe\u0308l', noRule);
    expect(preview.rows[0].cells).toEqual(['Zoé', 'Noël']);
    expect(preview.dtos).toEqual([expect.objectContaining({ lastName: 'Zoé', firstName: 'Noël' })]);
  });

  it('refuses, per line and column, a character the documents cannot print', async () => {
    const preview = await previewCandidateImport(
      'nom;prénom;adresse\nLi;王;\nMa\u200brtin;Léa;\nPetit;Anne;"3 rue X\r\n69002 Lyon"',
      noRule,
    );
    expect(preview.rows.map((r) => [r.line, r.errors])).toEqual([
      [
        2,
        [
          {
            column: 'prénom',
            message:
              'Le champ « prénom » contient un caractère que les documents ne peuvent pas imprimer (« 王 », U+738B) en position 1 : remplacez-le.',
          },
        ],
      ],
      [
        3,
        [
          {
            column: 'nom',
            message:
              'Le champ « nom » contient un caractère invisible (sans chasse) (U+200B) en position 3 : retirez-le.',
          },
        ],
      ],
      [4, []],
    ]);
    expect(preview.invalidRows).toBe(2);
    expect(preview.dtos).toBeNull();
  });

  it('gives a column one message even when the DTO refuses it too', async () => {
    const preview = await previewCandidateImport(`nom;prénom\n${'王'.repeat(101)};Léa`, noRule);
    expect(preview.rows[0].errors).toHaveLength(1);
    expect(preview.rows[0].errors[0].column).toBe('nom');
  });

  it('finds the training provider by name among the centre’s, and refuses an unknown one on its line', async () => {
    const providers = [{ id: '6f1c1f4e-2b1a-4c1e-9d3e-7a0b8c9d0e1f', name: 'Forma Plus' }];
    const preview = await previewCandidateImport(
      'nom;prénom;organisme_formation\nMartin;Léa;FORMA PLUS\nPetit;Anne;Forma Moins\nRoux;Paul;',
      noRule,
      undefined,
      providers,
    );
    expect(preview.dtos).toBeNull();
    expect(preview.rows[0].errors).toEqual([]);
    expect(preview.rows[1].errors).toEqual([
      expect.objectContaining({
        column: 'organisme_formation',
        message: expect.stringContaining('inconnu du centre (« Forma Moins »)'),
      }),
    ]);
    const ok = await previewCandidateImport(
      'nom;prénom;organisme_formation\nMartin;Léa;FORMA PLUS\nRoux;Paul;',
      noRule,
      undefined,
      providers,
    );
    expect(ok.dtos).toEqual([
      expect.objectContaining({ lastName: 'Martin', trainingProviderId: providers[0].id }),
      expect.not.objectContaining({ trainingProviderId: expect.anything() }),
    ]);
  });
});
