import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { explainContentQueries } from '@nexus/content';
import { ConfigError, loadConfig } from '@nexus/core';
import { BulkDataGenerator, DemoModule, SAMPLE_SEARCH_TERMS } from '@nexus/demo';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';

const USAGE = `Usage: npm run seed -- [--articles N] [--explain]

  --articles N   grow the data set to at least N articles (default 100000; 0 = add none)
  --explain      then EXPLAIN the listing, search, feed and trending queries and fail (exit 1)
                 unless each uses its intended index

Writes to the configured database (DATABASE_URL, or the embedded one in DATA_DIR; stop the api
first in embedded mode: PGlite is single-process). Migrations are applied first.
`;

function parseArgs(argv: string[]): { articles: number; explain: boolean } {
  const out = { articles: 100_000, explain: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--explain') out.explain = true;
    else if (a === '--articles' || a.startsWith('--articles=')) {
      const v = a.includes('=') ? a.split('=')[1] : argv[++i];
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 10_000_000)
        throw new Error(`--articles: not a count: ${v}`);
      out.articles = n;
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n\n${USAGE}`);
  }
  return out;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig(process.env, {
    dbMigrate: true,
    seedDemoData: false,
    runWorkers: false,
    // No HTTP server in this process: nothing to mount the GraphiQL IDE on.
    graphiqlEnabled: false,
    logLevel: 'warn',
  });
  const app = await NestFactory.createApplicationContext(AppModule.register(config, [DemoModule]), {
    logger: ['error', 'warn'],
  });
  await app.init();
  const log = (line: string) => process.stdout.write(`seed: ${line}\n`);
  let code = 0;
  try {
    if (args.articles > 0) {
      const r = await app.get(BulkDataGenerator).seedBulk(args.articles, log);
      if (r.articles) {
        log(
          `added ${r.articles} articles, ${r.reactions} likes, ${r.comments} comments by ${r.authors} authors in ${r.seconds} s`,
        );
      }
    }
    if (args.explain) {
      const checks = await explainContentQueries(app.get(DataSource), SAMPLE_SEARCH_TERMS);
      for (const c of checks) {
        log(
          `${c.ok ? 'ok  ' : 'FAIL'} ${c.name} (${c.executionMs.toFixed(1)} ms): indexes [${c.indexes.join(', ')}], expected one of [${c.expected.join(', ')}]`,
        );
        if (!c.ok) {
          process.stdout.write(c.plan.replace(/^/gm, '      ') + '\n');
          code = 1;
        }
      }
    }
  } finally {
    await app.close();
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(
      e instanceof ConfigError ? `${e.message}\n` : `seed failed: ${(e as Error).stack ?? e}\n`,
    );
    process.exit(e instanceof ConfigError ? 78 : 1);
  },
);
