import {
  CONVOCATION_SOURCES,
  convocationTests,
  documentsToBring,
  FINAL_INTERVIEW_LABEL,
  IDENTITY_DOCUMENT,
  lateArrivalRule,
  RGS_MENTION,
} from './convocation-rules.js';

describe('convocation rules', () => {
  it('ends a titre session with the final interview, after the titre’s own tests', () => {
    const tests = convocationTests('TITRE', ['MISE_EN_SITUATION', 'QUESTIONNAIRE_PROFESSIONNEL']);
    expect(tests).toEqual({
      labels: [
        'Mise en situation professionnelle',
        'Questionnaire professionnel',
        FINAL_INTERVIEW_LABEL,
      ],
      fromDefault: false,
    });
  });

  it('has no final interview in a CCP or CCS session', () => {
    expect(convocationTests('CCP', ['ENTRETIEN_TECHNIQUE']).labels).toEqual([
      'Entretien technique',
    ]);
    expect(convocationTests('CCS', ['PRESENTATION_PROJET']).labels).toEqual([
      'Présentation d’un projet réalisé en amont de la session',
    ]);
  });

  it('falls back to the usual tests when the titre records none (or only unknown codes)', () => {
    const expected = [
      'Mise en situation professionnelle',
      'Entretien technique',
      'Questionnaire professionnel',
    ];
    expect(convocationTests('CCP', [])).toEqual({ labels: expected, fromDefault: true });
    expect(convocationTests('TITRE', ['ENTRETIEN_FINAL']).labels).toEqual([
      ...expected,
      FINAL_INTERVIEW_LABEL,
    ]);
  });

  it('always asks for the identity document and the convocation, then the titre’s documents', () => {
    const permis = 'le permis de conduire de catégorie C en cours de validité';
    const bring = documentsToBring([permis, '  ', permis], 'FORMATION');
    expect(bring).toEqual([
      IDENTITY_DOCUMENT,
      'la présente convocation',
      permis,
      'le matériel que le centre vous a indiqué, le cas échéant',
    ]);
    expect(documentsToBring([], 'VAE')).toContain(
      'votre dossier professionnel (DP) signé, si vous ne l’avez pas déjà remis au centre',
    );
    expect(documentsToBring([], 'FORMATION').join(' ')).not.toContain('dossier professionnel');
  });

  it('names the responsable de session for a late arrival, never the jury', () => {
    expect(lateArrivalRule('Camille Martin')).toBe(
      'Un candidat en retard n’est admis à participer aux épreuves que sur décision du responsable de session, Camille Martin ; l’horaire de fin des épreuves n’est pas modifié.',
    );
    expect(lateArrivalRule(null)).toContain('sur décision du responsable de session ;');
    expect(lateArrivalRule(null)).not.toContain('jury');
    expect(CONVOCATION_SOURCES.LATE_ARRIVAL.article).toContain('(décision du RS)');
  });

  it('mentions the règlement général des sessions with its reference and source', () => {
    expect(RGS_MENTION).toContain('règlement général des sessions');
    expect(RGS_MENTION).toContain('arrêté du 21 juillet 2016 modifié');
    expect(CONVOCATION_SOURCES.RGS_TO_CANDIDATES.article).toContain('Article 2');
    expect(CONVOCATION_SOURCES.RGS_TO_CANDIDATES.date).toBe('2016-07-21');
  });
});
