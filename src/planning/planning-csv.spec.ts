import { csvField, planningCsv, wantsCsv, type PlanningEntry } from './planning-csv.js';

function anEntry(overrides: Partial<PlanningEntry> = {}): PlanningEntry {
  return {
    sessionId: 'b3f7c1de-0000-4000-8000-000000000001',
    titreCode: 'CDA',
    titreLabel: 'Concepteur développeur d’applications',
    titreVersion: '2023',
    nature: 'CCP',
    ccpCodes: ['CCP1', 'CCP2'],
    siteName: 'Site de Vénissieux',
    startDate: '2027-05-31',
    endDate: '2027-06-04',
    location: 'Salle Molière; 2e étage',
    candidateCount: 8,
    managerName: 'Claire MARTIN',
    deputyManagerName: '',
    status: 'PLANNED',
    statusLabel: 'Programmée',
    ...overrides,
  };
}

describe('planning CSV', () => {
  it('starts with a BOM and French headers separated by semicolons', () => {
    const csv = planningCsv([]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe(
      'Sigle;Titre;Millésime;Nature;CCP;Site;Début;Fin;Lieu;Candidats;Responsable de session;Suppléant;Statut\r\n',
    );
  });

  it('writes one line per session with French dates and labels', () => {
    const lines = planningCsv([anEntry(), anEntry({ status: 'CANCELLED', nature: 'TITRE' })])
      .slice(1)
      .split('\r\n');
    expect(lines[1]).toBe(
      'CDA;Concepteur développeur d’applications;2023;CCP;CCP1, CCP2;Site de Vénissieux;31/05/2027;04/06/2027;"Salle Molière; 2e étage";8;Claire MARTIN;;Programmée',
    );
    expect(lines[2]).toContain(';Titre complet;');
    expect(lines[2].endsWith(';Annulée')).toBe(true);
    expect(lines[3]).toBe('');
  });

  it('quotes fields holding quotes or line breaks and defuses formulas', () => {
    expect(csvField('Salle "A"')).toBe('"Salle ""A"""');
    expect(csvField('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-2')).toBe("'-2");
    expect(csvField(12)).toBe('12');
    expect(csvField('simple')).toBe('simple');
  });
});

describe('content negotiation', () => {
  it('follows the format parameter first', () => {
    expect(wantsCsv('csv', 'application/json')).toBe(true);
    expect(wantsCsv('json', 'text/csv')).toBe(false);
  });

  it('follows the Accept header otherwise', () => {
    expect(wantsCsv(undefined, undefined)).toBe(false);
    expect(wantsCsv(undefined, '*/*')).toBe(false);
    expect(wantsCsv(undefined, 'text/csv')).toBe(true);
    expect(wantsCsv(undefined, 'text/csv;q=0.5, application/json')).toBe(false);
    expect(wantsCsv(undefined, 'application/json;q=0.4, text/csv;q=0.9')).toBe(true);
    expect(wantsCsv(undefined, 'text/csv;q=0, application/json')).toBe(false);
  });
});
