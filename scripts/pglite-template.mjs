#!/usr/bin/env node
// Writes the embedded database's template: the data folder of a new, empty PGlite database
// (what PGlite's initdb produces, no migrations), as a Brotli-compressed tar named after the
// installed PGlite version. A new embedded database is unpacked from it in a fraction of a
// second instead of running initdb (libs/core/src/database/pglite-template.ts). Run it after
// upgrading @electric-sql/pglite (a unit test fails until then; without a matching template the
// api falls back to initdb). Usage: node scripts/pglite-template.mjs
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const target = join(root, 'libs/core/src/database');
const pgliteDist = dirname(require.resolve('@electric-sql/pglite'));
const version = JSON.parse(readFileSync(join(pgliteDist, '../package.json'), 'utf8')).version;
const { PGlite } = require('@electric-sql/pglite');

/** One ustar header block: regular file ('0') or directory ('5'), fixed owner and time. */
function header(name, size, type) {
  if (Buffer.byteLength(name) > 100) throw new Error(`path too long for ustar: ${name}`);
  const h = Buffer.alloc(512);
  const octal = (value, offset, length) =>
    h.write(value.toString(8).padStart(length - 1, '0') + '\0', offset, length, 'ascii');
  h.write(name, 0, 100, 'utf8');
  octal(type === '5' ? 0o700 : 0o600, 100, 8);
  octal(0, 108, 8); // uid
  octal(0, 116, 8); // gid
  octal(size, 124, 12);
  octal(0, 136, 12); // mtime: the same bytes for the same database
  h.write('        ', 148, 8, 'ascii'); // checksum field counts as spaces while summing
  h.write(type, 156, 1, 'ascii');
  h.write('ustar\0' + '00', 257, 8, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii');
  return h;
}

function tar(dir) {
  const blocks = [];
  const visit = (rel) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const stat = statSync(join(dir, path));
      if (stat.isDirectory()) {
        blocks.push(header(`${path}/`, 0, '5'));
        visit(path);
      } else if (stat.isFile()) {
        const data = readFileSync(join(dir, path));
        blocks.push(header(path, data.length, '0'), data);
        if (data.length % 512) blocks.push(Buffer.alloc(512 - (data.length % 512)));
      } else throw new Error(`not a file or folder: ${path}`);
    }
  };
  visit('');
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

const work = mkdtempSync(join(tmpdir(), 'nexus-pglite-template-'));
try {
  const db = await PGlite.create(join(work, 'pglite'));
  await db.query('SELECT 1');
  await db.close(); // a clean shutdown: the folder opens without recovery
  const raw = tar(join(work, 'pglite'));
  // Maximum quality and a 16 MB window: the three databases' catalogs are near-identical copies.
  const packed = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  for (const old of readdirSync(target))
    if (/^pglite-template-.*\.tar\.br$/.test(old)) rmSync(join(target, old));
  const file = join(target, `pglite-template-${version}.tar.br`);
  writeFileSync(file, packed);
  process.stdout.write(
    `${file}: ${(raw.length / 1048576).toFixed(1)} MB of tar, ${(packed.length / 1048576).toFixed(2)} MB packed\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
