/** The three roles, weakest first. */
export const ROLES = ['user', 'moderator', 'admin'] as const;

export type Role = (typeof ROLES)[number];

/** The authenticated caller, set on `request.user` by the global JwtAuthGuard. */
export interface AuthUser {
  id: string;
  username: string;
  role: Role;
  emailVerified: boolean;
  /** The session (refresh-token family) the access token belongs to. */
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    user?: AuthUser;
  }
}
