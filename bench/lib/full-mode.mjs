import { randomBytes } from 'node:crypto';
import pg from 'pg';
import IORedis from 'ioredis';

/**
 * Full mode resources of one benchmark run: a fresh database `nexus_bench_<random>` on the given
 * server and a Redis key prefix of its own, both removed by cleanup().
 */
export async function createFullModeResources({ databaseUrl, redisUrl }) {
  if (!databaseUrl || !redisUrl) {
    throw new Error(
      '--mode full needs BENCH_DATABASE_URL/BENCH_REDIS_URL (or DATABASE_URL/REDIS_URL)',
    );
  }
  for (const [name, value] of [
    ['database', databaseUrl],
    ['redis', redisUrl],
  ]) {
    const host = new URL(value).hostname;
    if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
      throw new Error(`the ${name} of a benchmark must be on this machine (got host ${host})`);
    }
  }
  const suffix = randomBytes(5).toString('hex');
  const dbName = `nexus_bench_${suffix}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${dbName}`);
  } finally {
    await admin.end();
  }
  const url = new URL(databaseUrl);
  url.pathname = `/${dbName}`;
  const redisPrefix = `nexus_bench_${suffix}`;

  return {
    dbName,
    env: {
      DATABASE_URL: url.toString(),
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      DB_MIGRATE: 'true',
    },
    async cleanup() {
      const problems = [];
      const client = new pg.Client({ connectionString: databaseUrl });
      try {
        await client.connect();
        await client.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      } catch (e) {
        problems.push(`drop database ${dbName}: ${e.message}`);
      } finally {
        await client.end().catch(() => {});
      }
      const redis = new IORedis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
      try {
        await redis.connect();
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}*`, 'COUNT', 1000);
          cursor = next;
          if (keys.length) await redis.unlink(...keys);
        } while (cursor !== '0');
      } catch (e) {
        problems.push(`delete redis keys ${redisPrefix}*: ${e.message}`);
      } finally {
        redis.disconnect();
      }
      return problems;
    },
  };
}
