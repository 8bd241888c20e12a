import {
  annualProgrammeDeadline,
  annualProgrammeProves,
  checkAgrementValid,
  checkAnnualProgramme,
  checkCandidateFiles,
  checkCandidatesConvened,
  checkJuryHabilitations,
  checkJuryMinimum,
  checkJuryNoLink,
  checkProviderConvention,
  checkJuryConvened,
  checkPvSent,
  effectiveDeadline,
  checkTitreValid,
  checkUdInformed,
  checkVaeRecevabilite,
  complianceChecksByTask,
  COMPLIANCE_CHECKS,
  isVerifiedByData,
  personName,
  pvDeadline,
  runComplianceChecks,
  type CheckResult,
  type ComplianceCandidate,
  type ComplianceInput,
  type ComplianceJuryMember,
} from './compliance-rules.js';
import { JURY_SOURCES } from './jury-sources.js';

// Session from Monday 14/06/2027 to Friday 18/06/2027.
// Deadlines: UD 14/03/2027, convocations 14/05/2027, PV 03/07/2027.

function aJuror(overrides: Partial<ComplianceJuryMember> = {}): ComplianceJuryMember {
  return {
    juryMemberId: 'j1',
    lastName: 'Durand',
    firstName: 'Camille',
    role: 'JURY',
    convocationDate: '2027-05-03',
    attendance: null,
    arrivalTime: null,
    habilitations: [{ titreId: 't-cda', validUntil: '2028-12-31', ccpCodes: [] }],
    ...overrides,
  };
}

function aCandidate(overrides: Partial<ComplianceCandidate> = {}): ComplianceCandidate {
  return {
    id: 'c1',
    personId: `p-${overrides.id ?? 'c1'}`,
    lastName: 'Martin',
    firstName: 'Paul',
    pathway: 'FORMATION',
    trainingStartDate: null,
    vaeNotifiedOn: null,
    vaeAllowedNatures: [],
    vaeValidUntil: null,
    vaeOverrideReason: '',
    trainerIds: [],
    titreSessions: [],
    convocationDate: '2027-05-03',
    convocationMode: 'HAND_DELIVERED',
    convocationProofKind: null,
    convocationProofOn: null,
    files: {
      ecfSignedByTrainingManager: true,
      ecfSignedByTrainer: true,
      ecfSignedByCandidate: true,
      dpSigned: true,
      recevabiliteCollected: false,
      certificationBooklet: false,
    },
    ...overrides,
  };
}

/** Every juror declared no link with every candidate. */
function declarationsFor(
  jury: ComplianceJuryMember[],
  candidates: ComplianceCandidate[],
): ComplianceInput['linkDeclarations'] {
  return jury.flatMap((j) =>
    candidates.map((c) => ({ juryMemberId: j.juryMemberId, candidateId: c.id, hasLink: false })),
  );
}

/** A fully compliant session; overrides replace whole top-level fields. */
function anInput(overrides: Partial<ComplianceInput> = {}): ComplianceInput {
  const jury = overrides.jury ?? [
    aJuror(),
    aJuror({ juryMemberId: 'j2', lastName: 'Lefèvre', firstName: 'Hugo' }),
    aJuror({
      juryMemberId: 's1',
      lastName: 'Petit',
      firstName: 'Anne',
      role: 'SURVEILLANT',
      habilitations: [],
    }),
  ];
  const candidates = overrides.candidates ?? [
    aCandidate(),
    aCandidate({
      id: 'c2',
      lastName: 'Bernard',
      firstName: 'Léa',
      pathway: 'VAE',
      vaeValidUntil: '2027-12-31',
      convocationDate: '2027-05-10',
      convocationMode: 'REGISTERED_MAIL',
      files: {
        ecfSignedByTrainingManager: false,
        ecfSignedByTrainer: false,
        ecfSignedByCandidate: false,
        dpSigned: true,
        recevabiliteCollected: true,
        certificationBooklet: false,
      },
    }),
  ];
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
      id: 't-cda',
      code: 'CDA',
      label: "Concepteur développeur d'applications",
      version: '2023',
      validUntil: '2028-12-31',
      prolongationUntil: null,
      ccps: [
        { code: 'CCP1', label: 'Développer une application sécurisée', kind: 'CCP' },
        {
          code: 'CCP2',
          label: 'Concevoir et développer une application sécurisée organisée en couches',
          kind: 'CCP',
        },
        { code: 'CCP3', label: 'Préparer le déploiement d’une application sécurisée', kind: 'CCP' },
        { code: 'CCS1', label: 'Développer une application mobile', kind: 'CCS' },
      ],
    },
    agrements: [{ id: 'a-1', ccsCode: null, validUntil: '2029-06-30', maxCandidates: 12 }],
    linkDeclarations: declarationsFor(jury, candidates),
    tasks: [
      { code: 'PLAN_INFORM_UD_SESSION', status: 'done', doneAt: '2027-03-01' },
      { code: 'AFTER_SEND_PV_UD', status: 'todo', doneAt: null },
    ],
    annualProgramme: { centreId: 'centre-1', year: 2027, sentOn: '2027-01-15' },
    ...overrides,
    jury,
    candidates,
  };
}

function messages(check: CheckResult): string[] {
  return check.findings.map((f) => `${f.severity}: ${f.message}`);
}

describe('personName', () => {
  it('writes the first name then the upper-cased last name', () => {
    expect(personName({ firstName: 'Camille', lastName: 'Le Gall' })).toBe('Camille LE GALL');
    expect(personName({ firstName: 'Léa', lastName: 'Bénard' })).toBe('Léa BÉNARD');
  });
});

describe('runComplianceChecks', () => {
  it('passes every check but the pending ones on a compliant session', () => {
    const report = runComplianceChecks(anInput());
    const statuses = Object.fromEntries(report.checks.map((c) => [c.code, c.status]));
    expect(statuses).toEqual({
      AGREMENT_VALID: 'pass',
      TITRE_VALID: 'pass',
      JURY_MINIMUM: 'pass',
      JURY_HABILITATIONS: 'pass',
      JURY_NO_LINK: 'pass',
      JURY_CONVENED: 'pass',
      JURY_REQUIREMENTS: 'not_applicable',
      VAE_RECEVABILITE: 'pass',
      CANDIDATES_CONVENED: 'pass',
      CANDIDATE_FILES: 'pass',
      UD_INFORMED: 'pass',
      PV_SENT: 'pending',
      PROVIDER_CONVENTION: 'not_applicable',
      ANNUAL_PROGRAMME: 'pass',
    });
    expect(report.blocking).toEqual([]);
    expect(report.warnings).toEqual([]);
    for (const check of report.checks.filter((c) => c.status === 'pass')) {
      expect(check.evidence.length).toBeGreaterThan(0);
    }
  });

  it('flattens findings into blocking and warnings', () => {
    const report = runComplianceChecks(
      anInput({
        agrements: [],
        titre: { ...anInput().titre, validUntil: '2027-06-16' },
      }),
    );
    expect(report.blocking.map((f) => f.code)).toContain('AGREMENT_VALID');
    expect(report.warnings.map((f) => f.code)).toContain('TITRE_VALID');
    expect(report.blocking.every((f) => f.severity === 'blocking')).toBe(true);
    expect(report.warnings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('makes every check not applicable for a cancelled session', () => {
    const base = anInput();
    const report = runComplianceChecks(
      anInput({ session: { ...base.session, status: 'CANCELLED' }, agrements: [], jury: [] }),
    );
    expect(report.checks).toHaveLength(COMPLIANCE_CHECKS.length);
    expect(report.checks.every((c) => c.status === 'not_applicable')).toBe(true);
    expect(report.checks.every((c) => c.findings.length === 0)).toBe(true);
    expect(report.blocking).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.checks[0].note).toBe(
      'La session est annulée : cette vérification est sans objet.',
    );
  });

  it('keeps the fixed check codes and task codes', () => {
    expect(COMPLIANCE_CHECKS.map((c) => [c.code, c.taskCodes])).toEqual([
      ['AGREMENT_VALID', ['PLAN_CHECK_AGREMENT_CERES', 'PLAN_CHECK_AGREMENT_LETTER']],
      ['TITRE_VALID', ['PLAN_CHECK_AGREMENT_CERES']],
      ['JURY_MINIMUM', ['DAY_CHECK_TWO_JURORS']],
      ['JURY_HABILITATIONS', ['JURY_CHECK_HABILITATIONS']],
      ['JURY_NO_LINK', ['JURY_CHECK_NO_LINK', 'DAY_WELCOME_NO_LINK']],
      ['JURY_CONVENED', ['JURY_CONVENE_JURY']],
      ['JURY_REQUIREMENTS', []],
      ['VAE_RECEVABILITE', ['JURY_CHECK_VAE_RECEVABILITE', 'FILES_COLLECT_VAE_RECEVABILITE']],
      ['CANDIDATES_CONVENED', ['PACK_CONVENE_CANDIDATES']],
      [
        'CANDIDATE_FILES',
        [
          'FILES_CHECK_ECF_SIGNATURES',
          'FILES_CHECK_DP_SIGNATURE',
          'FILES_COLLECT_CERTIFICATION_RECORD',
          'DAY_CHECK_CANDIDATE_FILES',
        ],
      ],
      ['UD_INFORMED', ['PLAN_INFORM_UD_SESSION']],
      ['PV_SENT', ['AFTER_SEND_PV_UD']],
      ['PROVIDER_CONVENTION', []],
      ['ANNUAL_PROGRAMME', ['PLAN_ANNUAL_PROGRAMME']],
    ]);
  });
});

describe('checkAnnualProgramme', () => {
  const session = anInput().session;
  const page = '/centres/centre-1/obligations?year=2027';

  it('bounds 31 January by the session’s UD deadline (January–March sessions)', () => {
    expect(annualProgrammeDeadline('2027-06-14')).toBe('2027-01-31');
    expect(annualProgrammeDeadline('2027-03-10')).toBe('2026-12-10');
    expect(annualProgrammeDeadline('2027-01-18')).toBe('2026-10-18');
  });

  it('passes with the centre’s programme as evidence: the task is proven by the data', () => {
    const check = checkAnnualProgramme(anInput());
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      `Programme annuel 2027 du centre communiqué le 15/01/2027 (voir ${page}).`,
    ]);
    const byTask = complianceChecksByTask(runComplianceChecks(anInput()));
    expect(isVerifiedByData(byTask.get('PLAN_ANNUAL_PROGRAMME'))).toBe(true);
  });

  it('is pending with a note before the deadline when not sent', () => {
    const check = checkAnnualProgramme({
      ...anInput({ annualProgramme: { centreId: 'centre-1', year: 2027, sentOn: null } }),
      today: '2027-01-10',
    });
    expect(check.status).toBe('pending');
    expect(check.findings).toEqual([]);
    expect(check.note).toBe(
      `Programme annuel 2027 du centre à communiquer au plus tard le 31/01/2027 (à enregistrer sur ${page}).`,
    );
  });

  it('warns once the deadline has passed when not sent', () => {
    const check = checkAnnualProgramme(
      anInput({ annualProgramme: { centreId: 'centre-1', year: 2027, sentOn: null } }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      `warning: Le programme annuel 2027 du centre n’est pas enregistré comme communiqué alors que l’échéance du 31/01/2027 est dépassée (à enregistrer sur ${page}).`,
    ]);
  });

  it('warns when sent after a March session’s UD deadline', () => {
    const check = checkAnnualProgramme({
      ...anInput({ session: { ...session, startDate: '2027-03-10', endDate: '2027-03-12' } }),
      today: '2027-02-01',
    });
    expect(messages(check)).toEqual([
      `warning: Programme annuel 2027 du centre communiqué le 15/01/2027, après l’échéance du 10/12/2026 pour cette session (voir ${page}).`,
    ]);
  });

  it('agrees with annualProgrammeProves (the session list’s shortcut)', () => {
    const cases: [string, string | null, string][] = [
      ['2027-06-14', '2027-01-15', 'PLANNED'],
      ['2027-06-14', null, 'PLANNED'],
      ['2027-03-10', '2027-01-15', 'PLANNED'],
      ['2027-03-10', '2026-12-10', 'HELD'],
    ];
    for (const [startDate, sentOn, status] of cases) {
      const input = anInput({
        session: { ...session, startDate, endDate: startDate, status: status as 'PLANNED' },
        annualProgramme: { centreId: 'centre-1', year: 2027, sentOn },
      });
      expect([startDate, sentOn, annualProgrammeProves({ startDate, status }, sentOn)]).toEqual([
        startDate,
        sentOn,
        checkAnnualProgramme(input).status === 'pass',
      ]);
    }
    expect(
      annualProgrammeProves({ startDate: '2027-06-14', status: 'CANCELLED' }, '2027-01-15'),
    ).toBe(false);
  });

  it('is not applicable when the programme was not read', () => {
    const check = checkAnnualProgramme(anInput({ annualProgramme: undefined }));
    expect(check.status).toBe('not_applicable');
  });
});

