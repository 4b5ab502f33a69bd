import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAppsOnce } from './built-apps';

/**
 * PGlite's first start runs initdb (~4 s). It is done once per PGlite version into a template
 * directory that every embedded-mode test app copies, so each suite gets a fresh database fast.
 */
export default async function globalSetup(): Promise<void> {
  // Suites that start the built api, worker or CLI need dist/ (see buildAppsOnce).
  buildAppsOnce();
  const version = JSON.parse(
    readFileSync(join(__dirname, '../../node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ).version as string;
  const dir = join(tmpdir(), `nexus-pglite-template-${version}`);
  process.env.NEXUS_PGLITE_TEMPLATE = dir;
  if (existsSync(join(dir, 'PG_VERSION'))) return;
  const staging = `${dir}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const db = await PGlite.create(staging);
  await db.query('SELECT 1');
  await db.close();
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
}
