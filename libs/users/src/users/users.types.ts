import type { Role } from '../auth/auth-user';

export interface CreateUserInput {
  email: string;
  username: string;
  password: string;
  displayName: string;
  role?: Role;
  emailVerified?: boolean;
}

/** The public face of an account, as the `author_cards` view holds it. */
export interface AuthorCard {
  id: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
}

/** The caller's own account, as `GET /users/me` returns it. */
export interface MeView {
  id: string;
  email: string;
  username: string;
  displayName: string;
  bio: string | null;
  avatarUrl: string | null;
  role: Role;
  emailVerified: boolean;
  followerCount: number;
  followingCount: number;
  publishedArticleCount: number;
  createdAt: string;
}

/** Public profile by username. */
export interface ProfileView {
  id: string;
  username: string;
  displayName: string;
  bio: string | null;
  avatarUrl: string | null;
  followerCount: number;
  followingCount: number;
  publishedArticleCount: number;
  createdAt: string;
  /** Whether the caller follows this user (absent for anonymous callers). */
  followedByMe?: boolean;
}

/** The columns a login needs, including the secret ones. */
export interface LoginRecord {
  id: string;
  email: string;
  username: string;
  displayName: string;
  passwordHash: string;
  suspended: boolean;
}

/** An account as the admin endpoints show it. */
export interface AdminUserView {
  id: string;
  email: string;
  username: string;
  displayName: string;
  role: Role;
  emailVerified: boolean;
  suspended: boolean;
  suspendedReason: string | null;
  /** Microseconds: the admin listing's keyset position. */
  createdAt: string;
}