describe('complianceChecksByTask', () => {
  it('maps each task code to the checks supporting it', () => {
    const byTask = complianceChecksByTask(runComplianceChecks(anInput()));
    expect(byTask.get('PLAN_CHECK_AGREMENT_CERES')?.map((c) => c.code)).toEqual([
      'AGREMENT_VALID',
      'TITRE_VALID',
    ]);
    expect(byTask.get('DAY_WELCOME_NO_LINK')?.map((c) => c.code)).toEqual(['JURY_NO_LINK']);
    expect(byTask.has('PLAN_SCHEDULE_YEAR')).toBe(false);
    expect(isVerifiedByData(byTask.get('PLAN_CHECK_AGREMENT_CERES'))).toBe(true);
    expect(isVerifiedByData(byTask.get('AFTER_SEND_PV_UD'))).toBe(false);
    expect(isVerifiedByData(byTask.get('PLAN_SCHEDULE_YEAR'))).toBe(false);
  });

  it('does not verify a task when one of its checks fails', () => {
    const input = anInput({ titre: { ...anInput().titre, validUntil: '2027-01-31' } });
    const byTask = complianceChecksByTask(runComplianceChecks(input));
    expect(isVerifiedByData(byTask.get('PLAN_CHECK_AGREMENT_CERES'))).toBe(false);
    expect(isVerifiedByData(byTask.get('PLAN_CHECK_AGREMENT_LETTER'))).toBe(true);
  });
});

describe('AGREMENT_VALID', () => {
  it('passes with evidence when the agrément covers the session and its capacity', () => {
    const check = checkAgrementValid(anInput());
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      "Agrément valable jusqu'au 30/06/2029, au-delà de la fin de la session le 18/06/2027.",
      "2 candidats inscrits pour un maximum de 12 autorisé par l'agrément.",
    ]);
  });

  it('names the start of an agrément in force before the session as evidence', () => {
    const check = checkAgrementValid(
      anInput({
        agrements: [
          {
            id: 'a-1',
            ccsCode: null,
            validFrom: '2027-06-14',
            validUntil: '2029-06-30',
            maxCandidates: 12,
          },
        ],
      }),
    );
    expect(check.status).toBe('pass');
    expect(check.evidence[0]).toBe(
      'Agrément en vigueur depuis le 14/06/2027, au plus tard le début de la session le 14/06/2027.',
    );
  });

  it('refuses a session that starts before the agrément’s start (validFrom)', () => {
    const check = checkAgrementValid(
      anInput({
        agrements: [
          {
            id: 'a-2',
            ccsCode: null,
            validFrom: '2027-06-15',
            validUntil: '2029-06-30',
            maxCandidates: 12,
          },
        ],
      }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "blocking: L'agrément ne prend effet que le 15/06/2027, après le début de la session le 14/06/2027.",
    ]);
    expect(check.findings[0].subject).toEqual({ type: 'agrement', id: 'a-2' });
  });

  it('uses the agrément in force at the start rather than a later, more durable one', () => {
    const check = checkAgrementValid(
      anInput({
        agrements: [
          {
            id: 'a-old',
            ccsCode: null,
            validFrom: '2024-01-01',
            validUntil: '2027-12-31',
            maxCandidates: 12,
          },
          {
            id: 'a-new',
            ccsCode: null,
            validFrom: '2028-01-01',
            validUntil: '2031-12-31',
            maxCandidates: 12,
          },
        ],
      }),
    );
    expect(check.status).toBe('pass');
  });

  it('blocks when there is no agrément', () => {
    const check = checkAgrementValid(anInput({ agrements: [] }));
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "blocking: Aucun agrément n'est enregistré pour le centre, le site et le titre CDA de la session.",
    ]);
    expect(check.evidence).toEqual([]);
  });

  it('blocks when the agrément ends before the session end date', () => {
    const check = checkAgrementValid(
      anInput({
        agrements: [{ id: 'a-1', ccsCode: null, validUntil: '2027-06-15', maxCandidates: 12 }],
      }),
    );
    expect(check.status).toBe('fail');
    expect(check.findings[0]).toEqual({
      code: 'AGREMENT_VALID',
      severity: 'blocking',
      message:
        "L'agrément n'est valable que jusqu'au 15/06/2027, avant la fin de la session le 18/06/2027.",
      subject: { type: 'agrement', id: 'a-1' },
    });
  });

  it('accepts an agrément ending on the session end date', () => {
    const check = checkAgrementValid(
      anInput({
        agrements: [{ id: 'a-1', ccsCode: null, validUntil: '2027-06-18', maxCandidates: 12 }],
      }),
    );
    expect(check.status).toBe('pass');
  });

  it('blocks when there are more candidates than allowed, naming the numbers', () => {
    const check = checkAgrementValid(
      anInput({
        agrements: [{ id: 'a-1', ccsCode: null, validUntil: '2029-06-30', maxCandidates: 1 }],
      }),
    );
    expect(messages(check)).toEqual([
      "blocking: La session compte 2 candidats inscrits alors que l'agrément en autorise au plus 1.",
    ]);
  });
});

