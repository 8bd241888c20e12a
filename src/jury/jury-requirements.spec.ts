import {
  checkJuryRequirements,
  type ComplianceInput,
  type ComplianceJuryMember,
} from '../compliance/compliance-rules.js';
import { JURY_SOURCES } from '../compliance/jury-sources.js';
import {
  describeRequirements,
  heldCategories,
  juryRequirementsError,
  requirementsWarning,
  unmetJuryRequirements,
  type JuryRequirements,
} from './jury-requirements.js';

const ROAD: JuryRequirements = {
  licenceCategories: ['C', 'D'],
  cqc: true,
  source: 'RC du titre CTRMP (exigences du jury non confirmées)',
};
// A session from Monday 14/06/2027 to Friday 18/06/2027.
const SESSION = { endDate: '2027-06-18' };

describe('unmetJuryRequirements', () => {
  it('asks nothing of a titre without requirements', () => {
    expect(
      unmetJuryRequirements(null, { licenceCategories: [], cqcValidUntil: null }, SESSION),
    ).toEqual([]);
    expect(
      unmetJuryRequirements(
        { licenceCategories: [], cqc: false, source: '' },
        { licenceCategories: [], cqcValidUntil: null },
        SESSION,
      ),
    ).toEqual([]);
  });

  it('is met by one of the categories and a CQC valid through the last day', () => {
    expect(
      unmetJuryRequirements(
        ROAD,
        { licenceCategories: ['D'], cqcValidUntil: '2027-06-18' },
        SESSION,
      ),
    ).toEqual([]);
  });

  it('counts the categories a heavier one contains (CE gives C)', () => {
    expect([...heldCategories(['CE'])].sort()).toEqual(['C', 'C1', 'C1E', 'CE']);
    expect(
      unmetJuryRequirements(
        ROAD,
        { licenceCategories: ['CE'], cqcValidUntil: '2030-01-01' },
        SESSION,
      ),
    ).toEqual([]);
  });

  it('names the missing licence and CQC', () => {
    expect(
      unmetJuryRequirements(ROAD, { licenceCategories: [], cqcValidUntil: null }, SESSION),
    ).toEqual([
      'permis de catégorie C ou D (aucune catégorie de permis enregistrée)',
      'CQC (carte de qualification de conducteur) non enregistrée',
    ]);
    expect(
      unmetJuryRequirements(ROAD, { licenceCategories: ['B'], cqcValidUntil: null }, SESSION)[0],
    ).toBe('permis de catégorie C ou D (catégories enregistrées : B)');
  });

  it('refuses a CQC that ends during the session (multi-day session)', () => {
    expect(
      unmetJuryRequirements(
        ROAD,
        { licenceCategories: ['C'], cqcValidUntil: '2027-06-17' },
        SESSION,
      ),
    ).toEqual([
      'CQC valable seulement jusqu’au 17/06/2027, avant la fin de la session le 18/06/2027',
    ]);
  });

  it('words the warning shown where the juror is chosen and on the convocation', () => {
    expect(
      requirementsWarning(
        ROAD,
        { licenceCategories: ['C'], cqcValidUntil: null },
        SESSION,
        'CTRMP',
      ),
    ).toBe(
      'exigences du titre CTRMP pour le jury non remplies : CQC (carte de qualification de conducteur) non enregistrée',
    );
    expect(
      requirementsWarning(
        ROAD,
        { licenceCategories: ['C'], cqcValidUntil: '2028-01-01' },
        SESSION,
        'CTRMP',
      ),
    ).toBeNull();
    expect(describeRequirements(ROAD)).toBe(
      'permis de conduire de catégorie C ou D et carte de qualification de conducteur (CQC) en cours de validité',
    );
  });

  it('refuses a requirement that asks for nothing', () => {
    expect(juryRequirementsError(null)).toBeNull();
    expect(juryRequirementsError(ROAD)).toBeNull();
    expect(juryRequirementsError({ licenceCategories: [], cqc: false, source: 'x' })?.field).toBe(
      'juryRequirements',
    );
  });

  it('carries its sources', () => {
    expect(JURY_SOURCES.JURY_REQUIREMENTS.summary).toContain('CQC');
    expect(JURY_SOURCES.JURY_REQUIREMENTS.article).toContain('n’a pas pu être confirmée');
    expect(JURY_SOURCES.JURY_HABILITATION_BASIS.summary).toContain('formateur du titre');
  });
});

