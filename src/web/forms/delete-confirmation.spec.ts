import {
  candidateDeletion,
  frenchList,
  incidentDeletion,
  staffDeletion,
  willBeDeleted,
} from './delete-confirmation.js';

describe('delete confirmations', () => {
  it('joins a list the French way', () => {
    expect(frenchList([])).toBe('');
    expect(frenchList(['a'])).toBe('a');
    expect(frenchList(['a', 'b'])).toBe('a et b');
    expect(frenchList(['a', 'b', 'c'])).toBe('a, b et c');
  });

  it('agrees the participle with what goes', () => {
    expect(willBeDeleted([{ text: 'sa convocation', feminine: true }])).toBe(
      'Sa convocation sera supprimée.',
    );
    expect(
      willBeDeleted([
        { text: 'sa convocation', feminine: true },
        { text: 'sa présence', feminine: true },
      ]),
    ).toBe('Sa convocation et sa présence seront supprimées.');
    expect(
      willBeDeleted([
        { text: 'sa convocation', feminine: true },
        { text: 'son émargement', feminine: false },
      ]),
    ).toBe('Sa convocation et son émargement seront supprimés.');
  });

  it('says what goes with a candidate: results, convocation, attendance, file', () => {
    const c = candidateDeletion({
      name: 'Anaïs DUPONT',
      results: ['CCP1 : acquis', 'CCP2 : non acquis'],
      convocationDate: '12/03/2027',
      attendance: 'présent',
      fileItems: 2,
      cqc: false,
    });
    expect(c.question).toBe('Supprimer Anaïs DUPONT de la session ?');
    expect(c.consequence).toBe(
      'Son inscription à la session, ses résultats (CCP1 : acquis, CCP2 : non acquis), sa convocation du 12/03/2027, son émargement (présent), les pièces cochées de son dossier et les déclarations de liens des jurés à son égard seront supprimés.',
    );
    expect(c.kept[0]).toContain('fiche de personne reste');
  });

  it('names only what a new candidate has, and the CQC data when the titre gives it', () => {
    const c = candidateDeletion({
      name: 'Léa MARTIN',
      results: [],
      convocationDate: null,
      attendance: null,
      fileItems: 0,
      cqc: true,
    });
    expect(c.consequence).toBe(
      'Son inscription à la session, les déclarations de liens des jurés à son égard et ses données CQC (Hub Pro Transport) seront supprimées.',
    );
  });

  it('says what goes with a jury assignment, and that the member stays', () => {
    const s = staffDeletion({
      name: 'Jean MARTIN',
      role: 'juré',
      convocationDate: '01/03/2027',
      attendanceRecorded: true,
    });
    expect(s.question).toBe('Retirer Jean MARTIN du jury de la session ?');
    expect(s.consequence).toBe(
      'Son affectation comme juré, sa convocation du 01/03/2027 et sa présence relevée seront supprimées.',
    );
    expect(
      staffDeletion({
        name: 'A B',
        role: 'surveillant',
        convocationDate: null,
        attendanceRecorded: false,
      }).consequence,
    ).toBe('Son affectation comme surveillant sera supprimée.');
  });

  it('says an incident or a fraud report leaves the PV', () => {
    expect(
      incidentDeletion({ fraud: true, occurredOn: '12/03/2027', candidate: 'COLIN Maël' }),
    ).toEqual({
      question: 'Supprimer le signalement de fraude du 12/03/2027 concernant COLIN Maël ?',
      consequence:
        'Le signalement de fraude, sa description et les mesures prises seront supprimés : il ne figurera plus au procès-verbal ni au rapport de fraude de la session.',
      kept: [],
      button: 'Supprimer le signalement',
    });
    expect(
      incidentDeletion({ fraud: false, occurredOn: '12/03/2027', candidate: null }).question,
    ).toBe('Supprimer l’incident du 12/03/2027 ?');
  });
});