describe('TITRE_VALID', () => {
  it('passes when the titre version is valid through the session', () => {
    const check = checkTitreValid(anInput());
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      "Titre CDA (version 2023) valable jusqu'au 31/12/2028, au-delà de la fin de la session le 18/06/2027.",
    ]);
  });

  it('blocks when the prolongation year has ended before the start date, naming its end', () => {
    const check = checkTitreValid(
      anInput({ titre: { ...anInput().titre, validUntil: '2026-06-13' } }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "blocking: Le titre CDA (version 2023) n'est valable que jusqu'au 13/06/2026 et son délai de prolongation a pris fin le 13/06/2027, avant le début de la session le 14/06/2027 : aucune session ne peut plus être organisée sur cette version du titre.",
    ]);
    expect(check.findings[0].subject).toEqual({ type: 'titre', id: 't-cda' });
  });

  it('counts the prolongation year to the prolongation end set by hand', () => {
    const titre = { ...anInput().titre, validUntil: '2027-01-31', prolongationUntil: '2027-05-31' };
    const check = checkTitreValid(anInput({ titre }));
    expect(messages(check)).toEqual([
      "blocking: Le titre CDA (version 2023) n'est valable que jusqu'au 31/01/2027 et son délai de prolongation a pris fin le 31/05/2027, avant le début de la session le 14/06/2027 : aucune session ne peut plus être organisée sur cette version du titre.",
    ]);
  });

  it('warns when the titre version ends during the session', () => {
    const check = checkTitreValid(
      anInput({ titre: { ...anInput().titre, validUntil: '2027-06-14' } }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      'warning: Le titre CDA (version 2023) prend fin le 14/06/2027, pendant la session (du 14/06/2027 au 18/06/2027).',
    ]);
  });
});

// The titre CDA ended on 31/03/2027: the session of 14–18/06/2027 is in its prolongation year
// (to 31/03/2028). Paul MARTIN partly succeeded at a titre session in January 2027.
describe('prolongation year', () => {
  const partial: ComplianceCandidate['titreSessions'] = [
    {
      sessionId: 's-0',
      nature: 'TITRE',
      startDate: '2027-01-11',
      endDate: '2027-01-15',
      ccpCodes: [],
      attendance: 'PRESENT',
      results: [
        { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
        { ccpCode: 'CCP2', outcome: 'NOT_ACQUIRED' },
        { ccpCode: 'CCP3', outcome: 'ACQUIRED' },
      ],
    },
  ];
  const failedPaul = aCandidate({ titreSessions: partial });
  const trainedLea = aCandidate({
    id: 'c2',
    lastName: 'Bernard',
    firstName: 'Léa',
    trainingStartDate: '2027-02-01',
  });
  const newcomer = aCandidate({
    id: 'c3',
    lastName: 'Roux',
    firstName: 'Inès',
    trainingStartDate: '2027-04-03',
  });

  function inProlongation(overrides: Partial<ComplianceInput> = {}): ComplianceInput {
    const base = anInput();
    return anInput({
      titre: { ...base.titre, validUntil: '2027-03-31' },
      session: { ...base.session, nature: 'CCP', ccpCodes: ['CCP2'], ceresCreatedOn: '2027-03-15' },
      candidates: [failedPaul, trainedLea],
      agrements: [{ id: 'a-1', ccsCode: null, validUntil: '2027-03-31', maxCandidates: 12 }],
      ...overrides,
    });
  }

  it('allows the session when every candidate is eligible and CERES was on time, with evidence', () => {
    const check = checkTitreValid(inProlongation());
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      "Session du délai de prolongation du titre CDA (version 2023) : fin de validité le 31/03/2027, prolongation jusqu'au 31/03/2028.",
      'Session créée dans CERES le 15/03/2027, au plus tard à la fin de validité du titre le 31/03/2027.',
      'Paul MARTIN : en réussite partielle lors d’une session précédente (session TITRE du 11/01/2027 au 15/01/2027).',
      'Léa BERNARD : formation commencée avant la fin de validité du titre (le 01/02/2027).',
    ]);
  });

  it('accepts a session created in CERES on the titre’s last day', () => {
    const base = inProlongation();
    const check = checkTitreValid(
      inProlongation({ session: { ...base.session, ceresCreatedOn: '2027-03-31' } }),
    );
    expect(check.status).toBe('pass');
  });

  it('blocks a candidate who is not eligible, naming them and why', () => {
    const check = checkTitreValid(inProlongation({ candidates: [failedPaul, newcomer] }));
    expect(check.status).toBe('fail');
    expect(check.findings).toEqual([
      {
        code: 'TITRE_VALID',
        severity: 'blocking',
        message:
          'Inès ROUX ne peut pas être présenté(e) pendant le délai de prolongation du titre CDA (fin de validité le 31/03/2027) : aucune session précédente de cette version du titre ne l’a vu(e) échouer ou réussir partiellement, et sa formation a commencé le 03/04/2027, après la fin de validité du titre.',
        subject: { type: 'candidate', id: 'c3' },
      },
    ]);
  });

  it('ignores the checked session itself in the candidate’s history', () => {
    const own = { ...partial[0], sessionId: 's-1' };
    const check = checkTitreValid(
      inProlongation({ candidates: [aCandidate({ titreSessions: [own] })] }),
    );
    expect(messages(check)).toEqual([
      expect.stringContaining('Paul MARTIN ne peut pas être présenté(e) pendant le délai'),
    ]);
  });

  it('blocks a session whose CERES creation date is missing or after the titre’s end', () => {
    const base = inProlongation();
    const missing = checkTitreValid(
      inProlongation({ session: { ...base.session, ceresCreatedOn: null } }),
    );
    expect(messages(missing)).toEqual([
      'blocking: La session commence le 14/06/2027, pendant le délai de prolongation du titre CDA (fin de validité le 31/03/2027) : la date de création de la session dans CERES n’est pas renseignée ; elle devait être créée au plus tard le 31/03/2027.',
    ]);
    expect(missing.findings[0].subject).toEqual({ type: 'titre', id: 't-cda' });
    const late = checkTitreValid(
      inProlongation({ session: { ...base.session, ceresCreatedOn: '2027-04-01' } }),
    );
    expect(messages(late)).toEqual([
      'blocking: La session commence le 14/06/2027, pendant le délai de prolongation du titre CDA : elle a été créée dans CERES le 01/04/2027, après la fin de validité du titre le 31/03/2027 ; une session du délai de prolongation doit être créée dans CERES au plus tard ce jour-là.',
    ]);
  });

  it('is pending without candidates, saying who may be enrolled', () => {
    const check = checkTitreValid(inProlongation({ candidates: [] }));
    expect(check.status).toBe('pending');
    expect(check.findings).toEqual([]);
    expect(check.note).toBe(
      "Session du délai de prolongation du titre CDA (fin de validité le 31/03/2027) : aucun candidat n'est encore inscrit ; chacun devra avoir échoué ou réussi partiellement à une session précédente de cette version du titre, ou avoir commencé sa formation au plus tard le 31/03/2027.",
    );
  });

  it('lets an agrément ending with the titre cover an allowed session, saying so', () => {
    const check = checkAgrementValid(inProlongation());
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      "Agrément valable jusqu'au 31/03/2027, fin de validité du titre CDA : il couvre la session, qui se tient pendant le délai de prolongation du titre (jusqu'au 31/03/2028) et y est admise.",
      "2 candidats inscrits pour un maximum de 12 autorisé par l'agrément.",
    ]);
  });

  it('blocks the agrément ending with the titre when the prolongation year does not allow the session', () => {
    const check = checkAgrementValid(inProlongation({ candidates: [failedPaul, newcomer] }));
    expect(messages(check)).toEqual([
      "blocking: L'agrément n'est valable que jusqu'au 31/03/2027, avant la fin de la session le 18/06/2027 : il ne couvre une session du délai de prolongation du titre CDA (jusqu'au 31/03/2028) que si celle-ci y est admise, ce qui n'est pas le cas (voir la vérification de la version du titre).",
    ]);
  });

  it('still blocks an agrément ending before the titre', () => {
    const check = checkAgrementValid(
      inProlongation({
        agrements: [{ id: 'a-1', ccsCode: null, validUntil: '2027-03-30', maxCandidates: 12 }],
      }),
    );
    expect(messages(check)).toEqual([
      "blocking: L'agrément n'est valable que jusqu'au 30/03/2027, avant la fin de la session le 18/06/2027.",
    ]);
  });

  it('names the prolongation end once it is over', () => {
    const base = inProlongation();
    const check = checkAgrementValid(
      inProlongation({ titre: { ...base.titre, prolongationUntil: '2027-05-31' } }),
    );
    expect(messages(check)).toEqual([
      "blocking: L'agrément n'est valable que jusqu'au 31/03/2027, avant la fin de la session le 18/06/2027 ; le délai de prolongation du titre CDA a pris fin le 31/05/2027.",
    ]);
  });

  it('puts both checks in the report’s blocking findings for a new candidate', () => {
    const report = runComplianceChecks(inProlongation({ candidates: [newcomer] }));
    expect(report.blocking.map((f) => f.code)).toEqual(
      expect.arrayContaining(['AGREMENT_VALID', 'TITRE_VALID']),
    );
    const allowed = runComplianceChecks(inProlongation());
    expect(allowed.blocking.filter((f) => f.code.match(/AGREMENT|TITRE/))).toEqual([]);
  });
});

