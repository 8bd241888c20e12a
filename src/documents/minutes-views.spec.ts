import { candidateConvocations, staffConvocations } from './convocation-views.js';
import { documentFileName, documentLinks } from './document-catalog.js';
import { filledChecklist, type ChecklistRow } from './checklist-document-view.js';
import { splitForSignatures } from './document-format.js';
import {
  carenceMinutes,
  DRAFT_MARK,
  fraudReport,
  individualMinutes,
  laureatesList,
  sessionMinutes,
} from './minutes-views.js';
import type { DossierCandidate, SessionDossier } from './session-dossier.js';

function candidate(id: string, overrides: Partial<DossierCandidate> = {}): DossierCandidate {
  return {
    id,
    personId: `p-${id}`,
    lastName: 'Lefèvre-Müller',
    firstName: 'Zoé',
    birthDate: '1990-04-12',
    address: '3 place Bellecour\n69002 Lyon',
    pathway: 'FORMATION',
    vaeValidUntil: null,
    accommodationRequested: false,
    accommodationDetails: '',
    convocationDate: null,
    convocationMode: null,
    attendance: null,
    results: [],
    ...overrides,
  };
}

function dossier(overrides: Partial<SessionDossier> = {}): SessionDossier {
  return {
    today: '2027-06-18',
    session: {
      id: 's1',
      centreId: 'c1',
      nature: 'TITRE',
      ccpCodes: [],
      startDate: '2027-06-14',
      endDate: '2027-06-18',
      startTime: '09:00',
      location: '',
      status: 'PLANNED',
      cancelReason: null,
      checklistVersion: 1,
    },
    centre: { name: 'Centre Éléonore Dupré', address: '', postalCode: '', city: 'Lyon' },
    site: {
      name: 'Site de Vénissieux',
      address: '5 rue Paul Bert',
      postalCode: '69200',
      city: 'Vénissieux',
    },
    titre: {
      code: 'CDA',
      label: 'Concepteur développeur d’applications',
      version: '2023',
      examTests: [],
      convocationDocuments: [],
      ccps: [
        { code: 'CCP1', label: 'Développer', kind: 'CCP' },
        { code: 'CCP2', label: 'Concevoir', kind: 'CCP' },
        { code: 'CCS1', label: 'Spécialisation', kind: 'CCS' },
      ],
    },
    agrementReference: null,
    manager: null,
    deputyManager: null,
    candidates: [],
    records: {},
    staff: [],
    declarations: [],
    incidents: [],
    ...overrides,
  };
}

const JURORS = [
  {
    assignmentId: 'a1',
    role: 'JURY' as const,
    juryMemberId: 'j1',
    lastName: 'Castañeda',
    firstName: 'Joël',
    employer: '',
    habilitationUntil: '2028-12-31',
  },
  {
    assignmentId: 'a2',
    role: 'JURY' as const,
    juryMemberId: 'j2',
    lastName: 'Œhlenschläger',
    firstName: 'Bérénice',
    employer: '',
    habilitationUntil: null,
  },
  {
    assignmentId: 'a3',
    role: 'COMEDIEN' as const,
    juryMemberId: 'j3',
    lastName: 'Comédienne',
    firstName: 'Anaïs',
    employer: '',
    habilitationUntil: null,
  },
];

