#!/usr/bin/env node
// `npm run migration:<run|revert|show|create> [-- args]` — the TypeORM CLI on the built data
// source (apps/api/src/data-source.ts), so migrations run without ts-node. Migrations are written
// by hand (there are no entities to diff):
//   npm run migration:create -- libs/content/src/migrations/AddIndex (empty migration)
// Add the new class to the lib's exported migrations array (e.g. usersMigrations).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [command, ...args] = process.argv.slice(2);
const run = (bin, argv) => {
  const r = spawnSync(process.execPath, [bin, ...argv], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const cli = require.resolve('typeorm/cli.js');
if (command === 'migration:create') {
  run(cli, [command, ...args]);
  process.exit(0);
}
run(require.resolve('@nestjs/cli/bin/nest.js'), ['build', 'api']);
const dataSource = 'dist/apps/api/apps/api/src/data-source.js';
run(cli, [command, '-d', dataSource, ...args]);
