export type TestMode = 'embedded' | 'full';

/**
 * The modes an e2e suite runs in: always embedded; full (PostgreSQL + Redis) when
 * TEST_DATABASE_URL and TEST_REDIS_URL are given. With NEXUS_REQUIRE_FULL=true (CI) a missing
 * service is an error, never a silent skip.
 */
export function testModes(): TestMode[] {
  const full = !!(process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL);
  if (!full && process.env.NEXUS_REQUIRE_FULL === 'true') {
    throw new Error('NEXUS_REQUIRE_FULL=true but TEST_DATABASE_URL / TEST_REDIS_URL are not set');
  }
  return full ? ['embedded', 'full'] : ['embedded'];
}

export const fullModeAvailable = (): boolean => testModes().includes('full');
