import { NBSP } from '../../../documents/document-format.js';
import { CQC_CAMPAIGN_SOURCES } from '../../campaign-sources.js';
import type {
  CampaignDocumentContext,
  CampaignDocumentPupil,
  EnvelopeChecklistInput,
  HandoverSheetInput,
  MajorityListInput,
  SuccessAttestationInput,
} from '../campaign-documents.types.js';
import {
  campaignDocumentFileName,
  campaignDocumentView,
  comparePupilNames,
  envelopeChecklistView,
  frenchOf,
  handoverSheetView,
  isHeadOfSchool,
  majorityListView,
  sourceCitation,
  splitForSignature,
  successAttestationView,
} from './campaign-document-views.js';

/** The views use no-break spaces (« n° 7 », « 3 élèves »): compare with plain ones. */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value).replaceAll(NBSP, ' '));
}

const SCHOOL = {
  name: 'Lycée professionnel Jean-Moulin',
  city: 'Villeurbanne',
  contactName: 'Claire Martin',
  contactRole: 'Proviseure',
};

const CONTEXT: CampaignDocumentContext = {
  campaignLabel: 'Campagne CQC par équivalence 2026-2027',
  schoolYear: 2026,
  centreName: 'Délégation Auvergne-Rhône-Alpes',
  school: SCHOOL,
  generatedOn: '2027-05-20',
};

function pupil(
  lastName: string,
  firstName: string,
  birthDate: string,
  extra: Partial<CampaignDocumentPupil> = {},
): CampaignDocumentPupil {
  return {
    lastName,
    firstName,
    birthDate,
    className: 'Terminale Bac Pro CTRM',
    ficheNumber: null,
    ficheSessionLabel: null,
    ...extra,
  };
}

describe('frenchOf: « de » with elision and contraction', () => {
  it.each([
    ['Lycée professionnel Jean-Moulin', 'du Lycée professionnel Jean-Moulin'],
    ['Collège Victor-Hugo', 'du Collège Victor-Hugo'],
    ['École des métiers du transport', 'de l’École des métiers du transport'],
    [
      'Établissement régional d’enseignement adapté',
      'de l’Établissement régional d’enseignement adapté',
    ],
    ['Cité scolaire Jean-Jaurès', 'de la Cité scolaire Jean-Jaurès'],
    ['Maison familiale rurale de Vif', 'de la Maison familiale rurale de Vif'],
    ['LP Marcel-Sembat', 'du LP Marcel-Sembat'],
    ['EREA Jean-Jaurès', 'de l’EREA Jean-Jaurès'],
    ['Le Mans Sud', 'du Mans Sud'],
    ['La Martinière Diderot', 'de la Martinière Diderot'],
    ['Les Mureaux', 'des Mureaux'],
    ["L'Isle-d'Abeau", "de l’Isle-d'Abeau"],
    ['Arsonval', 'd’Arsonval'],
    ['Émile-Zola', 'd’Émile-Zola'],
    ['Saint-Exupéry', 'de Saint-Exupéry'],
    ['Lesage', 'de Lesage'],
    ['Lamartine', 'de Lamartine'],
    ['  Lyon  ', 'de Lyon'],
  ])('%s → %s', (name, expected) => {
    expect(frenchOf(name)).toBe(expected);
  });
});

describe('isHeadOfSchool: who signs the attestation', () => {
  it.each([
    ['Proviseure', true],
    ['Proviseur', true],
    ['Principal', true],
    ['Directrice', true],
    ['Chef d’établissement', true],
    ["Cheffe d'établissement", true],
    ['Proviseur adjoint', false],
    ['Chef des travaux', false],
    ['Directeur délégué aux formations professionnelles et technologiques', false],
    ['Professeur principal adjoint', false],
    ['Secrétaire', false],
    [null, false],
  ])('%s → %s', (role, expected) => {
    expect(isHeadOfSchool(role)).toBe(expected);
  });
});

describe('comparePupilNames', () => {
  it('sorts the French way: accents and case aside, last name then first name', () => {
    const sorted = [
      pupil('Petit', 'Théo', '2009-01-01'),
      pupil('érard', 'Zoé', '2009-01-01'),
      pupil('Nguyễn', 'Hương', '2009-01-01'),
      pupil('Durand', 'Élodie', '2009-01-01'),
      pupil('Durand', 'Adam', '2009-01-01'),
      pupil('Fabre', 'Lou', '2009-01-01'),
      pupil('Moreau', 'Inès', '2009-01-01'),
    ].sort(comparePupilNames);
    expect(sorted.map((p) => `${p.lastName} ${p.firstName}`)).toEqual([
      'Durand Adam',
      'Durand Élodie',
      'érard Zoé',
      'Fabre Lou',
      'Moreau Inès',
      'Nguyễn Hương',
      'Petit Théo',
    ]);
  });

  it('namesakes: by birth date', () => {
    const older = pupil('Martin', 'Léa', '2008-03-01');
    const younger = pupil('MARTIN', 'Léa', '2009-03-01');
    expect([younger, older].sort(comparePupilNames)).toEqual([older, younger]);
  });
});