describe('CCS agrément', () => {
  const ccsSession = (): Partial<ComplianceInput> => ({
    session: { ...anInput().session, nature: 'CCS', ccpCodes: ['CCS1'] },
  });

  it('blocks a CCS session with only the titre’s agrément, naming the CCS', () => {
    const check = checkAgrementValid(anInput(ccsSession()));
    expect(check.status).toBe('fail');
    expect(check.findings).toEqual([
      {
        code: 'AGREMENT_VALID',
        severity: 'blocking',
        message:
          "Aucun agrément n'est enregistré pour le CCS CCS1 du titre CDA au centre et au site de la session : une session CCS nécessite l'agrément de chacun de ses CCS, celui du titre ne suffit pas.",
        subject: { type: 'session', id: 's-1' },
      },
    ]);
  });

  it('passes with the CCS’s own agrément valid to the session end', () => {
    const check = checkAgrementValid(
      anInput({
        ...ccsSession(),
        agrements: [
          { id: 'a-1', ccsCode: null, validUntil: '2029-06-30', maxCandidates: 12 },
          { id: 'a-2', ccsCode: 'CCS1', validUntil: '2027-06-18', maxCandidates: 4 },
        ],
      }),
    );
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      "Agrément du CCS CCS1 valable jusqu'au 18/06/2027, au-delà de la fin de la session le 18/06/2027.",
      "2 candidats inscrits pour un maximum de 4 autorisé par l'agrément du CCS CCS1.",
    ]);
  });

  it('checks the CCS agrément’s own end date and capacity', () => {
    const check = checkAgrementValid(
      anInput({
        ...ccsSession(),
        agrements: [{ id: 'a-2', ccsCode: 'CCS1', validUntil: '2027-06-15', maxCandidates: 1 }],
      }),
    );
    expect(messages(check)).toEqual([
      "blocking: L'agrément du CCS CCS1 n'est valable que jusqu'au 15/06/2027, avant la fin de la session le 18/06/2027.",
      "blocking: La session compte 2 candidats inscrits alors que l'agrément du CCS CCS1 en autorise au plus 1.",
    ]);
    expect(check.findings[0].subject).toEqual({ type: 'agrement', id: 'a-2' });
  });

  it('does not take a CCS agrément for the titre’s on a TITRE or CCP session', () => {
    const base = anInput();
    for (const session of [
      base.session,
      { ...base.session, nature: 'CCP' as const, ccpCodes: ['CCP1'] },
    ]) {
      const check = checkAgrementValid(
        anInput({
          session,
          agrements: [{ id: 'a-2', ccsCode: 'CCS1', validUntil: '2029-06-30', maxCandidates: 12 }],
        }),
      );
      expect(messages(check)).toEqual([
        "blocking: Aucun agrément n'est enregistré pour le centre, le site et le titre CDA de la session.",
      ]);
    }
  });

  it('uses the most durable agrément of each kind', () => {
    const check = checkAgrementValid(
      anInput({
        agrements: [
          { id: 'a-old', ccsCode: null, validUntil: '2027-01-31', maxCandidates: 12 },
          { id: 'a-new', ccsCode: null, validUntil: '2029-06-30', maxCandidates: 12 },
        ],
      }),
    );
    expect(check.status).toBe('pass');
  });
});

describe('JURY_MINIMUM', () => {
  it('passes with two jurors, ignoring other staff', () => {
    const check = checkJuryMinimum(anInput());
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      '2 membres de jury affectés à la session : Camille DURAND et Hugo LEFÈVRE.',
    ]);
  });

  it('blocks with a single juror, giving the number', () => {
    const check = checkJuryMinimum(
      anInput({ jury: [aJuror(), aJuror({ juryMemberId: 'x', role: 'COMEDIEN' })] }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      'blocking: Seulement 1 membre de jury est affecté à la session (Camille DURAND) : il en faut au moins 2.',
    ]);
  });

  it('counts the same juror once', () => {
    const check = checkJuryMinimum(anInput({ jury: [aJuror(), aJuror()] }));
    expect(check.status).toBe('fail');
  });

  it('blocks without any juror', () => {
    const check = checkJuryMinimum(anInput({ jury: [] }));
    expect(messages(check)).toEqual([
      "blocking: Aucun membre de jury n'est affecté à la session : il en faut au moins 2.",
    ]);
  });
});

describe('JURY_MINIMUM once the session has started (attendance)', () => {
  const started = (jury: ComplianceJuryMember[], today = '2027-06-14') =>
    checkJuryMinimum({ ...anInput({ jury }), today });

  it('still counts assignments the day before the start', () => {
    const check = started(
      [aJuror(), aJuror({ juryMemberId: 'j2', lastName: 'Lefèvre' })],
      '2027-06-13',
    );
    expect(check.status).toBe('pass');
  });

  it('passes on the first day with two jurors recorded present, with their arrival time', () => {
    const check = started([
      aJuror({ attendance: 'PRESENT', arrivalTime: '08:15' }),
      aJuror({ juryMemberId: 'j2', lastName: 'Lefèvre', firstName: 'Hugo', attendance: 'PRESENT' }),
      aJuror({ juryMemberId: 'j3', lastName: 'Roux', firstName: 'Inès', attendance: 'ABSENT' }),
    ]);
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      '2 membres de jury présents : Camille DURAND (arrivée à 08h15) et Hugo LEFÈVRE.',
    ]);
  });

  it('blocks with the names when two are assigned but one is absent', () => {
    const check = started([
      aJuror({ attendance: 'PRESENT', arrivalTime: '08:15' }),
      aJuror({ juryMemberId: 'j2', lastName: 'Lefèvre', firstName: 'Hugo', attendance: 'ABSENT' }),
    ]);
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      'blocking: Seulement 1 membre de jury est enregistré présent (Camille DURAND (arrivée à 08h15)) : il en faut au moins 2 (absent(e) : Hugo LEFÈVRE).',
    ]);
  });

  it('blocks when no attendance is recorded, naming the jurors not recorded', () => {
    const check = started(
      [aJuror(), aJuror({ juryMemberId: 'j2', lastName: 'Lefèvre', firstName: 'Hugo' })],
      '2027-06-16',
    );
    expect(messages(check)).toEqual([
      "blocking: Aucun membre de jury n'est enregistré présent : il en faut au moins 2 (présence non enregistrée : Camille DURAND et Hugo LEFÈVRE).",
    ]);
  });

  it('ignores a surveillant recorded present', () => {
    const check = started([
      aJuror({ attendance: 'PRESENT' }),
      aJuror({ juryMemberId: 's1', role: 'SURVEILLANT', attendance: 'PRESENT' }),
    ]);
    expect(check.status).toBe('fail');
  });

  it('carries the source of the rule', () => {
    expect(JURY_SOURCES.JURY_TWO_PRESENT.referenceCode).toBe('RGS-2016');
    expect(JURY_SOURCES.JURY_NO_LINK.summary).toContain('pédagogique');
  });
});

describe('JURY_HABILITATIONS', () => {
  it('passes with evidence naming each juror and the date', () => {
    const check = checkJuryHabilitations(anInput());
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      "Camille DURAND : habilitation pour le titre CDA valable jusqu'au 31/12/2028.",
      "Hugo LEFÈVRE : habilitation pour le titre CDA valable jusqu'au 31/12/2028.",
    ]);
  });

  it('blocks a juror without habilitation for the titre', () => {
    const check = checkJuryHabilitations(
      anInput({
        jury: [
          aJuror({
            habilitations: [{ titreId: 't-other', validUntil: '2030-01-01', ccpCodes: [] }],
          }),
          aJuror({ juryMemberId: 'j2', lastName: 'Lefèvre', firstName: 'Hugo' }),
        ],
      }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "blocking: Camille DURAND n'a pas d'habilitation pour le titre CDA.",
    ]);
    expect(check.findings[0].subject).toEqual({ type: 'juryMember', id: 'j1' });
  });

  it('blocks a habilitation ending before the session end date', () => {
    const check = checkJuryHabilitations(
      anInput({
        jury: [
          aJuror({ habilitations: [{ titreId: 't-cda', validUntil: '2027-06-17', ccpCodes: [] }] }),
          aJuror({ juryMemberId: 'j2', lastName: 'Lefèvre', firstName: 'Hugo' }),
        ],
      }),
    );
    expect(messages(check)).toEqual([
      "blocking: L'habilitation de Camille DURAND pour le titre CDA n'est valable que jusqu'au 17/06/2027, avant la fin de la session le 18/06/2027.",
    ]);
  });

  it("caps the habilitation at the titre's end of validity", () => {
    const base = anInput();
    const check = checkJuryHabilitations(
      anInput({ titre: { ...base.titre, validUntil: '2027-06-16' } }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "blocking: L'habilitation de Camille DURAND pour le titre CDA n'est valable que jusqu'au 16/06/2027 (fin de validité du titre), avant la fin de la session le 18/06/2027.",
      "blocking: L'habilitation de Hugo LEFÈVRE pour le titre CDA n'est valable que jusqu'au 16/06/2027 (fin de validité du titre), avant la fin de la session le 18/06/2027.",
    ]);
  });

  it('shows the cap by the titre in the evidence', () => {
    const base = anInput();
    const check = checkJuryHabilitations(
      anInput({ titre: { ...base.titre, validUntil: '2027-12-31' } }),
    );
    expect(check.status).toBe('pass');
    expect(check.evidence[0]).toBe(
      "Camille DURAND : habilitation pour le titre CDA valable jusqu'au 31/12/2027 (fin de validité du titre).",
    );
  });

  it('uses a later valid habilitation when an older one has expired', () => {
    const check = checkJuryHabilitations(
      anInput({
        jury: [
          aJuror({
            habilitations: [
              { titreId: 't-cda', validUntil: '2026-01-01', ccpCodes: [] },
              { titreId: 't-cda', validUntil: '2028-01-01', ccpCodes: [] },
            ],
          }),
          aJuror({ juryMemberId: 'j2', lastName: 'Lefèvre', firstName: 'Hugo' }),
        ],
      }),
    );
    expect(check.status).toBe('pass');
  });

  it('blocks a restricted habilitation missing some CCP of a CCP session', () => {
    const base = anInput();
    const check = checkJuryHabilitations(
      anInput({
        session: { ...base.session, nature: 'CCP', ccpCodes: ['CCP2', 'CCP3'] },
        jury: [
          aJuror({
            habilitations: [
              { titreId: 't-cda', validUntil: '2028-12-31', ccpCodes: ['CCP1', 'CCP2'] },
            ],
          }),
          aJuror({ juryMemberId: 'j2', lastName: 'Lefèvre', firstName: 'Hugo' }),
        ],
      }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "blocking: L'habilitation de Camille DURAND est limitée à CCP1 et CCP2 et ne couvre pas CCP3, au programme de la session.",
    ]);
  });

  it('accepts a restricted habilitation covering every CCP of the session', () => {
    const base = anInput();
    const check = checkJuryHabilitations(
      anInput({
        session: { ...base.session, nature: 'CCP', ccpCodes: ['CCP2'] },
        jury: [
          aJuror({
            habilitations: [
              { titreId: 't-cda', validUntil: '2028-12-31', ccpCodes: ['CCP1', 'CCP2'] },
            ],
          }),
          aJuror({ juryMemberId: 'j2', lastName: 'Lefèvre', firstName: 'Hugo' }),
        ],
      }),
    );
    expect(check.status).toBe('pass');
    expect(check.evidence[0]).toBe(
      "Camille DURAND : habilitation pour le titre CDA valable jusqu'au 31/12/2028, couvrant CCP2.",
    );
  });

  it('only warns about a restricted habilitation on a TITRE session', () => {
    const check = checkJuryHabilitations(
      anInput({
        jury: [
          aJuror({
            habilitations: [{ titreId: 't-cda', validUntil: '2028-12-31', ccpCodes: ['CCP1'] }],
          }),
          aJuror({ juryMemberId: 'j2', lastName: 'Lefèvre', firstName: 'Hugo' }),
        ],
      }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "warning: L'habilitation de Camille DURAND est limitée à CCP1 : ce membre du jury ne pourra évaluer que ces CCP.",
    ]);
  });

  it('does not ask a TITRE session juror to be habilitated for the CCS', () => {
    const check = checkJuryHabilitations(
      anInput({
        jury: [
          aJuror({
            habilitations: [
              { titreId: 't-cda', validUntil: '2028-12-31', ccpCodes: ['CCP1', 'CCP2', 'CCP3'] },
            ],
          }),
          aJuror({ juryMemberId: 'j2', lastName: 'Lefèvre', firstName: 'Hugo' }),
        ],
      }),
    );
    expect(check.status).toBe('pass');
    expect(check.evidence[0]).toBe(
      "Camille DURAND : habilitation pour le titre CDA valable jusqu'au 31/12/2028, couvrant tous les CCP du titre.",
    );
  });

  it('is pending while no juror is assigned', () => {
    expect(checkJuryHabilitations(anInput({ jury: [] })).status).toBe('pending');
  });
});