function aJuror(overrides: Partial<ComplianceJuryMember> = {}): ComplianceJuryMember {
  return {
    juryMemberId: 'j1',
    lastName: 'Durand',
    firstName: 'Camille',
    role: 'JURY',
    convocationDate: '2027-05-03',
    attendance: null,
    arrivalTime: null,
    habilitations: [{ titreId: 't-road', validUntil: '2028-12-31', ccpCodes: [], basis: 'METIER' }],
    licenceCategories: ['C'],
    cqcValidUntil: '2029-01-31',
    ...overrides,
  };
}

function anInput(overrides: Partial<ComplianceInput> = {}): ComplianceInput {
  return {
    today: '2027-04-01',
    session: {
      id: 's-1',
      nature: 'TITRE',
      ccpCodes: [],
      startDate: '2027-06-14',
      endDate: '2027-06-18',
      status: 'PLANNED',
      ceresCreatedOn: null,
    },
    titre: {
      id: 't-road',
      code: 'CTRMP',
      label: 'Conducteur du transport routier de marchandises sur porteur',
      version: '2024',
      validUntil: '2029-12-31',
      prolongationUntil: null,
      ccps: [],
      juryRequirements: ROAD,
    },
    agrements: [],
    jury: [
      aJuror(),
      aJuror({
        juryMemberId: 'j2',
        lastName: 'Lefèvre',
        firstName: 'Hugo',
        licenceCategories: ['DE'],
      }),
    ],
    candidates: [],
    linkDeclarations: [],
    tasks: [],
    ...overrides,
  };
}

describe('checkJuryRequirements', () => {
  it('passes with evidence when every juror meets the titre’s requirements', () => {
    const check = checkJuryRequirements(anInput());
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      "Camille DURAND : permis C, CQC valable jusqu'au 31/01/2029.",
      'Camille DURAND : habilitation au titre de professionnel du métier.',
      "Hugo LEFÈVRE : permis DE, CQC valable jusqu'au 31/01/2029.",
      'Hugo LEFÈVRE : habilitation au titre de professionnel du métier.',
    ]);
  });

  it('blocks naming the juror and what is missing', () => {
    const check = checkJuryRequirements(
      anInput({
        jury: [
          aJuror(),
          aJuror({
            juryMemberId: 'j2',
            lastName: 'Lefèvre',
            firstName: 'Hugo',
            licenceCategories: ['B'],
            cqcValidUntil: '2027-06-16',
          }),
        ],
      }),
    );
    expect(check.status).toBe('fail');
    expect(check.findings).toEqual([
      {
        code: 'JURY_REQUIREMENTS',
        severity: 'blocking',
        message:
          'Hugo LEFÈVRE ne remplit pas les exigences du titre CTRMP pour le jury (permis de conduire de catégorie C ou D et carte de qualification de conducteur (CQC) en cours de validité) : permis de catégorie C ou D (catégories enregistrées : B) ; CQC valable seulement jusqu’au 16/06/2027, avant la fin de la session le 18/06/2027.',
        subject: { type: 'juryMember', id: 'j2' },
      },
    ]);
  });

  it('ignores invigilators and waits for a juror', () => {
    const check = checkJuryRequirements(
      anInput({ jury: [aJuror({ role: 'SURVEILLANT', licenceCategories: [] })] }),
    );
    expect(check.status).toBe('pending');
  });

  it('is not applicable to a titre without requirements', () => {
    const base = anInput();
    const check = checkJuryRequirements(
      anInput({ titre: { ...base.titre, juryRequirements: null } }),
    );
    expect(check.status).toBe('not_applicable');
    expect(check.note).toBe(
      'Le titre CTRMP ne fixe aucune exigence particulière aux membres du jury (permis, CQC).',
    );
  });

  it('warns when a CCP session’s juror is habilitated as trainer only', () => {
    const base = anInput();
    const check = checkJuryRequirements(
      anInput({
        session: { ...base.session, nature: 'CCP', ccpCodes: ['CCP1'] },
        titre: { ...base.titre, juryRequirements: null },
        jury: [
          aJuror({
            habilitations: [
              { titreId: 't-road', validUntil: '2028-12-31', ccpCodes: [], basis: 'FORMATEUR' },
            ],
          }),
        ],
      }),
    );
    expect(check.status).toBe('fail');
    expect(check.findings.map((f) => `${f.severity}: ${f.message}`)).toEqual([
      "warning: Camille DURAND est habilité(e) pour le titre CTRMP en qualité de formateur du titre : le jury d'une session CCP est composé de professionnels du métier.",
    ]);
  });
});