describe('splitForSignature', () => {
  it('keeps the last three rows for the signature', () => {
    expect(splitForSignature([1, 2, 3, 4, 5])).toEqual({ rows: [1, 2], tailRows: [3, 4, 5] });
    expect(splitForSignature([1, 2])).toEqual({ rows: [], tailRows: [1, 2] });
    expect(splitForSignature([])).toEqual({ rows: [], tailRows: [] });
  });
});

describe('sourceCitation', () => {
  it('cites the synoptic by its box, another text by its title and article', () => {
    expect(sourceCitation(CQC_CAMPAIGN_SOURCES.CARD_ERROR_ONE_MONTH)).toBe(
      'Synoptique, Encadré « Si erreur sur la CQC sous un délai de 1 mois, cachet de la poste faisant foi ».',
    );
    expect(sourceCitation(CQC_CAMPAIGN_SOURCES.MAJORITY_AT_18)).toMatch(
      /^Code civil .* — Articles 388 et 414\.$/,
    );
  });
});

describe('successAttestationView', () => {
  const input: SuccessAttestationInput = {
    ...CONTEXT,
    kind: 'attestation-reussite',
    laureates: [
      pupil('Zeller', 'Hélène', '2008-12-01'),
      pupil('Nguyễn Thị', 'Hương', '2008-03-04', { className: 'CAP CLM 2e année' }),
      pupil('Abadie', 'Lucas', '2008-11-30'),
      pupil('Érard', 'Zoé', '2009-01-15'),
      pupil('Bùi', 'Lan', '2009-06-14'),
    ],
  };

  it('names the head of school who signs, each laureate sorted, and the place and date', () => {
    const view = successAttestationView(input);
    expect(view.title).toBe('Attestation de réussite au CAP CLM');
    expect(view.signatory).toBe(
      'Je soussigné(e), Claire Martin, proviseure du Lycée professionnel Jean-Moulin,',
    );
    expect(plain(view.statement)).toBe(
      'atteste que les 5 élèves ci-dessous ont obtenu le certificat d’aptitude professionnelle « conducteur livreur de marchandises » (CAP CLM), session 2027, dans le cadre de la certification intermédiaire du baccalauréat professionnel « conducteur transport routier marchandises » (Bac Pro CTRM).',
    );
    const names = [...view.rows, ...view.tailRows].map((r) => `${r.lastName} ${r.firstName}`);
    expect(names).toEqual([
      'Abadie Lucas',
      'Bùi Lan',
      'Érard Zoé',
      'Nguyễn Thị Hương',
      'Zeller Hélène',
    ]);
    expect(view.rows.map((r) => r.number)).toEqual([1, 2]);
    expect(view.tailRows.map((r) => r.number)).toEqual([3, 4, 5]);
    expect(view.tailRows[1]).toEqual({
      number: 4,
      lastName: 'Nguyễn Thị',
      firstName: 'Hương',
      birthDate: '04/03/2008',
      className: 'CAP CLM 2e année',
      fiche: '—',
    });
    expect(view.total).toBe('Nombre de lauréats : 5');
    expect(view.madeAt).toBe('Fait à Villeurbanne, le 20/05/2027');
    expect(view.signer).toBe('Claire Martin, proviseure');
    expect(view.emptyNotice).toBeNull();
    // The school issues it, to the delegation.
    expect(view.header.issuer).toEqual({
      name: 'Lycée professionnel Jean-Moulin',
      lines: ['Villeurbanne'],
    });
    expect(view.header.aside).toContain('Destinataire : Délégation Auvergne-Rhône-Alpes');
    expect(view.footer).toEqual({
      centre: 'Délégation Auvergne-Rhône-Alpes',
      site: '',
      title: 'Attestation de réussite au CAP CLM — Lycée professionnel Jean-Moulin',
    });
  });

  it('states why it goes in the envelope, with its source', () => {
    const view = successAttestationView(input);
    expect(view.purpose.text).toContain('permet d’identifier les nom et prénom de chaque lauréat');
    expect(view.purpose.refs).toBe('1');
    expect(view.references).toEqual([
      { number: 1, text: sourceCitation(CQC_CAMPAIGN_SOURCES.ENVELOPE_BY_30_MAY) },
    ]);
    expect(view.synoptic).toContain('version de mars 2016');
  });

  it('one laureate: singular; a contact who is not the head: a line to write the name', () => {
    const view = successAttestationView({
      ...input,
      school: { ...SCHOOL, city: null, contactName: 'Paul Roux', contactRole: 'Chef des travaux' },
      laureates: [pupil('Abadie', 'Lucas', '2008-11-30')],
    });
    expect(view.statement).toMatch(/^atteste que l’élève ci-dessous a obtenu le certificat/);
    expect(view.signatory).toMatch(
      /^Je soussigné\(e\), \.{40}, chef d’établissement du Lycée professionnel Jean-Moulin,$/,
    );
    expect(view.signatory).not.toContain('Paul Roux');
    expect(view.signer).toBe('Nom et qualité');
    expect(view.madeAt).toBe('Fait le 20/05/2027');
    expect(view.issued).toBe('Le 20/05/2027');
    expect(view.rows).toEqual([]);
    expect(view.tailRows).toHaveLength(1);
  });

  it('no laureate: says so; no school: the head of school alone', () => {
    const view = successAttestationView({ ...input, school: null, laureates: [] });
    expect(view.signatory).toMatch(/, chef d’établissement,$/);
    expect(view.emptyNotice).toMatch(/^Aucun lauréat du CAP CLM/);
    expect(view.statement).toMatch(/^atteste que les élèves ci-dessous ont obtenu/);
    expect(view.total).toBe('Nombre de lauréats : 0');
  });
});

