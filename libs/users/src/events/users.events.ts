/** Domain events emitted by @nexus/users (names are `users.<entity>.<verb>`). */
export const USERS_EVENTS = {
  registered: 'users.user.registered',
  emailVerified: 'users.user.email_verified',
  loggedIn: 'users.user.logged_in',
  loginFailed: 'users.user.login_failed',
  updated: 'users.user.updated',
  deleted: 'users.user.deleted',
  followed: 'users.user.followed',
  unfollowed: 'users.user.unfollowed',
  roleChanged: 'users.user.role_changed',
  suspended: 'users.user.suspended',
  unsuspended: 'users.user.unsuspended',
  passwordChanged: 'users.user.password_changed',
  refreshReuseDetected: 'users.session.reuse_detected',
  sessionsRevoked: 'users.session.all_revoked',
} as const;

export class UserRegisteredEvent {
  constructor(
    readonly userId: string,
    readonly email: string,
    readonly username: string,
  ) {}
}

export class UserEmailVerifiedEvent {
  constructor(readonly userId: string) {}
}

export class UserLoggedInEvent {
  constructor(
    readonly userId: string,
    readonly ip: string,
    /** ISO 3166 code when known; users has no geo database, security-analytics enriches by IP. */
    readonly country: string | null,
  ) {}
}

/** A failed login (wrong password, unknown account or lockout), for security analytics. */
export class UserLoginFailedEvent {
  constructor(
    readonly ip: string,
    /** Set when the identifier matched an account. */
    readonly userId: string | null,
    readonly reason: 'bad-credentials' | 'locked-out' | 'suspended',
    /**
     * The identifier submitted (email or username, trimmed and lowercased), so that credential
     * stuffing counts identifiers tried, existing or not. In-process only (emitted, never written
     * to the outbox): a listener must not store or log it in clear.
     */
    readonly identifier: string,
  ) {}
}

/** Profile, display name or avatar changed (content evicts author cards). */
export class UserUpdatedEvent {
  constructor(readonly userId: string) {}
}

export class UserDeletedEvent {
  constructor(readonly userId: string) {}
}

export class UserFollowedEvent {
  constructor(
    readonly followerId: string,
    readonly followeeId: string,
  ) {}
}

export class UserUnfollowedEvent {
  constructor(
    readonly followerId: string,
    readonly followeeId: string,
  ) {}
}

export class UserRoleChangedEvent {
  constructor(
    readonly userId: string,
    readonly role: string,
    readonly previousRole: string,
    readonly changedBy: string,
  ) {}
}

export class UserSuspendedEvent {
  constructor(
    readonly userId: string,
    readonly suspended: boolean,
    readonly changedBy: string,
    readonly reason: string | null,
  ) {}
}

export class UserPasswordChangedEvent {
  constructor(
    readonly userId: string,
    readonly via: 'change' | 'reset' | 'admin-bootstrap',
  ) {}
}

/** A rotated refresh token was presented again: its whole family (session) was revoked. */
export class RefreshTokenReuseDetectedEvent {
  constructor(
    readonly userId: string,
    readonly sessionId: string,
    readonly ip: string,
  ) {}
}

/** Every session of the user was signed out at their request ("log out everywhere"). */
export class UserSessionsRevokedEvent {
  constructor(
    readonly userId: string,
    readonly reason: 'logout-all',
  ) {}
}

// Lets `DomainEvents.emit` check each users event's payload (docs/core.md, domain events).
declare module '@nexus/core/events/domain-events' {
  interface DomainEventMap {
    'users.user.registered': UserRegisteredEvent;
    'users.user.email_verified': UserEmailVerifiedEvent;
    'users.user.logged_in': UserLoggedInEvent;
    'users.user.login_failed': UserLoginFailedEvent;
    'users.user.updated': UserUpdatedEvent;
    'users.user.deleted': UserDeletedEvent;
    'users.user.followed': UserFollowedEvent;
    'users.user.unfollowed': UserUnfollowedEvent;
    'users.user.role_changed': UserRoleChangedEvent;
    'users.user.suspended': UserSuspendedEvent;
    'users.user.unsuspended': UserSuspendedEvent;
    'users.user.password_changed': UserPasswordChangedEvent;
    'users.session.reuse_detected': RefreshTokenReuseDetectedEvent;
    'users.session.all_revoked': UserSessionsRevokedEvent;
  }
}
