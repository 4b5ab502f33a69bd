import { COMMON_PASSWORDS } from './common-passwords';
import { passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  it.each([
    ['short', 'password must be at least 10 characters'],
    ['x'.repeat(129), 'password must be at most 128 characters'],
    ['Password123', 'password is too common'],
    ['QWERTYUIOP', 'password is too common'],
    ['aaaaaaaaaaaaa', 'password is too repetitive'],
  ])('rejects %j', (password, message) => {
    expect(passwordProblem(password)).toBe(message);
  });

  it('rejects passwords built from the username or the email’s local part', () => {
    expect(passwordProblem('my-Harold-2026!', { username: 'harold' })).toMatch(/username or email/);
    expect(passwordProblem('ada.lovelace.rules', { email: 'ada.lovelace@example.com' })).toMatch(
      /username or email/,
    );
    expect(
      passwordProblem('a long good passphrase', { username: 'harold', email: 'h@example.com' }),
    ).toBeUndefined();
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('🔒🔑🗝️🚪🧱🪟🏠🌳🌲🌴')).toBeUndefined();
  });

  it('bundles a few hundred lower-cased common passwords', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(300);
    for (const p of COMMON_PASSWORDS) expect(p).toBe(p.toLowerCase());
  });
});