describe('envelopeChecklistView', () => {
  const input: EnvelopeChecklistInput = {
    ...CONTEXT,
    kind: 'bordereau-enveloppe',
    envelopeDeadline: '2027-05-30',
    envelopeDeadlineNote: 'Attention, le dimanche 30 mai 2027 tombe un week-end.',
    ficheSessions: [
      {
        label: 'Session CAP CLM — Terminale CTRM',
        fiches: [
          { ...pupil('Érard', 'Zoé', '2009-01-15'), ficheNumber: 12 },
          { ...pupil('Abadie', 'Lucas', '2008-11-30'), ficheNumber: 3 },
          { ...pupil('Nguyễn', 'Hương', '2008-03-04'), ficheNumber: 7 },
          { ...pupil('Bùi', 'Lan', '2008-06-14'), ficheNumber: 1 },
        ],
        voidedNumbers: [9, 2],
      },
      {
        label: 'Session Bac Pro — Terminale CTRM',
        fiches: [{ ...pupil('Durand', 'Élodie', '2009-02-28'), ficheNumber: 1 }],
        voidedNumbers: [4],
      },
    ],
  };

  it('lists each session’s fiches by number, the voided ones apart', () => {
    const view = envelopeChecklistView(input);
    const [cap, bac] = view.sessions;
    expect(plain(cap.count)).toBe('4 fiches navettes');
    expect(cap.rows.map((r) => plain(r.fiche))).toEqual(['n° 1', 'n° 3', 'n° 7', 'n° 12']);
    expect(cap.rows.map((r) => r.lastName)).toEqual(['Bùi', 'Abadie', 'Nguyễn', 'Érard']);
    expect(cap.tailRows).toEqual([]);
    expect(cap.closing).toBe(false);
    expect(plain(cap.voided)).toBe('Fiches annulées (à ne pas joindre) : n° 2, n° 9.');
    // The last session's rows close with the checks and the signature.
    expect(plain(bac.count)).toBe('1 fiche navette');
    expect(bac.rows).toEqual([]);
    expect(bac.tailRows.map((r) => r.lastName)).toEqual(['Durand']);
    expect(bac.closing).toBe(true);
    expect(plain(bac.voided)).toBe('Fiche annulée (à ne pas joindre) : n° 4.');
    expect(view.closingAlone).toBe(false);
    expect(plain(view.total)).toBe('Total : 5 fiches navettes dans l’enveloppe.');
  });

  it('states the deadline, the weekend note, no staples and the signed attestation, with sources', () => {
    const view = envelopeChecklistView(input);
    expect(view.deadline).toEqual({
      text: 'Enveloppe à poster au plus tard le 30/05/2027, cachet de la poste faisant foi.',
      refs: '1',
    });
    expect(view.deadlineNote).toBe('Attention, le dimanche 30 mai 2027 tombe un week-end.');
    expect(view.rules[0].text).toContain(
      'la copie recto-verso du permis de conduire signé. Pas d’agrafe.',
    );
    expect(view.rules[0].refs).toBe('1, 2');
    expect(view.rules[1].text).toContain('ne doivent pas être photocopiées');
    expect(view.checks.map((c) => plain(c.text))).toEqual([
      'Chaque fiche navette ci-dessus, complétée et signée, avec la copie recto-verso du permis signé, sans agrafe (5 fiches).',
      'L’attestation de réussite au CAP CLM signée du chef d’établissement, avec le cachet, nommant chaque lauréat.',
      'L’enveloppe postée au plus tard le 30/05/2027 (cachet de la poste faisant foi).',
    ]);
    expect(view.references.map((r) => r.text)).toEqual([
      sourceCitation(CQC_CAMPAIGN_SOURCES.ENVELOPE_BY_30_MAY),
      sourceCitation(CQC_CAMPAIGN_SOURCES.MID_MAY_COMPLETION),
      sourceCitation(CQC_CAMPAIGN_SOURCES.FICHES_NO_PHOTOCOPY),
      sourceCitation(CQC_CAMPAIGN_SOURCES.FICHE_ERROR_REPLACEMENT),
    ]);
  });

  it('no fiche: the checks and signature stand on their own, and it says so', () => {
    const view = envelopeChecklistView({ ...input, envelopeDeadlineNote: null, ficheSessions: [] });
    expect(view.closingAlone).toBe(true);
    expect(view.emptyNotice).toMatch(/^Aucune fiche navette/);
    expect(view.deadlineNote).toBeNull();
  });
});

