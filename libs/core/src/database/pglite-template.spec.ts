import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findPgliteTemplate,
  installedPgliteVersion,
  unpackPgliteTemplate,
} from './pglite-template';

describe('the embedded database template', () => {
  let work: string;
  beforeEach(() => (work = mkdtempSync(join(tmpdir(), 'nexus-template-spec-'))));
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('exists for the installed PGlite (else: node scripts/pglite-template.mjs)', () => {
    expect(findPgliteTemplate()).toMatch(
      new RegExp(`pglite-template-${installedPgliteVersion().replace(/\./g, '\\.')}\\.tar\\.br$`),
    );
  });

  it('unpacks into a database that PGlite opens and writes', async () => {
    const dir = join(work, 'pglite');
    await unpackPgliteTemplate(findPgliteTemplate()!, dir);
    expect(readdirSync(work)).toEqual(['pglite']); // no staging folder left behind
    const db = await PGlite.create(dir);
    try {
      await db.exec('CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1), (2)');
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM t');
      expect(rows).toEqual([{ n: 2 }]);
    } finally {
      await db.close();
    }
  });

  it('never unpacks over a folder that holds files', async () => {
    const dir = join(work, 'pglite');
    mkdirSync(dir);
    writeFileSync(join(dir, 'keep'), 'x');
    await expect(unpackPgliteTemplate(findPgliteTemplate()!, dir)).rejects.toThrow(/not empty/);
    expect(readdirSync(dir)).toEqual(['keep']);
    expect(existsSync(join(work, `pglite.unpacking-${process.pid}`))).toBe(false);
  });
});
