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
  {
    name: 'notifications',
    description:
      'The caller’s in-app notifications (list, unread count, read, delete), the live stream (SSE), ' +
      'preferences per type and channel, and one-click unsubscribe.',
  },
  {
    name: 'security-analytics',
    description:
      'Admin only: IP/CIDR blocks, request analytics (overview, geography, time series), suspicious ' +
      'addresses and everything known about one address.',
  },
  {
    name: 'system',
    description:
      'Liveness, readiness, a trivial ping, and the admin view of queues and email deliveries.',
  },
];