describe('handoverSheetView', () => {
  const input: HandoverSheetInput = {
    ...CONTEXT,
    kind: 'remise-cqc',
    generatedOn: '2027-07-06',
    pupils: [
      {
        ...pupil('Zeller', 'Hélène', '2008-12-01'),
        cardReceivedOn: '2027-08-31',
        handedOverOn: null,
      },
      {
        ...pupil('Abadie', 'Lucas', '2008-11-30'),
        cardReceivedOn: '2027-07-05',
        handedOverOn: '2027-07-06',
      },
      { ...pupil('Érard', 'Zoé', '2009-01-15'), cardReceivedOn: null, handedOverOn: null },
      { ...pupil('Bùi', 'Lan', '2009-06-14'), cardReceivedOn: '2027-07-05', handedOverOn: null },
    ],
  };

  it('one row per pupil by name, with the card’s dates and its last day of return', () => {
    const view = handoverSheetView(input);
    expect(view.title).toBe('Remise des CQC contre signature');
    const rows = [...view.rows, ...view.tailRows];
    expect(
      rows.map((r) => [r.number, r.lastName, r.receivedOn, r.errorDeadline, r.handedOverOn]),
    ).toEqual([
      [1, 'Abadie', '05/07/2027', '05/08/2027', '06/07/2027'],
      [2, 'Bùi', '05/07/2027', '05/08/2027', ''],
      [3, 'Érard', '', '', ''],
      // Received on 31 August: no 31 September, the month's last day.
      [4, 'Zeller', '31/08/2027', '30/09/2027', ''],
    ]);
    expect(view.rows).toHaveLength(1);
    expect(view.tailRows).toHaveLength(3);
    expect(view.total).toBe(`4${NBSP}cartes à remettre.`);
  });

  it('the card error rule: one month from receipt, postmark counting, défaut-qualité form', () => {
    const view = handoverSheetView(input);
    expect(view.errorRule.text).toBe(
      'Carte comportant une erreur : ne pas la remettre. La reprendre, remplir le formulaire « défaut qualité » et retourner le tout à Chronoservices dans un délai d’un mois après sa réception, cachet de la poste faisant foi.',
    );
    expect(view.errorRule.refs).toBe('2, 3');
    expect(view.errorDeadlines).toEqual([
      'Cartes reçues le 05/07/2027 : en cas d’erreur, retour au plus tard le 05/08/2027.',
      'Cartes reçues le 31/08/2027 : en cas d’erreur, retour au plus tard le 30/09/2027.',
    ]);
    expect(view.intro.text).toContain('contre signature');
    expect(view.references.map((r) => r.text)).toEqual([
      sourceCitation(CQC_CAMPAIGN_SOURCES.HANDOVER_FROM_JULY),
      sourceCitation(CQC_CAMPAIGN_SOURCES.CARD_ERROR_ONE_MONTH),
      sourceCitation(CQC_CAMPAIGN_SOURCES.MONTH_DEADLINE),
    ]);
  });

  it('no card: says so; one card: singular', () => {
    expect(handoverSheetView({ ...input, pupils: [] }).emptyNotice).toBe(
      'Aucune carte à remettre pour cet établissement.',
    );
    expect(handoverSheetView({ ...input, pupils: input.pupils.slice(0, 1) }).total).toBe(
      `1${NBSP}carte à remettre.`,
    );
  });
});

