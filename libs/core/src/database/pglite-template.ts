import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompress } from 'node:zlib';

/** Where the template sits in the repository (scripts/pglite-template.mjs writes it). */
const TEMPLATE_FOLDER = join('libs', 'core', 'src', 'database');

/** Version of the installed PGlite: a template is only ever used by the version that made it. */
export function installedPgliteVersion(): string {
  const dist = dirname(require.resolve('@electric-sql/pglite'));
  return (JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8')) as { version: string })
    .version;
}

/**
 * The template of a new embedded database for the installed PGlite, looked for in the repository
 * holding this code (from the sources or from dist/); undefined where there is none, e.g. in the
 * container image, which ships no sources.
 */
export function findPgliteTemplate(from = __dirname): string | undefined {
  const name = `pglite-template-${installedPgliteVersion()}.tar.br`;
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, TEMPLATE_FOLDER, name);
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Unpacks a template (Brotli-compressed ustar of regular files and folders) as `dir`, which must
 * not exist or be empty. Written to a sibling folder first and renamed, so a crash midway never
 * leaves a folder that looks like a database.
 */
export async function unpackPgliteTemplate(file: string, dir: string): Promise<void> {
  const empty = () => !existsSync(dir) || readdirSync(dir).length === 0;
  if (!empty()) throw new Error(`${dir} is not empty`);
  const tar = await promisify(brotliDecompress)(await readFile(file));
  const staging = `${dir}.unpacking-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  try {
    for (let at = 0; at + 512 <= tar.length;) {
      const block = tar.subarray(at, at + 512);
      if (block.every((b) => b === 0)) break; // end of archive
      const name = block.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = parseInt(block.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim(), 8);
      const type = String.fromCharCode(block[156]);
      const target = resolve(staging, name);
      if (!target.startsWith(staging + sep) || !Number.isFinite(size))
        throw new Error(`bad entry in ${file}: ${name}`);
      at += 512;
      if (type === '5') mkdirSync(target, { recursive: true, mode: 0o700 });
      else if (type === '0' || type === '\0') {
        writeFileSync(target, tar.subarray(at, at + size), { mode: 0o600 });
        at += Math.ceil(size / 512) * 512;
      } else throw new Error(`unsupported entry type ${type} in ${file}: ${name}`);
    }
    if (!existsSync(join(staging, 'PG_VERSION'))) throw new Error(`${file} holds no database`);
    if (!empty()) throw new Error(`${dir} is not empty`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(staging, dir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/**
 * Unpacks in a short-lived process when running compiled code: the archive's buffers (twice the
 * unpacked size) would otherwise stay in the api's RSS long after they are freed.
 */
export async function unpackPgliteTemplateInChild(file: string, dir: string): Promise<void> {
  const self = require.resolve('./pglite-template');
  if (!self.endsWith('.js')) return unpackPgliteTemplate(file, dir); // TypeScript under Jest
  await promisify(execFile)(process.execPath, [self, file, dir], { env: {} });
}

if (require.main === module) {
  unpackPgliteTemplate(process.argv[2], process.argv[3]).catch((e: Error) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  });
}
