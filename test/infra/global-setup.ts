import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fullModeAvailable } from '../support/modes';
import { ROOT, builtEntry } from './infra-files';

/**
 * The full-mode infra suites start the built api and worker (dist/). They are built once here,
 * before any suite runs, so parallel Jest workers never build into dist/ at the same time: when
 * missing, and always in CI (a stale dist/ must not be what is tested).
 */
export default function globalSetup(): void {
  if (!fullModeAvailable()) return;
  const nest = require.resolve('@nestjs/cli/bin/nest.js');
  for (const app of ['api', 'worker']) {
    if (existsSync(join(ROOT, builtEntry(app))) && !process.env.CI) continue;
    execFileSync(process.execPath, [nest, 'build', app], { cwd: ROOT, stdio: 'pipe' });
  }
}
