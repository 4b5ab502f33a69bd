import { MAX_CONNECTIONS, MAX_DURATION_S } from './load.mjs';

export const USAGE = `Usage: npm run bench -- [options]     (needs dist/: npm run build)

  --mode embedded|full   embedded (PGlite, in-memory cache; default) or full (PostgreSQL + Redis from
                         BENCH_DATABASE_URL/BENCH_REDIS_URL, else DATABASE_URL/REDIS_URL)
  --only a,b             run these scenarios only (names: see bench/scenarios/)
  --duration S           seconds per measured run (default 10, max ${MAX_DURATION_S})
  --warmup S             seconds of warm-up before each Nexus run (default 3; 0 = none)
  --connections N        concurrent connections (default 50, max ${MAX_CONNECTIONS})
  --rounds N             baseline/scenario pairs per scenario; the median ratio is reported (default 1)
  --articles N           size of the large data set for articles-list/articles-search (default 100000)
  --profile              run Nexus under node --cpu-prof and summarise each measured run's profile
  --otel                 tracing on: Nexus exports its spans (OTLP/HTTP protobuf) to a local sink
                         process that counts and discards them (results file suffix -otel)
  --env KEY=VALUE        extra environment for the Nexus process (repeatable)
  --dist DIR             the build to run (default dist; e.g. a copy kept aside while others rebuild)
  --data-dir DIR         embedded mode: keep the data here instead of a temp dir (reuses a seeded
                         data set: the seed only grows it to --articles)
  --no-save              print only; write nothing to bench/results/
  --list                 list the scenarios and exit
  --help
`;

export function parseArgs(argv) {
  const opts = {
    mode: 'embedded',
    only: undefined,
    duration: 10,
    warmup: 3,
    connections: 50,
    rounds: 1,
    articles: 100_000,
    profile: false,
    otel: false,
    env: {},
    dist: 'dist',
    dataDir: undefined,
    save: true,
    list: false,
    help: false,
  };
  const num = (flag, v, min, max) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new Error(`${flag}: expected a number in [${min}, ${max}], got "${v}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.includes('=') && arg.startsWith('--')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--mode': {
        const v = value();
        if (v !== 'embedded' && v !== 'full')
          throw new Error(`--mode: embedded or full, got "${v}"`);
        opts.mode = v;
        break;
      }
      case '--only':
        opts.only = value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      case '--duration':
        opts.duration = num(flag, value(), 1, MAX_DURATION_S);
        break;
      case '--warmup':
        opts.warmup = num(flag, value(), 0, 60);
        break;
      case '--connections':
        opts.connections = Math.floor(num(flag, value(), 1, MAX_CONNECTIONS));
        break;
      case '--rounds':
        opts.rounds = Math.floor(num(flag, value(), 1, 9));
        break;
      case '--articles':
        opts.articles = Math.floor(num(flag, value(), 1, 10_000_000));
        break;
      case '--profile':
        opts.profile = true;
        break;
      case '--otel':
        opts.otel = true;
        break;
      case '--env': {
        const v = value();
        const eq = v.indexOf('=');
        if (eq <= 0) throw new Error(`--env: expected KEY=VALUE, got "${v}"`);
        opts.env[v.slice(0, eq)] = v.slice(eq + 1);
        break;
      }
      case '--dist':
        opts.dist = value();
        break;
      case '--data-dir':
        opts.dataDir = value();
        break;
      case '--no-save':
        opts.save = false;
        break;
      case '--list':
        opts.list = true;
        break;
      case '--help':
      case '-h':
        opts.help = true;
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  return opts;
}
