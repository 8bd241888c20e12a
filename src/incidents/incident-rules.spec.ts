import { occurredOnError } from './incident-rules.js';

describe('occurredOnError', () => {
  const session = { startDate: '2027-06-14', endDate: '2027-06-18' };

  it('accepts a day of the session up to today', () => {
    expect(occurredOnError('2027-06-14', session, '2027-06-20')).toBeNull();
    expect(occurredOnError('2027-06-18', session, '2027-06-18')).toBeNull();
  });

  it('refuses a day outside the session, naming the field and the dates', () => {
    expect(occurredOnError('2027-06-13', session, '2027-06-20')?.message).toBe(
      'Le champ « occurredOn » doit être compris entre le 14/06/2027 et le 18/06/2027 (dates de la session).',
    );
    expect(occurredOnError('2027-06-19', session, '2027-06-20')?.field).toBe('occurredOn');
  });

  it('refuses a day after today', () => {
    expect(occurredOnError('2027-06-16', session, '2027-06-15')).toEqual({
      field: 'occurredOn',
      message: 'Le champ « occurredOn » ne doit pas être postérieur à aujourd’hui (15/06/2027).',
    });
  });
});
