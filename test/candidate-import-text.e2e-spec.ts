import { jest } from '@jest/globals';
import request from 'supertest';
import { aCentre, aSession, aTitre, aUser } from './support/factories.js';
import { ADMIN, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { htmlText, webLogin, type WebClient } from './support/web-form-client.js';

type Body = Record<string, unknown>;

jest.setTimeout(60_000);

/** Text as Excel's « CSV (séparateur : point-virgule) » writes it on a French Windows. */
function windows1252(text: string): Buffer {
  const high: Record<string, number> = { '€': 0x80, '…': 0x85, Œ: 0x8c, '’': 0x92, œ: 0x9c };
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (high[char] !== undefined) bytes.push(high[char]);
    else if (code <= 0xff) bytes.push(code);
    else throw new Error(`${char} is not in Windows-1252`);
  }
  return Buffer.from(bytes);
}

describe('CSV import: the preview shows what is stored and what cannot be printed', () => {
  let t: TestApp;
  let admin: Client;
  let web: WebClient;
  let sessionId: string;
  let providerId: string;

  beforeAll(async () => {
    t = await startTestApp({ now: '2027-03-01T09:00:00Z' });
    admin = t.as(await t.login(ADMIN.email, ADMIN.password));
    const { centre, site } = await aCentre(admin);
    const titre = await aTitre(admin);
    const manager = await aUser(admin, 'manager', [String(centre.id)]);
    const session = await aSession(admin, {
      centreId: String(centre.id),
      siteId: String(site.id),
      titreId: String(titre.id),
    });
    sessionId = String(session.id);
    const provider = await admin.post(`/api/centres/${String(centre.id)}/providers`, {
      name: 'Forma Plus',
    });
    providerId = String(provider.body.id);
    web = await webLogin(t.http, manager.email, manager.password);
  });

  afterAll(async () => {
    await t.close();
  });

  const upload = async (file: Buffer): Promise<request.Response> =>
    request(t.http)
      .post(`/sessions/${sessionId}/candidates/import?_csrf=${await web.csrf()}`)
      .set('Cookie', web.cookie)
      .attach('file', file, 'candidats.csv');

  const candidates = async (): Promise<Body[]> =>
    (await admin.get(`/api/sessions/${sessionId}/candidates`)).body as Body[];

  const header =
    'nom;prénom;date_naissance;email;téléphone;adresse;parcours;fin_recevabilite_vae;amenagement';
  const good = [
    'Lœvenbruck;Zoë d’Arc;12/05/1990;;;"3 rue de l’Œuvre\r\n69002 Lyon";FORMATION;;Tiers temps… 20 € de frais',
    'ŒUVRARD;Anaïs;03/11/1985;;;;VAE;31/12/2027;non',
  ];

  it('refuses a Windows-1252 line with a character that cannot be printed, then imports the rest as previewed', async () => {
    // Byte 0x81 is undefined in Windows-1252: read as the control character U+0081.
    const bad = Buffer.concat([
      windows1252(`${header}\r\n${good.join('\r\n')}\r\nDupont`),
      Buffer.from([0x81]),
      windows1252(';Jean;;;;;;;\r\n'),
    ]);
    const refused = await upload(bad);
    expect(refused.status).toBe(400);
    const text = htmlText(refused.text);
    expect(text).toContain('1 ligne(s) sur 3 contiennent des erreurs : rien n’a été importé.');
    // Line 5: the address of line 2 spans two lines of the file.
    expect(text).toContain(
      'Ligne 5, colonne « nom » : Le champ « nom » contient un caractère de contrôle (U+0081) en position 7 : retirez-le.',
    );
    expect(text).toContain('Lœvenbruck');
    expect(text).toContain('Zoë d’Arc');
    expect(text).toContain('Tiers temps… 20 € de frais');
    expect(refused.text).not.toMatch(/L\u009cvenbruck|\u0092Arc/);
    // The refused character is shown by its code point, not printed raw.
    expect(text).toContain('<td>Dupont⟦U+0081⟧</td>');
    expect(refused.text).not.toContain('\u0081');
    expect(await candidates()).toEqual([]);

    const preview = await upload(windows1252(`${header}\r\n${good.join('\r\n')}\r\n`));
    expect(preview.status).toBe(200);
    expect(htmlText(preview.text)).toContain('Les 2 lignes sont valides.');
    const csv = htmlText(/name="csv" value="([^"]*)"/.exec(preview.text)![1]);
    const enrolled = /name="enrolled" value="(\d+)"/.exec(preview.text)![1];
    const confirmed = await web.post(`/sessions/${sessionId}/candidates/import/confirm`, {
      csv,
      enrolled,
    });
    expect(confirmed.status).toBe(303);
    const stored = await candidates();
    expect(stored.find((c) => c.lastName === 'Lœvenbruck')).toMatchObject({
      firstName: 'Zoë d’Arc',
      address: '3 rue de l’Œuvre\r\n69002 Lyon',
      accommodationDetails: 'Tiers temps… 20 € de frais',
    });
    expect(stored.find((c) => c.firstName === 'Anaïs')).toMatchObject({ lastName: 'ŒUVRARD' });
  });

  it('reports a CJK ideograph and a zero-width space of a UTF-8 file, and shows names in NFC', async () => {
    const csv = ['nom;prénom', 'Li;王', 'Ma\u200Brtin;Léa', 'Zoe\u0301;Noe\u0308l'].join('\r\n');
    const res = await upload(Buffer.from(`\uFEFF${csv}\r\n`, 'utf8'));
    expect(res.status).toBe(400);
    const text = htmlText(res.text);
    expect(text).toContain(
      'Ligne 2, colonne « prénom » : Le champ « prénom » contient un caractère que les documents ne peuvent pas imprimer (« 王 », U+738B) en position 1 : remplacez-le.',
    );
    expect(text).toContain(
      'Ligne 3, colonne « nom » : Le champ « nom » contient un caractère invisible (sans chasse) (U+200B) en position 3 : retirez-le.',
    );
    // Shown as stored: « é » one character, not e + combining accent.
    expect(text).toContain('<td>Zoé</td><td>Noël</td>');
    expect(text).not.toContain('Zoe\u0301');
    expect(text).toContain('<td>Ma⟦U+200B⟧rtin</td>');
    expect(text).toContain('2 ligne(s) sur 3 contiennent des erreurs');
  });

  it('reads the training provider by name and the convocation proof in French words, line by line', async () => {
    const head = 'nom;prénom;organisme;date_convocation;mode_convocation;preuve;date_preuve';
    const rows = [
      'Garnier;Hugo;forma plus;01/02/2027;main propre;décharge;03/02/2027',
      'Faure;Lina;;05/02/2027;lettre recommandée;AR;09/02/2027',
      'Bonnet;Jade;Forma Moins;;;;',
      'Lambert;Tom;;05/02/2027;main propre;accusé de réception;09/02/2027',
      'Girard;Zoé;;;;décharge;',
    ];
    const refused = await upload(Buffer.from(`${head}\r\n${rows.join('\r\n')}\r\n`, 'utf8'));
    expect(refused.status).toBe(400);
    const text = htmlText(refused.text);
    expect(text).toContain('3 ligne(s) sur 5 contiennent des erreurs');
    expect(text).toContain(
      'Ligne 4, colonne « organisme_formation » : La colonne « organisme_formation » désigne un organisme de formation inconnu du centre (« Forma Moins ») : enregistrez-le d’abord sur la page « Organismes de formation » ou corrigez son nom (organismes du centre : « Forma Plus »).',
    );
    expect(text).toContain(
      'Ligne 5, colonne « preuve_convocation » : Le champ « preuve_convocation » ne correspond pas au mode de convocation : attendu décharge signée par le candidat.',
    );
    expect(text).toMatch(
      /Ligne 6, colonne « preuve_convocation » : [^<]*renseignez d’abord sa date et son mode/,
    );
    expect(text).toMatch(/Ligne 6, colonne « date_preuve_convocation » : /);
    expect(await candidates()).not.toContainEqual(expect.objectContaining({ lastName: 'Garnier' }));

    const preview = await upload(Buffer.from(`${head}\r\n${rows.slice(0, 2).join('\r\n')}\r\n`));
    expect(preview.status).toBe(200);
    const csv = htmlText(/name="csv" value="([^"]*)"/.exec(preview.text)![1]);
    const enrolled = /name="enrolled" value="(\d+)"/.exec(preview.text)![1];
    const confirmed = await web.post(`/sessions/${sessionId}/candidates/import/confirm`, {
      csv,
      enrolled,
    });
    expect(confirmed.status).toBe(303);
    const stored = await candidates();
    expect(stored.find((c) => c.lastName === 'Garnier')).toMatchObject({
      trainingProviderId: providerId,
      convocationDate: '2027-02-01',
      convocationMode: 'HAND_DELIVERED',
      convocationProofKind: 'SIGNED_DISCHARGE',
      convocationProofOn: '2027-02-03',
    });
    expect(stored.find((c) => c.lastName === 'Faure')).toMatchObject({
      trainingProviderId: null,
      convocationMode: 'REGISTERED_MAIL',
      convocationProofKind: 'RECEIPT_ACKNOWLEDGEMENT',
      convocationProofOn: '2027-02-09',
    });
  });
});
