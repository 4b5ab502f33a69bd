import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** Where `nest build <app>` writes the app's entry file, from nest-cli.json and the app tsconfig. */
export function builtEntry(app: string): string {
  const cli = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as {
    projects: Record<string, { root: string; entryFile: string }>;
  };
  const project = cli.projects[app];
  const tsconfig = JSON.parse(
    readFileSync(join(ROOT, project.root, 'tsconfig.app.json'), 'utf8'),
  ) as { compilerOptions: { outDir: string } };
  return `${join(project.root, tsconfig.compilerOptions.outDir, project.entryFile)}.js`;
}

/**
 * The suites that start the built api, worker or CLI (dist/) get them from here, built once per
 * Jest run by the global setups before any suite starts — never by a suite, because parallel
 * workers would build into the same dist/ while another suite runs it. Built when missing, and
 * always in CI (a stale dist/ must not be what is tested).
 */
export function buildAppsOnce(): void {
  if (process.env.NEXUS_TEST_APPS_BUILT === 'true') return;
  const nest = require.resolve('@nestjs/cli/bin/nest.js');
  for (const app of ['api', 'worker']) {
    if (existsSync(join(ROOT, builtEntry(app))) && !process.env.CI) continue;
    execFileSync(process.execPath, [nest, 'build', app], { cwd: ROOT, stdio: 'pipe' });
  }
  // Global setups run one after the other in Jest's parent process: the second one skips.
  process.env.NEXUS_TEST_APPS_BUILT = 'true';
}
