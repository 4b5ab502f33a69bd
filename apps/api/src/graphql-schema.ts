import 'reflect-metadata';
import { loadConfig, printGraphqlSchema } from '@nexus/core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './create-app';

/**
 * `npm run graphql:schema`: builds the app on a throw-away embedded database (the schema comes
 * from the resolvers, not the data) and writes the SDL to `schema.graphql`.
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nexus-schema-'));
  try {
    // Only these settings: the schema must not depend on the environment it is generated in.
    const config = loadConfig({
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
    });
    const app = await createApp(config);
    await app.init();
    const out = join(process.cwd(), 'schema.graphql');
    writeFileSync(out, printGraphqlSchema(app));
    await app.close();
    process.stdout.write(`wrote ${out}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
