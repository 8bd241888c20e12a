import { attendanceErrors } from './attendance-rules.js';

describe('attendance on the day', () => {
  it('accepts a record from the first day of the session', () => {
    expect(attendanceErrors('2027-06-14', '2027-06-14', 'PRESENT', '08:30')).toEqual([]);
    expect(attendanceErrors('2027-06-16', '2027-06-14', 'ABSENT', null)).toEqual([]);
    expect(attendanceErrors('2027-06-16', '2027-06-14', null, null)).toEqual([]);
  });

  it('refuses a record before the session starts', () => {
    expect(attendanceErrors('2027-06-13', '2027-06-14', 'PRESENT', null)).toEqual([
      {
        field: 'attendance',
        message:
          'La présence se relève le jour de la session : pas avant son premier jour, le 14/06/2027 (champ « attendance »).',
      },
    ]);
  });

  it('refuses an arrival time for a member absent or not recorded, with every error at once', () => {
    expect(
      attendanceErrors('2027-06-13', '2027-06-14', 'ABSENT', '09:00').map((e) => e.field),
    ).toEqual(['attendance', 'arrivalTime']);
    expect(attendanceErrors('2027-06-14', '2027-06-14', null, '09:00')).toEqual([
      {
        field: 'arrivalTime',
        message: 'Le champ « arrivalTime » ne s’indique que pour un membre présent.',
      },
    ]);
  });
});
