import { parseArgs, requireOption } from './cli-args.js';

describe('parseArgs', () => {
  it('reads a command, valued options and flags', () => {
    expect(parseArgs(['user:create', '--email', 'a@b.fr', '--role=admin', '--dry-run'])).toEqual({
      command: 'user:create',
      options: { email: 'a@b.fr', role: 'admin', 'dry-run': true },
    });
  });

  it('refuses a stray argument and names a missing option', () => {
    expect(() => parseArgs(['backup', 'oops'])).toThrow('Argument inattendu : oops');
    expect(() => requireOption({}, 'out')).toThrow('--out');
  });
});
