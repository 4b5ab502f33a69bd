/** 3–30 characters: lower-case letters, digits, `_` and `-`, starting with a letter or digit. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_-]{2,29}$/;

/**
 * Names that would shadow routes (`/users/me`) or impersonate the platform. The service-level
 * `createUser` (seeding, admin bootstrap) may still use them; registration may not.
 */
export const RESERVED_USERNAMES: ReadonlySet<string> = new Set([
  'me',
  'admin',
  'administrator',
  'root',
  'system',
  'nexus',
  'support',
  'help',
  'api',
  'www',
  'mail',
  'moderator',
  'mod',
  'staff',
  'security',
  'abuse',
  'postmaster',
  'hostmaster',
  'webmaster',
  'noreply',
  'no-reply',
  'null',
  'undefined',
  'anonymous',
  'deleted',
  'settings',
  'login',
  'logout',
  'register',
  'signup',
  'signin',
  'auth',
  'users',
  'user',
  'official',
  'team',
  'status',
  'docs',
  'graphql',
]);

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
export const normalizeUsername = (username: string): string => username.trim().toLowerCase();
