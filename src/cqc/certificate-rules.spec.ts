import {
  CERTIFICATE_REMINDER_STEPS,
  certificateReminderMessage,
  certificateReminderHorizon,
  certificateReminderStep,
  certificatesToRemind,
  probationaryCertificateEndDate,
  PROBATIONARY_CERTIFICATE_VALIDITY,
  TRAINING_SUMMARY_RETENTION,
  trainingSummaryAvailableUntil,
} from './certificate-rules.js';

describe('probationaryCertificateEndDate', () => {
  it('adds 4 months to the registration date', () => {
    expect(PROBATIONARY_CERTIFICATE_VALIDITY.months).toBe(4);
    expect(PROBATIONARY_CERTIFICATE_VALIDITY.source.code).toBe('PROBATIONARY_CERTIFICATE');
    expect(probationaryCertificateEndDate('2027-03-12')).toBe('2027-07-12');
    expect(probationaryCertificateEndDate('2027-09-30')).toBe('2028-01-30');
  });

  it('clamps to the end of a shorter month, leap years included', () => {
    expect(probationaryCertificateEndDate('2026-10-31')).toBe('2027-02-28');
    expect(probationaryCertificateEndDate('2027-10-31')).toBe('2028-02-29');
    expect(probationaryCertificateEndDate('2027-10-29')).toBe('2028-02-29');
    expect(probationaryCertificateEndDate('2027-05-31')).toBe('2027-09-30');
    expect(probationaryCertificateEndDate('2099-10-31')).toBe('2100-02-28'); // 2100 is not leap
  });

  it('keeps the day when it exists', () => {
    expect(probationaryCertificateEndDate('2027-11-29')).toBe('2028-03-29');
    expect(probationaryCertificateEndDate('2028-02-29')).toBe('2028-06-29');
  });
});

describe('certificateReminderStep', () => {
  const certificate = { endDate: '2027-07-12', cardOrderedOn: null };

  it('is silent more than 30 days before the end', () => {
    expect(certificateReminderStep(certificate, '2027-06-11')).toBeNull();
  });

  it('reminds 30 days before, then 7 days before (end date included), then once expired', () => {
    expect(certificateReminderStep(certificate, '2027-06-12')).toBe('D30');
    expect(certificateReminderStep(certificate, '2027-07-04')).toBe('D30');
    expect(certificateReminderStep(certificate, '2027-07-05')).toBe('D7');
    expect(certificateReminderStep(certificate, '2027-07-12')).toBe('D7');
    expect(certificateReminderStep(certificate, '2027-07-13')).toBe('EXPIRED');
    expect(certificateReminderStep(certificate, '2028-01-01')).toBe('EXPIRED');
  });

  it('stops once the card is ordered', () => {
    const ordered = { ...certificate, cardOrderedOn: '2027-07-01' };
    expect(certificateReminderStep(ordered, '2027-07-05')).toBeNull();
    expect(certificateReminderStep(ordered, '2027-08-01')).toBeNull();
  });

  it('lists its steps in order with their source', () => {
    expect(CERTIFICATE_REMINDER_STEPS.map((s) => s.step)).toEqual(['D30', 'D7', 'EXPIRED']);
    expect(CERTIFICATE_REMINDER_STEPS[0].source.code).toBe('CERTIFICATE_REMINDERS');
  });
});

describe('certificateReminderMessage', () => {
  it('says when the certificate ends', () => {
    expect(certificateReminderMessage('D30', 'de Camille DUPONT', '2027-07-12', '2027-06-20')).toBe(
      'Le certificat de qualification de Camille DUPONT expire le 12/07/2027, dans 22 jours : la carte (CQC) n’a pas encore été commandée sur Hub Pro Transport.',
    );
    expect(
      certificateReminderMessage('D7', 'de Camille DUPONT', '2027-07-12', '2027-07-11'),
    ).toContain('expire le 12/07/2027, demain :');
    expect(
      certificateReminderMessage('D7', 'de Camille DUPONT', '2027-07-12', '2027-07-12'),
    ).toContain('expire le 12/07/2027, aujourd’hui :');
  });

  it('warns of the fine once expired', () => {
    expect(
      certificateReminderMessage('EXPIRED', 'd’Éloïse MARTIN', '2027-07-12', '2027-07-20'),
    ).toBe(
      'Le certificat de qualification d’Éloïse MARTIN a expiré le 12/07/2027 et la carte (CQC) n’a pas encore été commandée sur Hub Pro Transport : sans carte, le conducteur peut être verbalisé lors d’un contrôle sur route.',
    );
  });
});

describe('trainingSummaryAvailableUntil', () => {
  it('keeps an FCO récapitulatif 6 years', () => {
    expect(TRAINING_SUMMARY_RETENTION.years).toBe(6);
    expect(trainingSummaryAvailableUntil('2027-03-15', 'FCO_COMPLETE')).toBe('2033-03-15');
    expect(trainingSummaryAvailableUntil('2027-03-15', 'MODULE_FCO')).toBe('2033-03-15');
    expect(trainingSummaryAvailableUntil('2028-02-29', 'FCO_COMPLETE')).toBe('2034-02-28');
  });

  it('keeps an initial training’s récapitulatif without limit', () => {
    expect(trainingSummaryAvailableUntil('2027-03-15', 'FORMATION_LONGUE')).toBeNull();
  });
});

describe('certificatesToRemind', () => {
  const a = { id: 'a', endDate: '2027-07-12', cardOrderedOn: null };
  const ordered = { id: 'b', endDate: '2027-07-12', cardOrderedOn: '2027-06-01' };
  const far = { id: 'c', endDate: '2027-09-12', cardOrderedOn: null };

  it('reads certificates ending within 30 days', () => {
    expect(certificateReminderHorizon('2027-06-12')).toBe('2027-07-12');
  });

  it('selects the certificates at a step whose card is not ordered', () => {
    expect(certificatesToRemind([a, ordered, far], '2027-06-12', () => false)).toEqual([
      { certificate: a, step: 'D30' },
    ]);
  });

  it('never reminds a step twice, but reminds the next one', () => {
    const sent = new Set(['a|D30']);
    const wasSent = (c: { id: string }, step: string) => sent.has(`${c.id}|${step}`);
    expect(certificatesToRemind([a], '2027-06-12', wasSent)).toEqual([]);
    expect(certificatesToRemind([a], '2027-06-20', wasSent)).toEqual([]);
    expect(certificatesToRemind([a], '2027-07-05', wasSent)).toEqual([
      { certificate: a, step: 'D7' },
    ]);
    expect(certificatesToRemind([a], '2027-07-13', wasSent)).toEqual([
      { certificate: a, step: 'EXPIRED' },
    ]);
  });

  it('stops once the card is ordered, whatever the step', () => {
    expect(certificatesToRemind([ordered], '2027-07-13', () => false)).toEqual([]);
  });
});