describe('session documents from plain data', () => {
  it('gives results per CCP of the titre (CCS left out) and the decision', () => {
    const d = dossier({
      candidates: [
        candidate('c1', {
          attendance: 'PRESENT',
          results: [
            { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
            { ccpCode: 'CCP2', outcome: 'ACQUIRED' },
          ],
        }),
        candidate('c2', {
          lastName: 'Nguyễn',
          attendance: 'PRESENT',
          results: [{ ccpCode: 'CCP1', outcome: 'ACQUIRED' }],
        }),
        candidate('c3', { lastName: 'Rousseau', attendance: 'LATE_REFUSED' }),
      ],
      staff: JURORS,
    });
    const pv = sessionMinutes(d);
    expect(pv.ccps.map((c) => c.code)).toEqual(['CCP1', 'CCP2']);
    expect([...pv.candidates, ...pv.candidatesTail].map((c) => c.decision)).toEqual([
      'Titre professionnel CDA obtenu',
      'Validation partielle : CCP1',
      'Non admis(e) : retard',
    ]);
    expect(pv.candidatesTail[1].cells.map((c) => c.outcome)).toEqual(['Acquis', '—']);
    expect(pv.summary).toBe('3 candidats inscrits ; 2 présents ; 1 absent ; 1 titre obtenu.');
    expect(pv.signatories.map((s) => s.role)).toEqual([
      'Membre du jury',
      'Membre du jury',
      'Responsable de session',
    ]);
    expect(pv.others).toEqual([{ name: 'Comédienne Anaïs', role: 'Comédien(ne)' }]);
    expect(pv.juryNotice).toBeNull();
    const laureates = laureatesList(d);
    expect(laureates.laureates.map((l) => l.achievements)).toEqual([
      ['Titre professionnel Concepteur développeur d’applications (CDA)'],
      ['CCP1 — Développer'],
    ]);
  });

  it('gives the titre at a CCP session that completes it, in the PV and the lauréats list', () => {
    const base = dossier();
    const d = dossier({
      session: { ...base.session, id: 's2', nature: 'CCP', ccpCodes: ['CCP2'] },
      candidates: [
        candidate('c1', {
          attendance: 'PRESENT',
          results: [{ ccpCode: 'CCP2', outcome: 'ACQUIRED' }],
        }),
      ],
      records: {
        c1: {
          titreObtained: true,
          acquisitions: [
            {
              code: 'CCP1',
              acquiredOn: '2027-03-05',
              sessionId: 's1',
              sessionStartDate: '2027-03-01',
              sessionEndDate: '2027-03-05',
            },
            {
              code: 'CCP2',
              acquiredOn: '2027-06-18',
              sessionId: 's2',
              sessionStartDate: '2027-06-14',
              sessionEndDate: '2027-06-18',
            },
          ],
          missingCcpCodes: [],
        },
      },
    });
    const pv = sessionMinutes(d);
    expect(pv.candidatesTail[0]).toMatchObject({
      decision: 'Titre professionnel CDA obtenu',
      record: [
        'CCP1 acquis le 05/03/2027 (session du 01/03/2027 au 05/03/2027)',
        'CCP2 acquis à cette session',
      ],
    });
    expect(pv.summary).toContain('1 titre obtenu');
    expect(individualMinutes(d).minutes[0].record).toEqual(pv.candidatesTail[0].record);
    expect(laureatesList(d).laureates).toEqual([
      {
        name: 'Lefèvre-Müller Zoé',
        achievements: [
          'Titre professionnel Concepteur développeur d’applications (CDA)',
          'CCP1 acquis le 05/03/2027 (session du 01/03/2027 au 05/03/2027)',
          'CCP2 acquis à cette session',
        ],
      },
    ]);
  });

  it('leaves out of a candidate’s PV the jurors who declared a link with them', () => {
    const d = dossier({
      candidates: [candidate('c1')],
      staff: JURORS,
      declarations: [
        { juryMemberId: 'j1', candidateId: 'c1', hasLink: true },
        { juryMemberId: 'j2', candidateId: 'c1', hasLink: false },
      ],
    });
    const [minutes] = individualMinutes(d).minutes;
    expect(minutes.evaluators.map((e) => e.name)).toEqual(['Œhlenschläger Bérénice']);
    expect(minutes.withLink).toEqual(['Castañeda Joël']);
    const alone = individualMinutes({
      ...d,
      declarations: [
        { ...d.declarations[0] },
        { juryMemberId: 'j2', candidateId: 'c1', hasLink: true },
      ],
    });
    expect(alone.minutes[0].evaluatorsNotice).toContain('Aucun membre du jury ne peut évaluer');
  });

  it('lists incidents and frauds in the PV, and fills the fraud report from the frauds', () => {
    const d = dossier({
      candidates: [candidate('c1')],
      incidents: [
        {
          id: 'i1',
          kind: 'INCIDENT',
          candidateId: null,
          occurredOn: '2027-06-14',
          description: 'Panne',
          measures: '',
          reportedBy: 'rs@x',
        },
        {
          id: 'i2',
          kind: 'FRAUD',
          candidateId: 'c1',
          occurredOn: '2027-06-15',
          description: 'Antisèche',
          measures: 'Retirée',
          reportedBy: 'rs@x',
        },
      ],
    });
    const pv = sessionMinutes(d);
    expect(pv.incidentsTail).toEqual([
      {
        date: '14/06/2027',
        kind: 'Incident',
        candidate: null,
        description: 'Panne',
        measures: null,
        reportedBy: 'rs@x',
      },
    ]);
    expect(pv.fraudsTail[0]).toMatchObject({ date: '15/06/2027', candidate: 'Lefèvre-Müller Zoé' });
    const report = fraudReport(d);
    expect(report.reports).toHaveLength(1);
    expect(report.blankNotice).toBeNull();
    expect(fraudReport(dossier()).blankNotice).toContain('formulaire vierge');
    expect(fraudReport(dossier()).juryNotice).toContain('signé par le responsable de session');
  });

  it('puts a warning line for the centre on a juror’s convocation with something to check', () => {
    const d = dossier({
      staff: [
        { ...JURORS[0], alerts: [] },
        {
          ...JURORS[1],
          alerts: [
            'aucune habilitation pour le titre CDA',
            'exigences du titre CDA pour le jury non remplies : CQC (carte de qualification de conducteur) non enregistrée',
          ],
        },
        JURORS[2],
      ],
    });
    expect(staffConvocations(d).convocations.map((c) => c.alert)).toEqual([
      null,
      'À vérifier par le centre avant l’envoi : aucune habilitation pour le titre CDA ; exigences du titre CDA pour le jury non remplies : CQC (carte de qualification de conducteur) non enregistrée.',
      null,
    ]);
  });

  it('says so when the session has no candidate and no jury', () => {
    const d = dossier();
    expect(candidateConvocations(d).convocations).toEqual([]);
    expect(staffConvocations(d).convocations).toEqual([]);
    expect(sessionMinutes(d).candidatesNotice).toBe(
      'Aucun candidat n’est inscrit à cette session.',
    );
    expect(sessionMinutes(d).juryNotice).toContain('procès-verbal de carence');
    expect(carenceMinutes(d).juryNotice).toBe(
      'Aucun membre de jury n’était affecté à cette session.',
    );
    expect(laureatesList(d).emptyNotice).toBe('Aucun candidat n’est inscrit à cette session.');
  });

  it('offers the receipt slip unless the convocation goes by registered letter', () => {
    const d = dossier({
      candidates: [
        candidate('c1', { convocationMode: 'HAND_DELIVERED', convocationDate: '2027-05-10' }),
        candidate('c2', { lastName: 'Nguyễn', convocationMode: 'REGISTERED_MAIL' }),
        candidate('c3', { lastName: 'Rousseau', pathway: 'VAE', vaeValidUntil: '2027-12-31' }),
      ],
    });
    const [hand, mail, unknown] = candidateConvocations(d).convocations;
    expect(hand.receipt?.deliveredOn).toBe('10/05/2027');
    expect(hand.issued).toBe('Vénissieux, le 10/05/2027');
    expect(mail.receipt).toBeNull();
    expect(unknown.modeUnknown).toBe(true);
    expect(unknown.receipt?.deliveredOn).toBeNull();
    expect(unknown.bring.some((b) => b.includes('dossier professionnel'))).toBe(true);
    expect(candidateConvocations(d).identity.place).toEqual([
      'Site de Vénissieux',
      '5 rue Paul Bert',
      '69200 Vénissieux',
    ]);
  });

  it('names the files and links of the documents', () => {
    const d = dossier({ candidates: [candidate('c1')], staff: JURORS });
    expect(documentFileName(d, { kind: 'pv' })).toBe('pv-session_cda-2027-06-14.pdf');
    expect(documentFileName(d, { kind: 'convocation', candidateId: 'c1' })).toBe(
      'convocation_lefevre-muller-zoe_cda-2027-06-14.pdf',
    );
    expect(documentFileName(d, { kind: 'jury-convocation', assignmentId: 'a2' })).toBe(
      'convocation_oehlenschlager-berenice_cda-2027-06-14.pdf',
    );
    const links = documentLinks(d);
    expect(links).toHaveLength(9 + 2 + 3 + 1);
    // « de » elided before a vowel: « d’Œhlenschläger », « d’Abadie », not before a consonant.
    expect(links.map((l) => l.title)).toContain('Convocation de Lefèvre-Müller Zoé');
    expect(links.map((l) => l.title)).toContain(
      'Convocation d’Œhlenschläger Bérénice (membre du jury)',
    );
    const abadie = documentLinks(
      dossier({ candidates: [candidate('c9', { lastName: 'Abadie' })] }),
    );
    expect(abadie.map((l) => l.title)).toContain('Procès-verbal individuel d’Abadie Zoé');
    expect(links.at(-1)).toMatchObject({
      url: '/api/sessions/s1/documents/documents.zip',
      format: 'zip',
    });
  });
});

describe('documents fit for signature', () => {
  it('keeps the last three rows of a table with the signatures that close it', () => {
    expect(splitForSignatures([1, 2, 3, 4, 5])).toEqual({ rows: [1, 2], tail: [3, 4, 5] });
    expect(splitForSignatures([1, 2])).toEqual({ rows: [], tail: [1, 2] });
    expect(splitForSignatures([])).toEqual({ rows: [], tail: [] });
  });

  it('closes the PV de session on its last table: frauds, else incidents, else candidates', () => {
    const candidates = ['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => candidate(id));
    const incident = (kind: 'INCIDENT' | 'FRAUD', id: string) => ({
      id,
      kind,
      candidateId: null,
      occurredOn: '2027-06-15',
      description: 'Faits',
      measures: '',
      reportedBy: 'anais.roux@centre.test',
    });
    const plain = sessionMinutes(dossier({ candidates }));
    expect(plain.closing).toEqual({ candidates: true, incidents: false, frauds: false });
    expect(plain.candidates.map((c) => c.number)).toEqual([1, 2]);
    expect(plain.candidatesTail.map((c) => c.number)).toEqual([3, 4, 5]);
    expect(plain.candidateColumns).toBe(7);
    const withIncident = sessionMinutes(
      dossier({ candidates, incidents: [incident('INCIDENT', 'i1')] }),
    );
    expect(withIncident.closing).toEqual({ candidates: false, incidents: true, frauds: false });
    const withFraud = sessionMinutes(
      dossier({ candidates, incidents: [incident('INCIDENT', 'i1'), incident('FRAUD', 'f1')] }),
    );
    expect(withFraud.closing).toEqual({ candidates: false, incidents: false, frauds: true });
    expect(sessionMinutes(dossier()).closing).toEqual({
      candidates: false,
      incidents: false,
      frauds: false,
    });
    // Who reported it, by name when a user has the address.
    const named = sessionMinutes(
      dossier({
        incidents: [incident('FRAUD', 'f1')],
        people: [{ firstName: 'Anaïs', lastName: 'Roux', email: 'anais.roux@centre.test' }],
      }),
    );
    expect(named.fraudsTail[0].reportedBy).toBe('Anaïs Roux');
    expect(
      sessionMinutes(dossier({ incidents: [incident('FRAUD', 'f1')] })).fraudsTail[0],
    ).toMatchObject({ reportedBy: 'anais.roux@centre.test' });
  });

  it('marks a PV as a draft while a present candidate has no result', () => {
    const done = candidate('c1', {
      attendance: 'PRESENT',
      results: [
        { ccpCode: 'CCP1', outcome: 'ACQUIRED' },
        { ccpCode: 'CCP2', outcome: 'NOT_ACQUIRED' },
      ],
    });
    const pending = candidate('c2', { attendance: 'PRESENT' });
    const absent = candidate('c3', { attendance: 'ABSENT' });
    const unmarked = candidate('c4');
    expect(sessionMinutes(dossier({ candidates: [done, absent] })).draft).toBeNull();
    expect(sessionMinutes(dossier({ candidates: [done, pending] })).draft).toBe(DRAFT_MARK);
    expect(sessionMinutes(dossier({ candidates: [done, unmarked] })).draft).toBe(DRAFT_MARK);
    expect(DRAFT_MARK).toBe('PROJET — résultats non saisis');
    const individual = individualMinutes(dossier({ candidates: [done, pending, absent] }));
    expect(individual.minutes.map((m) => m.draft)).toEqual([null, DRAFT_MARK, null]);
  });

  it('closes the PV de carence on the candidates, else on the jury', () => {
    expect(
      carenceMinutes(dossier({ candidates: [candidate('c1')], staff: JURORS })).closing,
    ).toEqual({
      candidates: true,
      jury: false,
    });
    const noCandidate = carenceMinutes(dossier({ staff: JURORS }));
    expect(noCandidate.closing).toEqual({ candidates: false, jury: true });
    expect(noCandidate.juryTail.map((j) => j.name)).toEqual([
      'Castañeda Joël',
      'Œhlenschläger Bérénice',
    ]);
    expect(carenceMinutes(dossier()).closing).toEqual({ candidates: false, jury: false });
  });

  it('says « Site de Vénissieux » once in the footer and the identity', () => {
    const pv = sessionMinutes(dossier());
    expect(pv.footer.site).toBe('Site de Vénissieux');
    expect(pv.identity.site.label).toBe('Site de Vénissieux');
    const plainSite = sessionMinutes(
      dossier({ site: { name: 'Vénissieux', address: '', postalCode: '', city: '' } }),
    );
    expect(plainSite.footer.site).toBe('site Vénissieux');
    expect(
      sessionMinutes(dossier({ site: { name: '', address: '', postalCode: '', city: '' } })).footer
        .site,
    ).toBe('');
  });

  it('fills the checklist’s guide header and names who ticked a task', () => {
    const row = (overrides: Partial<ChecklistRow>): ChecklistRow => ({
      phase: 'PLAN',
      phaseLabel: 'Planification',
      label: 'Créer la session dans CERES',
      items: [],
      parentCode: null,
      regulatory: true,
      advised: false,
      dueDate: '2027-03-14',
      applicable: true,
      status: 'done',
      doneAt: '2027-03-01',
      doneByEmail: 'anais.roux@centre.test',
      observations: '',
      reason: '',
      overdue: false,
      verifiedByData: null,
      ...overrides,
    });
    const view = filledChecklist(
      dossier({
        session: { ...dossier().session, nature: 'CCP', ccpCodes: ['CCP2'] },
        candidates: [
          candidate('c1'),
          candidate('c2', { pathway: 'VAE' }),
          candidate('c3', { pathway: 'EQUIVALENCE' }),
        ],
        manager: { firstName: 'Étienne', lastName: 'Dubois', email: 'e.dubois@centre.test' },
        people: [{ firstName: 'Anaïs', lastName: 'Roux', email: 'anais.roux@centre.test' }],
      }),
      {
        title: 'Guide de préparation de la session',
        version: 1,
        tasks: [
          row({}),
          row({ label: 'Convoquer', doneByEmail: 'inconnu@centre.test' }),
          row({
            phase: 'DAY',
            phaseLabel: 'Jour de la session',
            status: 'todo',
            doneAt: null,
            doneByEmail: null,
          }),
        ],
      },
    );
    expect(view.header).toEqual({
      centre: 'Centre Éléonore Dupré',
      site: 'Site de Vénissieux',
      titreLabel: 'Concepteur développeur d’applications',
      titreCode: 'CDA',
      version: '2023',
      nature: { titre: false, ccp: true, ccs: false },
      ccpLabels: 'Concevoir',
      ccpCodes: 'CCP2',
      startDate: '14/06/2027',
      endDate: '18/06/2027',
      formation: 1,
      vae: 1,
      otherPathways: 1,
      manager: 'Étienne Dubois',
      deputyManager: 'non désigné(e)',
    });
    expect(view.phases.map((p) => p.label)).toEqual(['Planification', 'Jour de la session']);
    expect(view.phases[0].tasks.map((t) => t.doneBy)).toEqual([
      'Anaïs Roux',
      'inconnu@centre.test',
    ]);
    expect(view.phases[0].closing).toBe(false);
    expect(view.phases[1]).toMatchObject({ tasks: [], closing: true });
    expect(view.phases[1].tail.map((t) => t.doneBy)).toEqual(['']);
  });
});