describe('JURY_NO_LINK', () => {
  it('passes when every juror declared no link with every candidate', () => {
    const check = checkJuryNoLink(anInput());
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      "Camille DURAND a déclaré l'absence de lien avec chacun des 2 candidats.",
      "Hugo LEFÈVRE a déclaré l'absence de lien avec chacun des 2 candidats.",
    ]);
  });

  it('blocks a missing declaration', () => {
    const base = anInput();
    const check = checkJuryNoLink(
      anInput({
        linkDeclarations: base.linkDeclarations.filter(
          (d) => !(d.juryMemberId === 'j2' && d.candidateId === 'c2'),
        ),
      }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "blocking: Hugo LEFÈVRE n'a pas déclaré l'absence de lien avec Léa BERNARD.",
    ]);
  });

  it('warns about a declared link when two other jurors remain', () => {
    const jury = [
      aJuror(),
      aJuror({ juryMemberId: 'j2', lastName: 'Lefèvre', firstName: 'Hugo' }),
      aJuror({ juryMemberId: 'j3', lastName: 'Roux', firstName: 'Inès' }),
    ];
    const candidates = [aCandidate()];
    const check = checkJuryNoLink(
      anInput({
        jury,
        candidates,
        linkDeclarations: declarationsFor(jury, candidates).map((d) =>
          d.juryMemberId === 'j3' ? { ...d, hasLink: true } : d,
        ),
      }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "warning: Inès ROUX a déclaré un lien avec Paul MARTIN et ne peut donc pas l'évaluer.",
    ]);
  });

  it('blocks when a link leaves a candidate with fewer than two jurors', () => {
    const base = anInput();
    const check = checkJuryNoLink(
      anInput({
        linkDeclarations: base.linkDeclarations.map((d) =>
          d.juryMemberId === 'j1' && d.candidateId === 'c1' ? { ...d, hasLink: true } : d,
        ),
      }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "warning: Camille DURAND a déclaré un lien avec Paul MARTIN et ne peut donc pas l'évaluer.",
      'blocking: Seul 1 membre du jury sans lien déclaré (Hugo LEFÈVRE) peut évaluer Paul MARTIN : il en faut au moins 2.',
    ]);
    expect(check.findings[1].subject).toEqual({ type: 'candidate', id: 'c1' });
  });

  it('excludes a juror who trained the candidate, naming both, whatever was declared', () => {
    const jury = [
      aJuror(),
      aJuror({ juryMemberId: 'j2', lastName: 'Lefèvre', firstName: 'Hugo' }),
      aJuror({ juryMemberId: 'j3', lastName: 'Roux', firstName: 'Inès' }),
    ];
    const candidates = [aCandidate({ trainerIds: ['j3'] })];
    const check = checkJuryNoLink(
      anInput({ jury, candidates, linkDeclarations: declarationsFor(jury, candidates) }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      'blocking: Inès ROUX a formé Paul MARTIN (lien pédagogique enregistré sur son inscription) : ce membre du jury est exclu de son évaluation.',
    ]);
    expect(check.findings[0].subject).toEqual({ type: 'juryMember', id: 'j3' });
  });

  it('counts a trainer out of the jurors who can evaluate the candidate', () => {
    const base = anInput();
    const check = checkJuryNoLink(
      anInput({ candidates: [base.candidates[0], { ...base.candidates[1], trainerIds: ['j1'] }] }),
    );
    expect(messages(check)).toEqual([
      'blocking: Camille DURAND a formé Léa BERNARD (lien pédagogique enregistré sur son inscription) : ce membre du jury est exclu de son évaluation.',
      'blocking: Seul 1 membre du jury sans lien déclaré (Hugo LEFÈVRE) peut évaluer Léa BERNARD : il en faut au moins 2.',
    ]);
  });

  it('ignores a trainer who is not assigned as juror', () => {
    const base = anInput();
    const check = checkJuryNoLink(
      anInput({ candidates: [{ ...base.candidates[0], trainerIds: ['s1', 'other'] }] }),
    );
    expect(check.status).toBe('pass');
  });

  it('is pending without any candidate', () => {
    const check = checkJuryNoLink(anInput({ candidates: [], linkDeclarations: [] }));
    expect(check.status).toBe('pending');
    expect(check.findings).toEqual([]);
  });
});

describe('JURY_CONVENED (15 days before the session)', () => {
  const jury = (dates: (string | null)[]) =>
    dates.map((convocationDate, i) =>
      aJuror({ juryMemberId: `j${i}`, lastName: `Juré${i}`, convocationDate }),
    );

  it('passes with each juror convened 15 days or more before the start', () => {
    const check = checkJuryConvened(anInput({ jury: jury(['2027-05-30']) }));
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      'Camille JURÉ0 convoqué(e) le 30/05/2027, 15 jours avant le début de la session.',
    ]);
  });

  it('warns about a convocation 14 days before the start, naming the rule', () => {
    const check = checkJuryConvened(anInput({ jury: jury(['2027-05-31']) }));
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "warning: Camille JURÉ0 a été convoqué(e) le 31/05/2027, 14 jours seulement avant le début de la session le 14/06/2027 : un juré salarié demande son autorisation d'absence au moins 15 jours avant.",
    ]);
  });

  it('is pending while a convocation is missing before the deadline, then warns', () => {
    const early = checkJuryConvened(anInput({ jury: jury([null]) }));
    expect(early.status).toBe('pending');
    expect(early.note).toBe(
      'Convocations des membres du jury à envoyer au plus tard le 30/05/2027.',
    );
    const late = checkJuryConvened({ ...anInput({ jury: jury([null]) }), today: '2027-05-30' });
    expect(messages(late)).toEqual([
      "warning: Camille JURÉ0 n'est pas enregistré(e) comme convoqué(e) : la convocation devait partir au plus tard le 30/05/2027, 15 jours avant le début de la session le 14/06/2027.",
    ]);
  });

  it('carries its source', () => {
    expect(JURY_SOURCES.JURY_CONVOCATION_NOTICE.summary).toContain('15 jours calendaires');
  });
});

