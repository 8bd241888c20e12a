import {
  anonymisedPerson,
  PURGED_PERSON_FIELDS,
  anonymisedCandidate,
  isPastRetention,
  PURGED_FIELDS,
  retentionCutoff,
} from './retention-rules.js';

describe('retention rules', () => {
  it('keeps a session until its end date is more than N years old', () => {
    expect(retentionCutoff('2032-06-19', 5)).toBe('2027-06-19');
    expect(isPastRetention('2027-06-18', '2032-06-19', 5)).toBe(true);
    expect(isPastRetention('2027-06-19', '2032-06-19', 5)).toBe(false);
    expect(isPastRetention('2027-06-20', '2032-06-19', 5)).toBe(false);
  });

  it('clamps 29 February', () => {
    expect(retentionCutoff('2032-02-29', 5)).toBe('2027-02-28');
  });

  it('replaces every personal field', () => {
    const replaced = anonymisedCandidate(3);
    expect(Object.keys(replaced).sort()).toEqual([...PURGED_FIELDS].sort());
    expect(`${replaced.lastName} ${replaced.firstName}`).toBe('Candidat anonymisé n°3');
    expect(replaced.birthDate).toBeNull();
    expect(replaced.email).toBeNull();
    expect(replaced.phone).toBeNull();
    expect(replaced.address).toBe('');
  });

  it('replaces every personal field of a person, with a key that matches nobody else', () => {
    const replaced = anonymisedPerson('p-1');
    const { matchKey, ...fields } = replaced;
    expect(Object.keys(fields).sort()).toEqual([...PURGED_PERSON_FIELDS].sort());
    expect(replaced.lastName).toBe('Personne anonymisée');
    expect(replaced.drivingLicenceNumber).toBeNull();
    expect(matchKey).toBe('anonymised|p-1');
    expect(anonymisedPerson('p-2').matchKey).not.toBe(matchKey);
  });
});
