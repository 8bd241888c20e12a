import { centreIdsError, confirmationError, disableRefusal, passwordError } from './user-rules.js';

describe('account rules', () => {
  it('wants a password of 12 characters at least', () => {
    expect(passwordError('un-mot-de-passe')).toBeNull();
    expect(passwordError('court')).toEqual({
      field: 'password',
      message: 'Le champ « password » doit comporter au moins 12 caractères.',
    });
    expect(passwordError('court', 'newPassword')).toEqual({
      field: 'newPassword',
      message: 'Le champ « newPassword » doit comporter au moins 12 caractères.',
    });
    expect(passwordError('a'.repeat(12), 'newPassword')).toBeNull();
  });

  it('wants the new password typed twice the same', () => {
    expect(confirmationError('un-mot-de-passe', 'un-mot-de-passe')).toBeNull();
    expect(confirmationError('un-mot-de-passe', 'un-mot-de-passf')?.field).toBe(
      'newPasswordConfirmation',
    );
  });

  it('wants a centre for a manager or a viewer', () => {
    expect(centreIdsError('admin', [])).toBeNull();
    expect(centreIdsError('viewer', ['c-1'])).toBeNull();
    expect(centreIdsError('manager', [])?.field).toBe('centreIds');
  });

  it('never lets an administrator disable themselves nor the last active administrator', () => {
    const admin = { id: 'a-1', role: 'admin', active: true };
    expect(disableRefusal('a-1', admin, 3)).toMatch(/propre compte/);
    expect(disableRefusal('a-2', admin, 0)).toMatch(/dernier administrateur actif/);
    expect(disableRefusal('a-2', admin, 1)).toBeNull();
    expect(disableRefusal('a-2', { id: 'm-1', role: 'manager', active: true }, 0)).toBeNull();
    // Already disabled: nothing changes, so no administrator is lost.
    expect(disableRefusal('a-2', { ...admin, active: false }, 0)).toBeNull();
  });
});