describe('majorityListView', () => {
  const input: MajorityListInput = {
    ...CONTEXT,
    kind: 'eleves-majeurs',
    school: null,
    entries: [
      {
        ...pupil('Petit', 'Théo', '2009-09-02', {
          ficheNumber: 7,
          ficheSessionLabel: 'Session Bac Pro — Terminale CTRM',
        }),
        majorityDate: '2027-09-02',
      },
      { ...pupil('Lefèvre', 'Noé', '2012-02-29'), majorityDate: '2030-03-01' },
      { ...pupil('Bùi', 'Lan', '2009-06-14'), majorityDate: '2027-06-14' },
      {
        ...pupil('Abadie', 'Inès', '2009-06-14', { ficheSessionLabel: 'Session Bac Pro' }),
        majorityDate: '2027-06-14',
      },
    ],
  };

  it('by majority date then name, with the dates and the fiche', () => {
    const view = majorityListView(input);
    expect(
      view.rows.map((r) => [
        r.majorityDate,
        r.lastName,
        r.birthDate,
        plain(r.ficheLabel),
        r.leapDay,
      ]),
    ).toEqual([
      ['14/06/2027', 'Abadie', '14/06/2009', 'Session Bac Pro', false],
      ['14/06/2027', 'Bùi', '14/06/2009', 'Pas encore de fiche', false],
      ['02/09/2027', 'Petit', '02/09/2009', 'Session Bac Pro — Terminale CTRM, fiche n° 7', false],
      ['01/03/2030', 'Lefèvre', '29/02/2012', 'Pas encore de fiche', true],
    ]);
    expect(view.rows[0].majorityLongDate).toBe('lundi 14 juin 2027');
    expect(view.rows[3].majorityLongDate).toBe('vendredi 1er mars 2030');
    expect(plain(view.total)).toBe('4 élèves à convoquer.');
  });

  it('states the call at majority and the 29 February choice, with sources', () => {
    const view = majorityListView(input);
    expect(view.rule.text).toContain('convoque chaque élève dès le jour de ses 18 ans');
    expect(view.leapDayRule?.text).toContain('Jalon retient le 1er mars');
    expect(view.references.map((r) => r.text)).toEqual([
      sourceCitation(CQC_CAMPAIGN_SOURCES.CALL_AT_MAJORITY),
      sourceCitation(CQC_CAMPAIGN_SOURCES.MAJORITY_AT_18),
      sourceCitation(CQC_CAMPAIGN_SOURCES.MAJORITY_29_FEBRUARY),
    ]);
    const noLeap = majorityListView({ ...input, entries: input.entries.slice(0, 1) });
    expect(noLeap.leapDayRule).toBeNull();
    expect(noLeap.references).toHaveLength(2);
  });

  it('campaign-wide (no school): the centre issues it for the school year', () => {
    const view = majorityListView(input);
    expect(view.header).toEqual({
      issuer: {
        name: 'Délégation Auvergne-Rhône-Alpes',
        lines: ['Campagne CQC par équivalence 2026-2027'],
      },
      aside: ['Année scolaire 2026-2027'],
    });
    expect(view.subtitle).toBe('Campagne CQC par équivalence 2026-2027');
    expect(view.issued).toBe('Le 20/05/2027');
    expect(view.footer.title).toBe('Élèves à convoquer dès leurs 18 ans');
  });

  it('no pupil: says so', () => {
    expect(majorityListView({ ...input, entries: [] }).emptyNotice).toBe(
      'Aucun élève n’atteint ses 18 ans sur la période.',
    );
  });
});

describe('campaignDocumentView and campaignDocumentFileName', () => {
  it('picks the view of the kind', () => {
    const view = campaignDocumentView({ ...CONTEXT, kind: 'eleves-majeurs', entries: [] });
    expect(view.kind).toBe('eleves-majeurs');
  });

  it('an ASCII file name, without accents nor apostrophes', () => {
    expect(
      campaignDocumentFileName({
        ...CONTEXT,
        school: { ...SCHOOL, name: 'Lycée d’Arsonval — Saint-Maur' },
        kind: 'remise-cqc',
        pupils: [],
      }),
    ).toBe('cqc-remise-cqc-lycee-d-arsonval-saint-maur-2026-2027.pdf');
    expect(
      campaignDocumentFileName({ ...CONTEXT, school: null, kind: 'eleves-majeurs', entries: [] }),
    ).toBe('cqc-eleves-majeurs-2026-2027.pdf');
  });
});