describe('VAE_RECEVABILITE', () => {
  it('passes when the recevabilité is valid at the start date', () => {
    const check = checkVaeRecevabilite(anInput());
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual(["Léa BERNARD : recevabilité VAE valable jusqu'au 31/12/2027."]);
  });

  it('accepts a recevabilité ending on the start date', () => {
    const base = anInput();
    const check = checkVaeRecevabilite(
      anInput({ candidates: [{ ...base.candidates[1], vaeValidUntil: '2027-06-14' }] }),
    );
    expect(check.status).toBe('pass');
  });

  it('blocks an expired recevabilité, naming the candidate', () => {
    const base = anInput();
    const check = checkVaeRecevabilite(
      anInput({
        candidates: [base.candidates[0], { ...base.candidates[1], vaeValidUntil: '2027-06-13' }],
      }),
    );
    expect(check.status).toBe('fail');
    expect(check.findings).toEqual([
      {
        code: 'VAE_RECEVABILITE',
        severity: 'blocking',
        message:
          "La recevabilité VAE de Léa BERNARD n'est valable que jusqu'au 13/06/2027, avant le début de la session le 14/06/2027.",
        subject: { type: 'candidate', id: 'c2' },
      },
    ]);
  });

  it('blocks a missing end of validity', () => {
    const base = anInput();
    const check = checkVaeRecevabilite(
      anInput({ candidates: [{ ...base.candidates[1], vaeValidUntil: null }] }),
    );
    expect(messages(check)).toEqual([
      "blocking: La date de fin de validité de la recevabilité VAE de Léa BERNARD n'est pas renseignée.",
    ]);
  });

  it('blocks a session nature the recevabilité does not allow, naming both', () => {
    const base = anInput();
    const check = checkVaeRecevabilite(
      anInput({ candidates: [{ ...base.candidates[1], vaeAllowedNatures: ['CCP', 'CCS'] }] }),
    );
    expect(messages(check)).toEqual([
      'blocking: La recevabilité VAE de Léa BERNARD autorise une session CCP ou CCS ; la session est une session TITRE.',
    ]);
    const allowed = checkVaeRecevabilite(
      anInput({ candidates: [{ ...base.candidates[1], vaeAllowedNatures: ['TITRE'] }] }),
    );
    expect(allowed.evidence).toEqual([
      "Léa BERNARD : recevabilité VAE valable jusqu'au 31/12/2027, pour une session TITRE.",
    ]);
  });

  it('checks a notified recevabilité with the VAE rules: nature, notification and one year', () => {
    const base = anInput();
    const notified = {
      ...base.candidates[1],
      vaeNotifiedOn: '2026-07-01',
      vaeValidUntil: '2027-07-01',
      vaeAllowedNatures: ['TITRE' as const],
    };
    const ok = checkVaeRecevabilite(anInput({ candidates: [notified] }));
    expect(ok.status).toBe('pass');
    expect(ok.evidence).toEqual([
      "Léa BERNARD : recevabilité VAE notifiée le 01/07/2026, pour une session TITRE, valable jusqu'au 01/07/2027.",
    ]);
    const wrong = checkVaeRecevabilite(
      anInput({
        candidates: [
          {
            ...notified,
            vaeNotifiedOn: '2026-05-01',
            vaeValidUntil: '2027-05-01',
            vaeAllowedNatures: ['CCP'],
          },
        ],
      }),
    );
    expect(messages(wrong)).toEqual([
      'blocking: La recevabilité VAE de Léa BERNARD (notifiée le 01/05/2026) autorise une session CCP ; la session est une session TITRE.',
      'blocking: La recevabilité VAE de Léa BERNARD n’est valable que jusqu’au 01/05/2027 (un an après sa notification le 01/05/2026), avant le début de la session le 14/06/2027.',
    ]);
    const early = checkVaeRecevabilite(
      anInput({ candidates: [{ ...notified, vaeNotifiedOn: '2027-06-20', vaeValidUntil: null }] }),
    );
    expect(messages(early)).toEqual([
      'blocking: La session commence le 14/06/2027, avant la notification de la recevabilité VAE de Léa BERNARD (20/06/2027).',
    ]);
  });

  it('reads a validity set by hand with its reason', () => {
    const base = anInput();
    const check = checkVaeRecevabilite(
      anInput({
        candidates: [
          {
            ...base.candidates[1],
            vaeNotifiedOn: '2026-05-01',
            vaeValidUntil: '2027-06-01',
            vaeOverrideReason: 'Prorogation accordée par la DREETS',
          },
        ],
      }),
    );
    expect(messages(check)).toEqual([
      'blocking: La recevabilité VAE de Léa BERNARD n’est valable que jusqu’au 01/06/2027 (date fixée à la main : Prorogation accordée par la DREETS), avant le début de la session le 14/06/2027.',
    ]);
    const extended = checkVaeRecevabilite(
      anInput({
        candidates: [
          {
            ...base.candidates[1],
            vaeNotifiedOn: '2026-05-01',
            vaeValidUntil: '2027-06-30',
            vaeOverrideReason: 'Prorogation',
          },
        ],
      }),
    );
    expect(extended.status).toBe('pass');
  });

  it('is not applicable without VAE candidates', () => {
    const check = checkVaeRecevabilite(anInput({ candidates: [aCandidate()] }));
    expect(check.status).toBe('not_applicable');
    expect(check.findings).toEqual([]);
  });
});

