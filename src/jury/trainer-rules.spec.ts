import { trainerIdsError } from './trainer-rules.js';

describe('candidate trainers', () => {
  it('accepts none, or members of the centre', () => {
    expect(trainerIdsError([], [])).toBeNull();
    expect(trainerIdsError(['a', 'b'], ['a', 'b', 'c'])).toBeNull();
  });

  it('names the ids that are not members of the centre', () => {
    expect(trainerIdsError(['a', 'x', 'y'], ['a'])).toEqual({
      field: 'trainerIds',
      message:
        'Le champ « trainerIds » doit désigner des membres du jury du centre : x, y n’en sont pas.',
    });
    expect(trainerIdsError(['x'], ['a'])?.message).toContain('x n’en est pas.');
  });
});
