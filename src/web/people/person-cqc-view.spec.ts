import type { PersonCqcEntry } from '../../cqc/person-cqc.js';
import { personCqcRows } from './person-cqc-view.js';

const entry: PersonCqcEntry = {
  candidateId: 'c1',
  session: { id: 's1', startDate: '2027-06-14', endDate: '2027-06-18', status: 'PLANNED' },
  titre: { code: 'CTRMP', label: 'Conducteur sur porteur', version: '2023' },
  ccpCode: null,
  qualification: 'MARCHANDISES',
  qualificationLabel: 'Marchandises',
  trainingType: 'FORMATION_LONGUE',
  trainingTypeLabel: 'Formation longue',
  educationNationale: false,
  hubAccountEmailedOn: '2027-05-24',
  registeredOn: '2027-06-21',
  certificateValidUntil: '2027-10-21',
  cardOrderedOn: '2027-09-23',
  cardOrderConfirmedBy: 'driver',
  trainingSummary: {
    deliveredOn: '2027-06-21',
    availableUntil: null,
    withoutLimit: true,
    label: 'Disponible sans limite',
  },
};

describe('personCqcRows', () => {
  it('says in French each step of the driver', () => {
    expect(personCqcRows([entry])).toEqual([
      {
        sessionId: 's1',
        session: 'Session du 14/06/2027 au 18/06/2027',
        titre: 'CTRMP — Conducteur sur porteur (2023)',
        training: 'Marchandises — Formation longue',
        hubAccount: 'Invité(e) à créer son compte le 24/05/2027',
        registeredOn: '21/06/2027',
        certificate: 'Valable jusqu’au 21/10/2027',
        card: 'Commandée le 23/09/2027 (confirmé par le conducteur)',
        trainingSummary: 'Disponible sans limite',
      },
    ]);
  });

  it('before the registration', () => {
    const [row] = personCqcRows([
      {
        ...entry,
        educationNationale: true,
        hubAccountEmailedOn: null,
        registeredOn: null,
        certificateValidUntil: null,
        cardOrderedOn: null,
        cardOrderConfirmedBy: null,
      },
    ]);
    expect(row.training).toBe('Marchandises — Formation longue (Éducation nationale)');
    expect(row.hubAccount).toBe('Pas encore invité(e) à créer son compte');
    expect(row.registeredOn).toBe('Non enregistré(e)');
    expect(row.certificate).toBe('—');
    expect(row.card).toBe('—');
  });

  it('names the CCP that gives the CQC', () => {
    const [row] = personCqcRows([
      { ...entry, ccpCode: 'CCP2', trainingType: 'MODULE_FCO', trainingTypeLabel: 'Module de FCO' },
    ]);
    expect(row.training).toBe('Marchandises — Module de FCO (CCP2)');
  });
});
