import { CSV_BOM } from '../../common/csv.js';
import type { SessionListRow } from '../queries/session-list.query.js';
import { candidatesCsv, csvFileName, sessionsCsv } from './csv-exports.js';

const row: SessionListRow = {
  id: 's1',
  centreName: 'Centre Nord',
  siteName: 'Site; Lille',
  titreCode: 'CDUI',
  titreLabel: '=HYPERLINK("x")',
  nature: 'TITRE',
  status: 'PLANNED',
  startDate: '2027-03-15',
  endDate: '2027-03-16',
  managerFirstName: 'Anaïs',
  managerLastName: 'Dupont',
  managerEmail: 'a@x.fr',
  counts: {
    total: 20,
    done: 5,
    regulatoryTotal: 8,
    regulatoryDone: 2,
    overdue: 1,
    nextDue: '2027-02-15',
  },
};

describe('CSV exports', () => {
  it('writes the sessions for Excel: BOM, « ; », French headers, jj/mm/aaaa, formulas defused', () => {
    const csv = sessionsCsv([row]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const [head, line] = csv.slice(1).split('\r\n');
    expect(head).toBe(
      'Sigle;Titre;Nature;Centre;Site;Début;Fin;Responsable de session;Statut;Tâches faites;Tâches à faire;Tâches réglementaires faites;Tâches réglementaires;Tâches en retard;Prochaine échéance',
    );
    expect(line).toBe(
      'CDUI;"\'=HYPERLINK(""x"")";Titre complet;Centre Nord;"Site; Lille";15/03/2027;16/03/2027;Anaïs Dupont;Programmée;5;20;2;8;1;15/02/2027',
    );
  });

  it('writes the candidates with their convocation, attendance and results in French', () => {
    const csv = candidatesCsv([
      {
        lastName: 'Dupont',
        firstName: 'Anaïs',
        birthDate: '1990-05-04',
        pathway: 'VAE',
        convocationDate: '2027-02-10',
        convocationMode: null,
        attendance: 'PRESENT',
        results: [
          { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
          { ccpCode: 'CCP2', outcome: 'NOT_ACQUIRED' },
        ],
      },
    ]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Nom;Prénom;Date de naissance;Parcours;Date de convocation;Mode de convocation;Présence;Résultats',
    );
    expect(lines[1]).toMatch(
      /^DUPONT;Anaïs;04\/05\/1990;[^;]+;10\/02\/2027;;Présent;CCP1 : Acquis, CCP2 : Non acquis$/,
    );
  });

  it('names files without accents or characters to quote', () => {
    expect(csvFileName('candidats', 'CDUI', '2027-03-15')).toBe('candidats-CDUI-2027-03-15.csv');
    expect(csvFileName('sessions', 'Été "x"')).toBe('sessions-Ete-x.csv');
    expect(csvFileName('')).toBe('export.csv');
  });
});