describe('CANDIDATES_CONVENED', () => {
  it('passes when every candidate was convened on time with the mode recorded', () => {
    const check = checkCandidatesConvened(anInput());
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      "Paul MARTIN : convocation du 03/05/2027 remise en main propre contre décharge, avant l'échéance du 14/05/2027.",
      "Léa BERNARD : convocation du 10/05/2027 envoyée par lettre recommandée avec accusé de réception, avant l'échéance du 14/05/2027.",
    ]);
  });

  it('accepts a convocation on the deadline itself', () => {
    const check = checkCandidatesConvened(
      anInput({ candidates: [aCandidate({ convocationDate: '2027-05-14' })] }),
    );
    expect(check.status).toBe('pass');
  });

  it('is pending without warning when the deadline is more than 14 days away', () => {
    const check = checkCandidatesConvened(
      anInput({ candidates: [aCandidate({ convocationDate: null, convocationMode: null })] }),
    );
    expect(check.status).toBe('pending');
    expect(check.findings).toEqual([]);
  });

  it('is pending with a warning when the deadline is within 14 days', () => {
    const check = checkCandidatesConvened(
      anInput({
        today: '2027-04-30',
        candidates: [
          aCandidate(),
          aCandidate({
            id: 'c3',
            lastName: 'Girard',
            firstName: 'Zoé',
            convocationDate: null,
            convocationMode: null,
          }),
        ],
      }),
    );
    expect(check.status).toBe('pending');
    expect(messages(check)).toEqual([
      "warning: Zoé GIRARD n'a pas encore reçu de convocation : l'échéance est le 14/05/2027 (dans 14 jours).",
    ]);
  });

  it('blocks a candidate still not convened after the deadline', () => {
    const check = checkCandidatesConvened(
      anInput({
        today: '2027-05-15',
        candidates: [aCandidate({ convocationDate: null, convocationMode: null })],
      }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "blocking: Paul MARTIN n'a pas reçu de convocation alors que l'échéance du 14/05/2027 est dépassée.",
    ]);
  });

  it('blocks a late convocation', () => {
    const check = checkCandidatesConvened(
      anInput({
        today: '2027-05-20',
        candidates: [
          aCandidate({
            convocationDate: '2027-05-17',
            convocationProofKind: 'SIGNED_DISCHARGE',
            convocationProofOn: '2027-05-17',
          }),
        ],
      }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "blocking: La convocation de Paul MARTIN date du 17/05/2027, après l'échéance du 14/05/2027.",
    ]);
  });

  it('quotes the décharge or the accusé de réception in the evidence', () => {
    const check = checkCandidatesConvened(
      anInput({
        today: '2027-05-20',
        candidates: [
          aCandidate({
            convocationProofKind: 'SIGNED_DISCHARGE',
            convocationProofOn: '2027-05-03',
          }),
        ],
      }),
    );
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      "Paul MARTIN : convocation du 03/05/2027 remise en main propre contre décharge, avant l'échéance du 14/05/2027 ; décharge signée du 03/05/2027.",
    ]);
  });

  it('asks for no proof before the convocation deadline', () => {
    const check = checkCandidatesConvened(
      anInput({ today: '2027-05-14', candidates: [aCandidate()] }),
    );
    expect(check.status).toBe('pass');
    expect(check.findings).toEqual([]);
  });

  it('warns when the proof is still missing after the deadline, before the session', () => {
    const check = checkCandidatesConvened(
      anInput({
        today: '2027-05-15',
        candidates: [
          aCandidate({ convocationMode: 'REGISTERED_MAIL', convocationDate: '2027-05-10' }),
        ],
      }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "warning: La preuve de la convocation de Paul MARTIN (accusé de réception de la lettre recommandée) n'est pas encore enregistrée : elle doit l'être au plus tard le 14/06/2027, premier jour de la session.",
    ]);
  });

  it('blocks a convocation without proof on the first day of the session', () => {
    const check = checkCandidatesConvened(
      anInput({ today: '2027-06-14', candidates: [aCandidate()] }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "blocking: Aucune preuve de la convocation de Paul MARTIN n'est enregistrée (décharge signée par le candidat) alors que la session a commencé le 14/06/2027.",
    ]);
  });

  it('blocks a proof dated after the start of the session', () => {
    const check = checkCandidatesConvened(
      anInput({
        today: '2027-06-16',
        candidates: [
          aCandidate({
            convocationMode: 'REGISTERED_MAIL',
            convocationProofKind: 'RECEIPT_ACKNOWLEDGEMENT',
            convocationProofOn: '2027-06-15',
          }),
        ],
      }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      'blocking: La preuve de la convocation de Paul MARTIN (accusé de réception) est datée du 15/06/2027, après le début de la session le 14/06/2027.',
    ]);
    const onTheDay = checkCandidatesConvened(
      anInput({
        today: '2027-06-16',
        candidates: [
          aCandidate({
            convocationProofKind: 'SIGNED_DISCHARGE',
            convocationProofOn: '2027-06-14',
          }),
        ],
      }),
    );
    expect(onTheDay.status).toBe('pass');
  });

  it('blocks a convocation without its mode', () => {
    const check = checkCandidatesConvened(
      anInput({ candidates: [aCandidate({ convocationMode: null })] }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "blocking: Le mode de remise de la convocation de Paul MARTIN n'est pas renseigné (remise en main propre contre décharge ou lettre recommandée avec accusé de réception).",
    ]);
  });

  it('clamps the deadline to the end of the month', () => {
    const base = anInput();
    const check = checkCandidatesConvened(
      anInput({
        today: '2027-03-01',
        session: { ...base.session, startDate: '2027-03-31', endDate: '2027-04-02' },
        candidates: [
          aCandidate({
            convocationDate: '2027-03-01',
            convocationProofKind: 'SIGNED_DISCHARGE',
            convocationProofOn: '2027-03-01',
          }),
        ],
      }),
    );
    expect(messages(check)).toEqual([
      // 28/02/2027 is a Sunday: the convocation must be sent by Friday 26/02/2027.
      "blocking: La convocation de Paul MARTIN date du 01/03/2027, après l'échéance du 28/02/2027 ramenée au vendredi 26/02/2027 (le 28/02 est un dimanche).",
    ]);
  });

  it('warns when no candidate is registered', () => {
    const check = checkCandidatesConvened(anInput({ candidates: [] }));
    expect(check.status).toBe('pending');
    expect(messages(check)).toEqual(["warning: Aucun candidat n'est inscrit à la session."]);
  });

  describe('a convocation deadline on a non-working day', () => {
    // Start 15/06/2027 − 1 month = Saturday 15/05/2027: met by Friday 14/05/2027.
    const saturday = '15/05/2027 ramenée au vendredi 14/05/2027 (le 15/05 est un samedi)';
    const onSaturday = (today: string, candidate: Partial<ComplianceCandidate>) =>
      checkCandidatesConvened(
        anInput({
          today,
          session: { ...anInput().session, startDate: '2027-06-15', endDate: '2027-06-18' },
          candidates: [aCandidate(candidate)],
        }),
      );

    it('is met by the working day before a weekend, and the wording names both dates', () => {
      const onFriday = onSaturday('2027-05-20', {
        convocationDate: '2027-05-14',
        convocationProofKind: 'SIGNED_DISCHARGE',
        convocationProofOn: '2027-05-14',
      });
      expect(onFriday.status).toBe('pass');
      expect(onFriday.evidence).toEqual([
        `Paul MARTIN : convocation du 14/05/2027 remise en main propre contre décharge, avant l'échéance du ${saturday} ; décharge signée du 14/05/2027.`,
      ]);
      const onTheDay = onSaturday('2027-05-20', {
        convocationDate: '2027-05-15',
        convocationProofKind: 'SIGNED_DISCHARGE',
        convocationProofOn: '2027-05-15',
      });
      expect(messages(onTheDay)).toEqual([
        `blocking: La convocation de Paul MARTIN date du 15/05/2027, après l'échéance du ${saturday}.`,
      ]);
    });

    it('is pending until the working day before, then blocks', () => {
      const notConvened = { convocationDate: null, convocationMode: null };
      const pending = onSaturday('2027-05-14', notConvened);
      expect(pending.status).toBe('pending');
      expect(messages(pending)).toEqual([
        "warning: Paul MARTIN n'a pas encore reçu de convocation : l'échéance du 15/05/2027 est ramenée au vendredi 14/05/2027 (aujourd'hui ; le 15/05 est un samedi).",
      ]);
      expect(pending.note).toBe(
        'Des candidats restent à convoquer au plus tard le vendredi 14/05/2027 (échéance du 15/05/2027 ; le 15/05 est un samedi).',
      );
      expect(messages(onSaturday('2027-05-15', notConvened))).toEqual([
        `blocking: Paul MARTIN n'a pas reçu de convocation alors que l'échéance du ${saturday} est dépassée.`,
      ]);
    });

    it('moves a deadline on 26 December back over Christmas in Alsace-Moselle only', () => {
      // Start 26/01/2029 − 1 month = Tuesday 26/12/2028; 25/12 is Christmas, 23–24 a weekend.
      const convened = (region: ComplianceInput['session']['region']) =>
        checkCandidatesConvened(
          anInput({
            today: '2029-01-10',
            session: {
              ...anInput().session,
              startDate: '2029-01-26',
              endDate: '2029-01-26',
              region,
            },
            candidates: [
              aCandidate({
                convocationDate: '2028-12-26',
                convocationProofKind: 'SIGNED_DISCHARGE',
                convocationProofOn: '2028-12-26',
              }),
            ],
          }),
        );
      const alsace = convened('ALSACE_MOSELLE');
      expect(alsace.status).toBe('fail');
      expect(messages(alsace)).toEqual([
        expect.stringMatching(
          /^blocking: La convocation de Paul MARTIN date du 26\/12\/2028, après l'échéance du 26\/12\/2028 ramenée au vendredi 22\/12\/2028 \(le 26\/12 est férié : .+\)\.$/,
        ),
      ]);
      expect(convened('METROPOLE').status).toBe('pass');
      expect(convened(undefined).evidence).toEqual([
        "Paul MARTIN : convocation du 26/12/2028 remise en main propre contre décharge, avant l'échéance du 26/12/2028 ; décharge signée du 26/12/2028.",
      ]);
    });
  });
});

describe('CANDIDATE_FILES', () => {
  it('passes when every file is complete', () => {
    const check = checkCandidateFiles(anInput());
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      'Paul MARTIN (formation) : livret ECF signé par le responsable de formation, le formateur évaluateur et le candidat ; DP signé.',
      'Léa BERNARD (VAE) : DP signé ; décision de recevabilité versée au dossier.',
    ]);
  });

  it('asks a livret de certification, not a DP, of a candidate in suite de parcours', () => {
    const base = anInput();
    const livret = (certificationBooklet: boolean) =>
      checkCandidateFiles(
        anInput({
          candidates: [
            aCandidate({
              pathway: 'SUITE_PARCOURS',
              files: { ...base.candidates[0].files, dpSigned: false, certificationBooklet },
            }),
          ],
        }),
      );
    expect(messages(livret(false))).toEqual([
      "warning: Le livret de certification de Paul MARTIN (suite de parcours) n'est pas versé au dossier.",
    ]);
    expect(livret(true).evidence).toEqual([
      'Paul MARTIN (suite de parcours) : livret de certification versé au dossier.',
    ]);
  });

  it('warns before the start date, naming the missing signatories', () => {
    const base = anInput();
    const check = checkCandidateFiles(
      anInput({
        candidates: [
          aCandidate({
            files: {
              ...base.candidates[0].files,
              ecfSignedByTrainingManager: false,
              ecfSignedByCandidate: false,
              dpSigned: false,
            },
          }),
          {
            ...base.candidates[1],
            files: { ...base.candidates[1].files, recevabiliteCollected: false },
          },
        ],
      }),
    );
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      "warning: Le livret ECF de Paul MARTIN n'est pas signé par le responsable de formation et le candidat.",
      "warning: Le dossier professionnel (DP) de Paul MARTIN n'est pas signé.",
      "warning: La décision de recevabilité VAE de Léa BERNARD n'est pas versée au dossier.",
    ]);
  });

  it('blocks from the start date on', () => {
    const base = anInput();
    const check = checkCandidateFiles(
      anInput({
        today: '2027-06-14',
        candidates: [
          aCandidate({ files: { ...base.candidates[0].files, ecfSignedByTrainer: false } }),
        ],
      }),
    );
    expect(messages(check)).toEqual([
      "blocking: Le livret ECF de Paul MARTIN n'est pas signé par le formateur évaluateur.",
    ]);
  });
});

