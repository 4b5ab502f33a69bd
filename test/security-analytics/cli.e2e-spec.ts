import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { testModes } from '../support/modes';
import { waitUntil } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '../..');
const CLI_ENTRY = join(ROOT, 'dist/apps/api/apps/api/src/cli.js');
const CACHED = '/api/v1/tags';

/** Runs the built CLI without blocking this process (an embedded api here must answer it). */
async function cli(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI_ENTRY, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe.each(testModes())('block-ip CLI against a running api (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode);
  });
  afterAll(() => t?.close());

  const env = (): Record<string, string> =>
    mode === 'embedded'
      ? { DATA_DIR: t.config.dataDir, JWT_SECRET: t.config.jwtSecret }
      : {
          DATA_DIR: t.config.dataDir,
          JWT_SECRET: t.config.jwtSecret,
          DATABASE_URL: t.config.databaseUrl!,
          REDIS_URL: t.config.redisUrl!,
          REDIS_PREFIX: t.config.redisPrefix,
        };
  const from = (ip: string) => t.inject({ method: 'GET', url: CACHED, remoteAddress: ip });

  it('blocks, lists and unblocks; the running api enforces each change within a second', async () => {
    expect((await from('203.0.113.77')).statusCode).toBe(200);
    const blocked = await cli(
      ['block-ip', '203.0.113.0/24', '--reason', 'from the CLI', '--expires', '24h'],
      env(),
    );
    expect(blocked).toMatchObject({ code: 0 });
    expect(blocked.stdout).toMatch(
      mode === 'embedded' ? /went through the running api/ : /wrote the database \(full mode\)/,
    );
    expect(blocked.stdout).toMatch(/blocked 203\.0\.113\.0\/24\tmanual\tuntil /);
    await waitUntil(async () => (await from('203.0.113.77')).statusCode === 403, {
      timeoutMs: 1000,
      what: 'the block enforced',
    });

    const listed = await cli(['list-blocks'], env());
    expect(listed.stdout).toMatch(/203\.0\.113\.0\/24\tmanual\t.*from the CLI/);

    const refused = await cli(['block-ip', '0.0.0.0/0', '--reason', 'everyone'], env());
    expect(refused.code).toBe(65);
    expect(refused.stderr).toMatch(/every address/);

    const unblocked = await cli(['unblock-ip', '203.0.113.0/24'], env());
    expect(unblocked.stdout).toMatch(/unblocked 203\.0\.113\.0\/24/);
    await waitUntil(async () => (await from('203.0.113.77')).statusCode === 200, {
      timeoutMs: 1000,
      what: 'the unblock enforced',
    });
  }, 240_000);
});

describe('block-ip CLI with no api running (embedded mode)', () => {
  it('opens the embedded database itself and says so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nexus-cli-'));
    try {
      const template = process.env.NEXUS_PGLITE_TEMPLATE;
      if (template) cpSync(template, join(dataDir, 'pglite'), { recursive: true });
      const env = { DATA_DIR: dataDir, JWT_SECRET: 'cli-test-secret-0123456789-abcdefghijklmnop' };
      const blocked = await cli(['block-ip', '2001:db8::/32', '--reason', 'offline'], env);
      expect(blocked.stdout).toMatch(/no api running; opened the embedded database/);
      expect(blocked.stdout).toMatch(/blocked 2001:db8::\/32\tmanual\tno expiry\toffline/);
      expect((await cli(['list-blocks'], env)).stdout).toMatch(
        /1 active block\(s\)\n2001:db8::\/32/,
      );
      const usage = await cli(['block-ip', '1.2.3.4'], env);
      expect(usage.code).toBe(64);
      expect(usage.stderr).toMatch(/--reason/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 240_000);
});
