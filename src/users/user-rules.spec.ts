import { centreIdsError, passwordError } from './user-rules.js';

describe('account rules', () => {
  it('wants a password of 12 characters at least', () => {
    expect(passwordError('un-mot-de-passe')).toBeNull();
    expect(passwordError('court')).toEqual({
      field: 'password',
      message: 'Le champ « password » doit comporter au moins 12 caractères.',
    });
  });

  it('wants a centre for a manager or a viewer', () => {
    expect(centreIdsError('admin', [])).toBeNull();
    expect(centreIdsError('viewer', ['c-1'])).toBeNull();
    expect(centreIdsError('manager', [])?.field).toBe('centreIds');
  });
});