describe('UD_INFORMED', () => {
  // Start 14/06/2027 − 3 months = Sunday 14/03/2027: met by Friday 12/03/2027.
  const withTask = (status: 'todo' | 'done' | 'not_applicable', doneAt: string | null) =>
    anInput({ tasks: [{ code: 'PLAN_INFORM_UD_SESSION', status, doneAt }] });
  const sunday = '14/03/2027 ramenée au vendredi 12/03/2027 (le 14/03 est un dimanche)';

  it('passes with evidence when done by start − 3 months, moved back from a Sunday', () => {
    const check = checkUdInformed(withTask('done', '2027-03-12'));
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      `Les informations de la session ont été transmises à l'UD le 12/03/2027, avant l'échéance du ${sunday}.`,
    ]);
  });

  it('warns when done late, including on the weekend the deadline was moved back from', () => {
    const check = checkUdInformed(withTask('done', '2027-03-15'));
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      `warning: Les informations de la session ont été transmises à l'UD le 15/03/2027, après l'échéance du ${sunday}.`,
    ]);
    expect(checkUdInformed(withTask('done', '2027-03-13')).status).toBe('fail');
  });

  it('blocks when not done after the deadline', () => {
    const check = checkUdInformed(withTask('todo', null));
    expect(check.status).toBe('fail');
    expect(messages(check)).toEqual([
      `blocking: Les informations de la session n'ont pas été transmises à l'UD alors que l'échéance du ${sunday} est dépassée.`,
    ]);
  });

  it('is pending until the working day the deadline is moved back to, blocking the day after', () => {
    const input = withTask('todo', null);
    const check = checkUdInformed({ ...input, today: '2027-03-12' });
    expect(check.status).toBe('pending');
    expect(check.findings).toEqual([]);
    expect(check.note).toBe(
      "Échéance non atteinte : transmettre à l'UD les informations de la session au plus tard le vendredi 12/03/2027 (échéance du 14/03/2027 ; le 14/03 est un dimanche).",
    );
    expect(checkUdInformed({ ...input, today: '2027-03-13' }).status).toBe('fail');
  });

  it('moves a deadline on Good Friday back to Thursday in Alsace-Moselle only', () => {
    // Start 26/06/2027 − 3 months = Friday 26/03/2027, Good Friday.
    const on = (region: ComplianceInput['session']['region'], doneAt: string) =>
      checkUdInformed(
        anInput({
          session: { ...anInput().session, startDate: '2027-06-26', endDate: '2027-06-26', region },
          tasks: [{ code: 'PLAN_INFORM_UD_SESSION', status: 'done', doneAt }],
        }),
      );
    expect(on('ALSACE_MOSELLE', '2027-03-26').evidence).toEqual([]);
    expect(messages(on('ALSACE_MOSELLE', '2027-03-26'))).toEqual([
      "warning: Les informations de la session ont été transmises à l'UD le 26/03/2027, après l'échéance du 26/03/2027 ramenée au jeudi 25/03/2027 (le 26/03 est férié : Vendredi saint).",
    ]);
    expect(on('ALSACE_MOSELLE', '2027-03-25').status).toBe('pass');
    expect(on('METROPOLE', '2027-03-26').evidence).toEqual([
      "Les informations de la session ont été transmises à l'UD le 26/03/2027, avant l'échéance du 26/03/2027.",
    ]);
    expect(on(undefined, '2027-03-26').status).toBe('pass');
  });

  it('warns when the regulatory task is marked not applicable', () => {
    const check = checkUdInformed(withTask('not_applicable', null));
    expect(check.status).toBe('fail');
    expect(check.findings.map((f) => f.severity)).toEqual(['warning']);
    expect(check.findings[0].message).toContain('sans objet');
    expect(check.findings[0].message).toContain(`(échéance le ${sunday})`);
  });
});

describe('PV_SENT', () => {
  // End 18/06/2027 + 15 days = Saturday 03/07/2027: met by Friday 02/07/2027.
  const withTask = (today: string, status: 'todo' | 'done', doneAt: string | null) =>
    anInput({ today, tasks: [{ code: 'AFTER_SEND_PV_UD', status, doneAt }] });
  const saturday = '03/07/2027 ramenée au vendredi 02/07/2027 (le 03/07 est un samedi)';

  it('passes when sent within 15 days of the end date, moved back from a Saturday', () => {
    const check = checkPvSent(withTask('2027-07-10', 'done', '2027-07-02'));
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      `L'original du PV de session a été adressé à l'UD le 02/07/2027, avant l'échéance du ${saturday}.`,
    ]);
  });

  it('warns when sent late', () => {
    const check = checkPvSent(withTask('2027-07-10', 'done', '2027-07-03'));
    expect(check.status).toBe('fail');
    expect(check.findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('blocks when not sent after end + 15 days (the working day before)', () => {
    const check = checkPvSent(withTask('2027-07-03', 'todo', null));
    expect(messages(check)).toEqual([
      `blocking: L'original du PV de session n'a pas été adressé à l'UD alors que l'échéance du ${saturday} est dépassée.`,
    ]);
  });

  it('is pending until the working day before end + 15 days', () => {
    expect(checkPvSent(withTask('2027-07-02', 'todo', null)).status).toBe('pending');
  });

  it('moves a deadline on 26 December back over Christmas in Alsace-Moselle only', () => {
    // End 11/12/2028 + 15 days = Tuesday 26/12/2028; 25/12 is Christmas, 23–24 a weekend.
    const sent = (region: ComplianceInput['session']['region']) =>
      checkPvSent(
        anInput({
          today: '2029-01-10',
          session: { ...anInput().session, startDate: '2028-12-11', endDate: '2028-12-11', region },
          tasks: [{ code: 'AFTER_SEND_PV_UD', status: 'done', doneAt: '2028-12-26' }],
        }),
      );
    const alsace = sent('ALSACE_MOSELLE');
    expect(alsace.status).toBe('fail');
    expect(alsace.findings[0].message).toMatch(
      /après l'échéance du 26\/12\/2028 ramenée au vendredi 22\/12\/2028 \(le 26\/12 est férié : .+\)\.$/,
    );
    expect(sent('METROPOLE').status).toBe('pass');
  });
});

describe('effectiveDeadline', () => {
  it('names the regulatory deadline and the working day it is moved back to', () => {
    expect(effectiveDeadline('2027-12-24')).toEqual({
      deadline: '2027-12-24',
      effective: '2027-12-24',
      words: '24/12/2027',
      reason: null,
    });
    expect(effectiveDeadline('2027-12-25')).toMatchObject({
      effective: '2027-12-24',
      words: expect.stringMatching(
        /^25\/12\/2027 ramenée au vendredi 24\/12\/2027 \(le 25\/12 est férié : .+\)$/,
      ) as unknown,
    });
    expect(effectiveDeadline('9999-12-31').effective).toBe('9999-12-31');
  });
});

describe('pvDeadline', () => {
  it('is 15 days after the end, and the last nameable day for an end date stored past 2100', () => {
    expect(pvDeadline('2027-03-26')).toBe('2027-04-10');
    expect(pvDeadline('9999-12-16')).toBe('9999-12-31');
    expect(pvDeadline('9999-12-20')).toBe('9999-12-31');
    expect(pvDeadline('9999-12-31')).toBe('9999-12-31');
  });
});

describe('checkProviderConvention', () => {
  // Session 14–18/06/2027, titre t-cda.
  const convention = {
    id: 'conv-1',
    signedOn: '2024-11-04',
    effectiveFrom: '2025-01-01',
    sentToPrefectOn: '2024-11-20',
    titreIds: ['t-cda'],
    avenants: [{ year: 2027, sentToPrefectOn: '2026-12-15' }],
  };
  const trained = aCandidate({ trainingProviderId: 'of-1' });

  it('is not applicable when every candidate was trained by the centre', () => {
    const check = checkProviderConvention(anInput());
    expect(check.status).toBe('not_applicable');
    expect(check.note).toBe(
      'Aucun candidat de la session n’a été formé par un autre organisme que le centre.',
    );
  });

  it('passes with a convention in force and the avenant of the year sent before 1 January', () => {
    const check = checkProviderConvention(
      anInput({
        candidates: [trained],
        providers: [{ id: 'of-1', name: 'Forma Plus', conventions: [convention] }],
      }),
    );
    expect(check.status).toBe('pass');
    expect(check.evidence).toEqual([
      'Paul MARTIN : formé par Forma Plus, convention en vigueur pour le titre CDA aux dates de la session.',
    ]);
  });

  it('blocks a candidate from a provider without any convention, naming both', () => {
    const check = checkProviderConvention(
      anInput({
        candidates: [trained],
        providers: [{ id: 'of-1', name: 'Forma Plus', conventions: [] }],
      }),
    );
    expect(check.status).toBe('fail');
    expect(check.findings).toEqual([
      {
        code: 'PROVIDER_CONVENTION',
        severity: 'blocking',
        message:
          'Paul MARTIN a été formé par Forma Plus sans convention en vigueur aux dates de la session : aucune convention n’est enregistrée avec cet organisme.',
        subject: { type: 'candidate', id: 'c1' },
      },
    ]);
  });

  it('blocks when the avenant of the year was sent after 31 December', () => {
    const late = { ...convention, avenants: [{ year: 2027, sentToPrefectOn: '2027-01-05' }] };
    const check = checkProviderConvention(
      anInput({
        candidates: [trained],
        providers: [{ id: 'of-1', name: 'Forma Plus', conventions: [late] }],
      }),
    );
    expect(check.findings.map((f) => f.message)).toEqual([
      'Paul MARTIN a été formé par Forma Plus sans convention en vigueur aux dates de la session : convention signée le 04/11/2024 : l’avenant 2027 a été transmis au préfet le 05/01/2027, après le 31/12/2026.',
    ]);
  });

  it('blocks when the convention does not cover the titre and was sent to the préfet too late', () => {
    const wrong = { ...convention, titreIds: ['t-other'], sentToPrefectOn: '2025-01-01' };
    const check = checkProviderConvention(
      anInput({
        candidates: [trained],
        providers: [{ id: 'of-1', name: 'Forma Plus', conventions: [wrong] }],
      }),
    );
    expect(check.findings[0]?.message).toBe(
      'Paul MARTIN a été formé par Forma Plus sans convention en vigueur aux dates de la session : convention signée le 04/11/2024 : la convention a été transmise au préfet le 01/01/2025, pas avant son entrée en vigueur le 01/01/2025 ; la convention ne couvre pas le titre de la session.',
    );
  });

  it('is part of the report: a blocking finding of the session', () => {
    const report = runComplianceChecks(
      anInput({
        candidates: [trained],
        providers: [{ id: 'of-1', name: 'Forma Plus', conventions: [] }],
      }),
    );
    expect(report.blocking.map((f) => f.code)).toContain('PROVIDER_CONVENTION');
  });
});
