import {
  csvDate,
  decodeCsv,
  detectDelimiter,
  exampleCandidateCsv,
  findProvider,
  MAX_IMPORT_ROWS,
  normaliseHeader,
  parseCandidateCsv,
} from './candidate-csv.js';

describe('candidate CSV', () => {
  it('reads a French Excel export: BOM, semicolons, quoted addresses, French dates', () => {
    const csv = parseCandidateCsv(
      '\uFEFFNom;Prénom;Date de naissance;E-mail;Téléphone;Adresse;Parcours;Fin_Recevabilite_VAE;Aménagement\r\n' +
        'Dupont;Camille;12/05/1990;camille@example.fr;0612345678;"3 place Bellecour, 69002 Lyon";formation;;non\r\n' +
        'Rousseau;Jérôme;1985-11-03;;;;VAE;31/12/2027;Tiers temps\r\n',
    );
    expect(csv.fileErrors).toEqual([]);
    expect(csv.headers).toEqual([
      'nom',
      'prénom',
      'date_naissance',
      'email',
      'téléphone',
      'adresse',
      'parcours',
      'fin_recevabilite_vae',
      'amenagement',
    ]);
    expect(csv.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(csv.rows[0].plain).toEqual({
      lastName: 'Dupont',
      firstName: 'Camille',
      birthDate: '1990-05-12',
      email: 'camille@example.fr',
      phone: '0612345678',
      address: '3 place Bellecour, 69002 Lyon',
      pathway: 'FORMATION',
      accommodationRequested: false,
    });
    expect(csv.rows[1].plain).toEqual({
      lastName: 'Rousseau',
      firstName: 'Jérôme',
      birthDate: '1985-11-03',
      pathway: 'VAE',
      vaeValidUntil: '2027-12-31',
      accommodationRequested: true,
      accommodationDetails: 'Tiers temps',
    });
  });

  it('uses commas when the header line has no semicolon, and counts lines across quoted breaks', () => {
    const csv = parseCandidateCsv('nom,prenom,adresse\nA,B,"1 rue X\n75001 Paris"\n\nC,D,\n');
    expect(csv.fileErrors).toEqual([]);
    expect(csv.rows.map((r) => [r.line, r.plain.lastName])).toEqual([
      [2, 'A'],
      [5, 'C'],
    ]);
    expect(csv.rows[0].plain.address).toBe('1 rue X\n75001 Paris');
  });

  it('counts a CRLF inside a quoted cell (Excel on Windows) as one line break', () => {
    const csv = parseCandidateCsv(
      'nom;prénom;adresse\r\nA;B;"1 rue X\r\n75001 Paris"\r\nC;D;"a\rb\nc"\r\nE;F;\r\n',
    );
    expect(csv.rows.map((r) => [r.line, r.plain.lastName])).toEqual([
      [2, 'A'],
      [4, 'C'],
      [7, 'E'],
    ]);
  });

  it('gives cells as they will be stored: trimmed, NFC, the pathway in capitals', () => {
    const csv = parseCandidateCsv('nom;prénom;parcours\n Zoe\u0301 ;Noe\u0308l;vae');
    expect(csv.rows[0].cells).toEqual({ nom: 'Zoé', prénom: 'Noël', parcours: 'VAE' });
    expect(csv.rows[0].plain).toMatchObject({ lastName: 'Zoé', firstName: 'Noël', pathway: 'VAE' });
  });

  it('reports dates that do not exist with their column', () => {
    const [row] = parseCandidateCsv('nom;prénom;date_naissance\nA;B;31/02/1990').rows;
    expect(row.errors).toEqual([
      {
        column: 'date_naissance',
        message:
          'La colonne « date_naissance » doit contenir une date existante au format jj/mm/aaaa (ou aaaa-mm-jj) : « 31/02/1990 ».',
      },
    ]);
    expect(row.plain.birthDate).toBeUndefined();
  });

  it('refuses files with unknown, missing or duplicated headers, or too many rows', () => {
    expect(parseCandidateCsv('nom;âge\nA;3').fileErrors).toEqual([
      expect.stringContaining('La colonne « âge » est inconnue'),
      'La colonne obligatoire « prénom » manque à la première ligne.',
    ]);
    expect(parseCandidateCsv('nom;prénom;Nom\nA;B;C').fileErrors).toEqual([
      'La colonne « nom » apparaît deux fois.',
    ]);
    expect(parseCandidateCsv('nom;prénom\n').fileErrors).toEqual([
      'Le fichier ne contient aucun candidat sous les en-têtes.',
    ]);
    expect(parseCandidateCsv('   ').fileErrors).toEqual([
      'Le fichier est vide : aucune ligne à importer.',
    ]);
    const many = `nom;prénom\n${'A;B\n'.repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(parseCandidateCsv(many).fileErrors).toEqual([
      `Le fichier contient ${MAX_IMPORT_ROWS + 1} candidats : ${MAX_IMPORT_ROWS} au plus par import.`,
    ]);
    expect(parseCandidateCsv('nom;prénom\n"A;B').fileErrors[0]).toContain(
      'Le fichier n’est pas un CSV lisible',
    );
  });

  it('flags a row with more cells than columns', () => {
    const [row] = parseCandidateCsv('nom;prénom\nA;B;C').rows;
    expect(row.errors[0].message).toContain('La ligne a 3 cellules pour 2 colonnes');
  });

  it('reads bytes 0x80–0x9F of a Windows-1252 (Excel) export as Windows-1252, not Latin-1', () => {
    // « Lœvenbruck ; l’Haÿ-les-Roses ; ŒUVRE ; 12 € … » as Excel writes it in Windows-1252.
    const bytes = Uint8Array.from([
      0x4c, 0x9c, 0x76, 0x65, 0x6e, 0x62, 0x72, 0x75, 0x63, 0x6b, 0x3b, 0x6c, 0x92, 0x48, 0x61,
      0xff, 0x2d, 0x6c, 0x65, 0x73, 0x2d, 0x52, 0x6f, 0x73, 0x65, 0x73, 0x3b, 0x8c, 0x55, 0x56,
      0x52, 0x45, 0x3b, 0x31, 0x32, 0x20, 0x80, 0x20, 0x85, 0x3b, 0x96, 0x93, 0x94, 0x8a, 0x9a,
      0x8e, 0x9e, 0x9f, 0x89, 0x8b, 0x9b, 0x99, 0x86, 0x87, 0x88, 0x98, 0x91, 0x84, 0x82, 0x83,
      0x97, 0x95,
    ]);
    expect(decodeCsv(bytes)).toBe('Lœvenbruck;l’Haÿ-les-Roses;ŒUVRE;12 € …;–“”ŠšŽžŸ‰‹›™†‡ˆ˜‘„‚ƒ—•');
    // The five bytes Windows-1252 leaves undefined keep their code point (WHATWG Encoding).
    expect(
      [...decodeCsv(Uint8Array.from([0x81, 0x8d, 0x8f, 0x90, 0x9d]))].map((c) => c.charCodeAt(0)),
    ).toEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
  });

  it('decodes UTF-8 (with BOM) and falls back to Windows-1252', () => {
    expect(decodeCsv(Buffer.from('\uFEFFnom;prénom', 'utf8'))).toBe('nom;prénom');
    expect(decodeCsv(Buffer.from('Noël;Garçon', 'latin1'))).toBe('Noël;Garçon');
  });

  it('normalises headers, detects the delimiter and reads dates', () => {
    expect(normaliseHeader(' Fin de recevabilité ')).toBe('fin_de_recevabilite');
    expect(detectDelimiter('nom,prénom;x')).toBe(';');
    expect(detectDelimiter('nom,prénom')).toBe(',');
    expect(csvDate('1/2/2027')).toBe('2027-02-01');
    expect(csvDate('2027-02-29')).toBeNull();
    expect(csvDate('demain')).toBeNull();
  });

  it('offers an example that it reads back without error', () => {
    const example = exampleCandidateCsv();
    expect(example.startsWith('\uFEFFnom;prénom;date_naissance;')).toBe(true);
    const csv = parseCandidateCsv(example);
    expect(csv.fileErrors).toEqual([]);
    expect(csv.rows.every((r) => r.errors.length === 0)).toBe(true);
    expect(csv.rows).toHaveLength(3);
  });

  it('reads the pathway written in words and the VAE session types as codes', () => {
    const csv = parseCandidateCsv(
      'nom;prénom;parcours;notification_recevabilite_vae;session_autorisee_vae\r\n' +
        'Lefèvre;Inès;Suite de parcours;;\r\n' +
        'Nguyen;Lan;équivalence;;\r\n' +
        'Roux;Paul;vae;15/06/2026;titre, ccp\r\n',
    );
    expect(csv.rows.map((r) => r.cells.parcours)).toEqual(['SUITE_PARCOURS', 'EQUIVALENCE', 'VAE']);
    expect(csv.rows[2]?.plain).toMatchObject({
      pathway: 'VAE',
      vaeNotifiedOn: '2026-06-15',
      vaeAllowedNatures: ['TITRE', 'CCP'],
    });
  });

  it('reads the convocation and its proof as French users write them', () => {
    const csv = parseCandidateCsv(
      'nom;prénom;Date de convocation;Mode de convocation;Preuve de convocation;Date de la preuve\r\n' +
        'Roux;Paul;01/02/2027;remise en main propre;Décharge signée;02/02/2027\r\n' +
        'Petit;Anne;2027-01-15;Lettre recommandée;A/R;20/01/2027\r\n' +
        'Morel;Luc;15/01/2027;LRAR;accusé de réception;\r\n' +
        'Blanc;Éva;15/01/2027;pigeon;reçu;31/02/2027\r\n',
    );
    expect(csv.fileErrors).toEqual([]);
    expect(csv.headers.slice(2)).toEqual([
      'date_convocation',
      'mode_convocation',
      'preuve_convocation',
      'date_preuve_convocation',
    ]);
    expect(csv.rows[0].plain).toMatchObject({
      convocationDate: '2027-02-01',
      convocationMode: 'HAND_DELIVERED',
      convocationProofKind: 'SIGNED_DISCHARGE',
      convocationProofOn: '2027-02-02',
    });
    expect(csv.rows[1].plain).toMatchObject({
      convocationMode: 'REGISTERED_MAIL',
      convocationProofKind: 'RECEIPT_ACKNOWLEDGEMENT',
    });
    expect(csv.rows[2].plain).toMatchObject({
      convocationMode: 'REGISTERED_MAIL',
      convocationProofKind: 'RECEIPT_ACKNOWLEDGEMENT',
    });
    expect(csv.rows[2].plain).not.toHaveProperty('convocationProofOn');
    // The cell keeps what was typed; every unknown word is reported at once.
    expect(csv.rows[3].cells.mode_convocation).toBe('pigeon');
    expect(csv.rows[3].errors).toEqual([
      {
        column: 'mode_convocation',
        message:
          'La colonne « mode_convocation » doit contenir « main propre » ou « recommandé » (lettre recommandée, LRAR) : « pigeon ».',
      },
      {
        column: 'preuve_convocation',
        message:
          'La colonne « preuve_convocation » doit contenir « décharge » (décharge signée) ou « AR » (accusé de réception) : « reçu ».',
      },
      {
        column: 'date_preuve_convocation',
        message:
          'La colonne « date_preuve_convocation » doit contenir une date existante au format jj/mm/aaaa (ou aaaa-mm-jj) : « 31/02/2027 ».',
      },
    ]);
  });

  it('keeps the training provider’s name for the import to find among the centre’s', () => {
    const csv = parseCandidateCsv(
      'nom;prénom;Organisme de formation\r\nRoux;Paul; forma  plus \r\nPetit;Anne;\r\n',
    );
    expect(csv.rows.map((r) => r.providerName)).toEqual(['forma  plus', null]);
    expect(csv.rows[0].plain).not.toHaveProperty('trainingProviderId');
    const providers = [
      { id: 'p1', name: 'Forma Plus' },
      { id: 'p2', name: 'Atelier Cévennes' },
    ];
    expect(findProvider('forma  plus', providers)).toEqual({ id: 'p1' });
    expect(findProvider('ATELIER CEVENNES', providers)).toEqual({ id: 'p2' });
    expect(findProvider('Forma Moins', providers)).toEqual({
      error: {
        column: 'organisme_formation',
        message:
          'La colonne « organisme_formation » désigne un organisme de formation inconnu du centre (« Forma Moins ») : enregistrez-le d’abord sur la page « Organismes de formation » ou corrigez son nom (organismes du centre : « Forma Plus », « Atelier Cévennes »).',
      },
    });
    expect(findProvider('x', [])).toMatchObject({
      error: { message: expect.stringContaining('le centre n’en a enregistré aucun') },
    });
    expect(
      findProvider('Forma Plus', [...providers, { id: 'p3', name: 'FORMA-PLUS' }]),
    ).toMatchObject({ error: { message: expect.stringContaining('plusieurs organismes') } });
  });
});
