import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';

/**
 * Who may read operator data (/metrics, the detail of /health/ready): with METRICS_TOKEN, only a
 * request bearing it; without, everyone outside production and nobody in production.
 */
export type OperatorAccess = 'granted' | 'denied' | 'disabled';

export function operatorAccess(
  config: Pick<AppConfig, 'metricsToken' | 'nodeEnv'>,
  request: Pick<FastifyRequest, 'headers'>,
): OperatorAccess {
  if (!config.metricsToken) return config.nodeEnv === 'production' ? 'disabled' : 'granted';
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer (.+)$/.exec(header) : null;
  if (!match) return 'denied';
  // Digests have equal lengths, so the comparison time says nothing about the token.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(match[1]), digest(config.metricsToken)) ? 'granted' : 'denied';
}
