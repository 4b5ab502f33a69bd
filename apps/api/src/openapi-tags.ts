import type { OpenApiTag } from '@nexus/core';

/**
 * One tag per module (`@ApiTags(name)` on its controllers), in the order Swagger UI lists them.
 * A module that adds routes adds its line here; the contract test fails on an undeclared tag.
 */
export const API_TAGS: OpenApiTag[] = [
  {
    name: 'users',
    description:
      'Accounts and authentication (register, verify, login, refresh, logout, passwords), the caller’s ' +
      'account and sessions, public profiles, follows, and user administration.',
  },
  {
    name: 'content',
    description:
      'Articles (drafts, publishing, listing, search, feed, trending), tags, comments, likes, and the ' +
      'cache figures of the admin.',
  },
  { name: 'system', description: 'Liveness, readiness and a trivial ping.' },
];
