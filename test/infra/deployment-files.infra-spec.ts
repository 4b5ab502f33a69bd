import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer as createHttpServer, Server } from 'node:http';
import {
  AddressInfo,
  Server as TcpServer,
  Socket,
  connect,
  createServer as createTcpServer,
} from 'node:net';
import { join } from 'node:path';
import {
  ROOT,
  Stage,
  builtEntry,
  commandWords,
  configVariables,
  documentedVariables,
  durationMs,
  envPairs,
  interpolatedVariables,
  parseDockerfile,
  readText,
  readYaml,
} from './infra-files';
import { composeSchemaValidator } from './compose-schema';

/**
 * The deployment files are code too: these checks catch a compose stack that cannot start
 * (missing service, healthcheck or volume, worker running the wrong entry), a secret written
 * into a file, a variable nobody documented, an image running as root or carrying dev
 * dependencies, and a CI workflow that silently skips the full-mode suites. `docker compose
 * config -q` and the image build themselves run in the GitHub workflow, where Docker exists.
 */

interface Healthcheck {
  test?: string | string[];
  disable?: boolean;
  interval?: string;
}
interface ComposeService {
  image?: string;
  build?: string | { context: string; target?: string };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  healthcheck?: Healthcheck;
  depends_on?: string[] | Record<string, { condition?: string }>;
  volumes?: (string | { type?: string; source?: string; target: string })[];
  init?: boolean;
  stop_grace_period?: string;
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, { ipam?: { config?: { subnet?: string }[] } }>;
}
interface Workflow {
  on: unknown;
  jobs: Record<
    string,
    {
      services?: Record<
        string,
        { image: string; options?: string; ports?: string[]; env?: Record<string, string> }
      >;
      env?: Record<string, string>;
      steps: {
        uses?: string;
        run?: string;
        with?: Record<string, unknown>;
        env?: Record<string, string>;
      }[];
    }
  >;
}

const API_ENTRY = builtEntry('api');
const WORKER_ENTRY = builtEntry('worker');

const composeText = readText('docker-compose.yml');
const compose = readYaml<ComposeFile>('docker-compose.yml');
const dockerfile = parseDockerfile(readText('Dockerfile'));
const finalStage = dockerfile.stages[dockerfile.stages.length - 1];
const workflow = readYaml<Workflow>('.github/workflows/ci.yml');
const documented = documentedVariables();
const packageJson = JSON.parse(readText('package.json')) as { scripts: Record<string, string> };

function environment(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((e) => [e.split('=')[0], e.slice(e.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === null ? '' : String(v)]));
}

function dependencies(service: ComposeService): Record<string, string | undefined> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, undefined]));
  return Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, v?.condition]));
}

/** Named volumes a service mounts: source → target (bind mounts and anonymous volumes left out). */
function namedMounts(service: ComposeService): Map<string, string> {
  const mounts = new Map<string, string>();
  for (const volume of service.volumes ?? []) {
    const { source, target } =
      typeof volume === 'string'
        ? { source: volume.split(':')[0], target: volume.split(':')[1] }
        : { source: volume.source, target: volume.target };
    if (source && target && /^[A-Za-z0-9][\w.-]*$/.test(source)) mounts.set(source, target);
  }
  return mounts;
}

function words(command: string | string[] | undefined): string[] {
  if (command === undefined) return [];
  return Array.isArray(command) ? command : command.split(/\s+/);
}

function stageRuns(stage: Stage): string[] {
  return stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
}

/** `${NAME:-default}` → default; a literal value → itself. */
function defaultOf(value: string): string {
  const match = /^\$\{[A-Za-z_][A-Za-z0-9_]*:?-(.*)\}$/.exec(value);
  return match ? match[1] : value;
}

/** Runs a `node -e` healthcheck the way Docker would; resolves to its exit code. */
function runCheck(script: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-e', script],
      { env: { PATH: process.env.PATH, ...env }, timeout: 10_000 },
      (error) => resolve(error ? ((error as { code?: number }).code ?? 1) : 0),
    );
  });
}

function nodeScript(test: string | string[] | undefined): string {
  const parts = words(test);
  expect(parts.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
  return parts[3];
}

function listen<T extends Server | TcpServer>(server: T): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

describe('build layout', () => {
  it('knows where nest build writes the entries that the image, compose and npm scripts start', () => {
    expect(API_ENTRY).toBe('dist/apps/api/apps/api/src/main.js');
    expect(WORKER_ENTRY).toBe('dist/apps/worker/apps/worker/src/main.js');
    expect(packageJson.scripts['start:api']).toContain(API_ENTRY);
    expect(packageJson.scripts['start:worker']).toContain(WORKER_ENTRY);
  });
});

describe('docker-compose.yml', () => {
  const services = compose.services;

  it('defines the api, worker, postgres, redis and mailpit services', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['api', 'worker', 'postgres', 'redis', 'mailpit']),
    );
    expect(services.postgres.image).toMatch(/^postgres:16-alpine/);
    expect(services.redis.image).toMatch(/^redis:7-alpine/);
    expect(services.mailpit.image).toMatch(/^axllent\/mailpit(:|$)/);
  });

  it.each(Object.keys(compose.services))('gives %s an enabled healthcheck', (name) => {
    const check = services[name].healthcheck;
    expect(check).toBeDefined();
    expect(check!.disable).not.toBe(true);
    const test = words(check!.test);
    expect(test.length).toBeGreaterThan(1);
    expect(test[0]).not.toBe('NONE');
  });

  it('checks the api on /health/live and the worker without HTTP', () => {
    expect(words(services.api.healthcheck!.test).join(' ')).toContain('/health/live');
    expect(words(services.worker.healthcheck!.test).join(' ')).not.toContain('/health/');
  });

  it('declares every named volume it mounts, mounts every one it declares, and persists the data', () => {
    const declared = Object.keys(compose.volumes ?? {});
    const used = new Set(Object.values(services).flatMap((s) => [...namedMounts(s).keys()]));
    expect([...used].sort()).toEqual([...declared].sort());
    expect(namedMounts(services.postgres).get('postgres-data')).toBe('/var/lib/postgresql/data');
    expect(namedMounts(services.redis).get('redis-data')).toBe('/data');

    // The api's DATA_DIR: from compose, else the image's ENV.
    const imageEnv = Object.assign(
      {},
      ...finalStage.instructions.filter((i) => i.keyword === 'ENV').map((i) => envPairs(i.args)),
    );
    const dataDir = environment(services.api).DATA_DIR ?? imageEnv.DATA_DIR;
    expect(dataDir).toBeDefined();
    expect([...namedMounts(services.api).values()]).toContain(dataDir);
  });

  it.each(['api', 'worker'])('starts %s only once PostgreSQL and Redis are healthy', (name) => {
    const deps = dependencies(services[name]);
    expect(deps.postgres).toBe('service_healthy');
    expect(deps.redis).toBe('service_healthy');
  });

  it('runs migrations in the api only, and the worker after the api is healthy', () => {
    expect(environment(services.api).DB_MIGRATE).toBe('true');
    expect(environment(services.worker).DB_MIGRATE ?? 'false').toBe('false');
    expect(dependencies(services.worker).api).toBe('service_healthy');
  });

  it('runs the api entry in the api and the worker entry in the worker, from one image', () => {
    const apiCommand = words(services.api.command);
    expect(apiCommand.length === 0 || apiCommand.includes(API_ENTRY)).toBe(true);
    expect(words(services.worker.command)).toEqual(['node', WORKER_ENTRY]);
    expect(services.worker.image).toBe(services.api.image);
  });

  it('connects the app to the compose PostgreSQL, Redis and Mailpit', () => {
    for (const name of ['api', 'worker']) {
      const env = environment(services[name]);
      const databaseUrl = new URL(env.DATABASE_URL.replace(/\$\{[^}]*\}/g, 'interpolated'));
      expect(databaseUrl.host).toBe('postgres:5432');
      expect(new URL(env.REDIS_URL).host).toBe('redis:6379');
      expect(defaultOf(env.SMTP_URL)).toBe('smtp://mailpit:1025?ignoreTLS=true');
      expect(env.NODE_ENV).toBe('production');
    }
  });

  it('writes no secret into the file: JWT_SECRET and passwords come from required interpolation', () => {
    const required = /^\$\{[A-Z0-9_]+:\?[^}]+\}$/;
    const optional = /^\$\{[A-Z0-9_]+:?-\}$/; // empty default = unset (the app then refuses or generates)
    for (const [name, service] of Object.entries(services)) {
      const env = environment(service);
      for (const [key, value] of Object.entries(env)) {
        if (!/(SECRET|PASSWORD|TOKEN|API_KEY|PRIVATE_KEY)$/.test(key)) continue;
        expect({ service: name, key, ok: required.test(value) || optional.test(value) }).toEqual({
          service: name,
          key,
          ok: true,
        });
      }
      for (const value of Object.values(env)) {
        const credentials = /^[a-z][a-z0-9+.-]*:\/\/[^:/@]+:([^@]+)@/i.exec(value);
        if (credentials) expect(credentials[1]).toMatch(/^\$\{[A-Z0-9_]+(:\?[^}]+)?\}$/);
      }
    }
    for (const name of ['api', 'worker']) {
      const env = environment(services[name]);
      const viaFile = env.JWT_SECRET_FILE !== undefined;
      if (!viaFile) expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?.+\}$/);
    }
  });

  it('uses only variables that .env.example documents', () => {
    const undocumented = interpolatedVariables(composeText).filter((name) => !documented.has(name));
    expect(undocumented).toEqual([]);
  });

  it('trusts exactly the compose network as proxies by default', () => {
    const subnets = (compose.networks?.default?.ipam?.config ?? []).map((c) => c.subnet);
    const trusted = defaultOf(environment(compose.services.api).TRUSTED_PROXIES ?? '');
    expect(trusted).not.toBe('');
    expect(trusted.split(',')).toEqual(subnets);
  });

  it('forwards SIGTERM through an init and waits longer than the app drains', () => {
    const loadConfig = readText('libs/core/src/config/load-config.ts');
    const number = (pattern: RegExp) => Number(pattern.exec(loadConfig)![1].replace(/_/g, ''));
    // The api's readiness grace (full mode), then the drain itself.
    const drainMs =
      number(/'SHUTDOWN_READINESS_GRACE_MS',\s*databaseUrl \|\| redisUrl \? ([\d_]+)/) +
      number(/int\('SHUTDOWN_TIMEOUT_MS',\s*([\d_]+)/);
    for (const name of ['api', 'worker']) {
      expect(services[name].init).toBe(true);
      expect(durationMs(services[name].stop_grace_period ?? '10s')).toBeGreaterThan(drainMs);
    }
  });

  it('runs Redis with the noeviction policy BullMQ needs', () => {
    expect(words(services.redis.command).join(' ')).toMatch(/--maxmemory-policy noeviction/);
  });

  it('is valid against the Compose Specification schema (no Docker engine needed)', () => {
    const validate = composeSchemaValidator();
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
    // The schema is strict enough to catch a misspelt key or a wrong type.
    const broken = JSON.parse(JSON.stringify(compose)) as ComposeFile;
    (broken.services.worker as Record<string, unknown>).helthcheck = {};
    expect(validate(broken)).toBe(false);
  });
});

describe('Dockerfile', () => {
  const { stages } = dockerfile;

  it('is multi-stage and builds both apps in the build stage', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const build = stages.find((s) => s.name === 'build')!;
    expect(build).toBeDefined();
    expect(build.from).toMatch(/node:20-bookworm-slim|\$\{?NODE_IMAGE\}?/);
    expect(stageRuns(build).join('\n')).toMatch(/\bnpm ci\b/);
    expect(stageRuns(build).join('\n')).toMatch(/\bnpm run build\b/);
  });

  it('installs only production dependencies, for real, in the final stage', () => {
    const runs = stageRuns(finalStage).join('\n');
    expect(runs).toMatch(/\bnpm ci --omit=dev\b/);
    // node_modules must not be copied from the build stage (it holds dev dependencies).
    const copies = finalStage.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies.filter((c) => /node_modules/.test(c))).toEqual([]);
    expect(copies.some((c) => /^--from=build\b.*\bdist\b/.test(c))).toBe(true);
  });

  it('runs as a non-root user in the final stage', () => {
    const users = finalStage.instructions.filter((i) => i.keyword === 'USER');
    expect(users.length).toBeGreaterThan(0);
    const user = users[users.length - 1].args.split(':')[0];
    expect(['root', '0']).not.toContain(user);
  });

  it('sets NODE_ENV=production and checks /health/live without curl', () => {
    const env = Object.assign(
      {},
      ...finalStage.instructions.filter((i) => i.keyword === 'ENV').map((i) => envPairs(i.args)),
    );
    expect(env.NODE_ENV).toBe('production');
    const healthchecks = finalStage.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0].args).toContain('/health/live');
    expect(healthchecks[0].args).toMatch(/CMD \["node"/);
  });

  it('starts the api by default, as PID 1 in exec form so SIGTERM reaches node', () => {
    const cmd = finalStage.instructions.filter((i) => i.keyword === 'CMD');
    expect(cmd).toHaveLength(1);
    expect(cmd[0].args.trim().startsWith('[')).toBe(true);
    expect(commandWords(cmd[0].args)).toEqual(['node', API_ENTRY]);
    expect(finalStage.instructions.some((i) => i.keyword === 'ENTRYPOINT')).toBe(false);
    expect(finalStage.instructions.find((i) => i.keyword === 'STOPSIGNAL')?.args).toBe('SIGTERM');
  });

  it('copies into the build only paths that exist and that .dockerignore lets through', () => {
    const ignored = readText('.dockerignore')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && !l.startsWith('!'));
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', 'dist', '.env', '.git']));
    for (const stage of stages) {
      for (const copy of stage.instructions.filter(
        (i) => i.keyword === 'COPY' && !i.args.startsWith('--from'),
      )) {
        const sources = copy.args
          .replace(/--\S+\s+/g, '')
          .split(' ')
          .slice(0, -1);
        for (const source of sources) {
          expect({
            source,
            exists: existsSync(join(ROOT, source)),
            ignored: ignored.includes(source),
          }).toEqual({
            source,
            exists: true,
            ignored: false,
          });
        }
      }
    }
  });
});

describe('healthcheck commands (run as Docker would run them)', () => {
  let server: Server;
  let port: number;
  let liveStatus = 200;

  beforeAll(async () => {
    server = createHttpServer((req, res) => {
      res.statusCode = req.url === '/health/live' ? liveStatus : 404;
      res.end();
    });
    port = await listen(server);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const imageCheck = () => {
    const healthcheck = finalStage.instructions.find((i) => i.keyword === 'HEALTHCHECK')!;
    return commandWords(healthcheck.args.slice(healthcheck.args.indexOf('CMD ') + 4))[2];
  };

  it.each([
    ['the image', imageCheck],
    ['the compose api', () => nodeScript(compose.services.api.healthcheck!.test)],
  ])('%s check passes on 200 from /health/live and fails otherwise', async (_name, script) => {
    liveStatus = 200;
    expect(await runCheck(script(), { PORT: String(port) })).toBe(0);
    liveStatus = 503;
    expect(await runCheck(script(), { PORT: String(port) })).toBe(1);
    liveStatus = 200;
  });

  it('the image check fails when nothing listens', async () => {
    const closed = createHttpServer();
    const freePort = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await runCheck(imageCheck(), { PORT: String(freePort) })).toBe(1);
  });

  it('the worker check passes only while the process holds a connection to the Redis port', async () => {
    const script = nodeScript(compose.services.worker.healthcheck!.test);
    const sockets: Socket[] = [];
    const fakeRedis = createTcpServer((socket) => sockets.push(socket));
    const redisPort = await listen(fakeRedis);
    const env = { REDIS_URL: `redis://127.0.0.1:${redisPort}` };

    expect(await runCheck(script, env)).toBe(1);
    const client = connect(redisPort, '127.0.0.1');
    await new Promise((resolve) => client.once('connect', resolve));
    expect(await runCheck(script, env)).toBe(0);
    client.destroy();
    sockets.forEach((s) => s.destroy());
    await new Promise<void>((resolve) => fakeRedis.close(() => resolve()));
    expect(await runCheck(script, env)).toBe(1);
  });
});

describe('.github/workflows/ci.yml', () => {
  const jobs = Object.values(workflow.jobs);
  const runs = jobs.flatMap((j) => j.steps.map((s) => s.run ?? '')).join('\n');

  it('runs lint, typecheck and boundaries through scripts that exist', () => {
    for (const script of ['lint', 'typecheck', 'boundaries']) {
      expect(packageJson.scripts[script]).toBeDefined();
      expect(runs).toMatch(new RegExp(`npm run ${script}\\b`));
    }
  });

  it('runs the tests against PostgreSQL and Redis service containers with full mode required', () => {
    const testJob = jobs.find((j) => j.steps.some((s) => /\bnpm test\b/.test(s.run ?? '')));
    expect(testJob).toBeDefined();
    const services = testJob!.services ?? {};
    expect(services.postgres?.image).toMatch(/^postgres:1[5-9]/);
    expect(services.redis?.image).toMatch(/^redis:7/);
    expect(services.postgres.options).toMatch(/--health-cmd/);
    expect(services.redis.options).toMatch(/--health-cmd/);

    const env = testJob!.env ?? {};
    expect(env.NEXUS_REQUIRE_FULL).toBe('true');
    expect(new URL(env.TEST_DATABASE_URL).protocol).toBe('postgres:');
    expect(new URL(env.TEST_REDIS_URL).protocol).toBe('redis:');
    expect(new URL(env.TEST_DATABASE_URL).port).toBe(services.postgres.ports![0].split(':')[0]);
    expect(new URL(env.TEST_REDIS_URL).port).toBe(services.redis.ports![0].split(':')[0]);

    const testRuns = testJob!.steps.map((s) => s.run ?? '').join('\n');
    // Each Jest project runs in some step: none is silently left out of CI.
    for (const project of ['unit', 'e2e', 'infra']) {
      expect(testRuns).toMatch(new RegExp(`--selectProjects( \\w+)* ${project}\\b`));
    }
  });

  it('uses Node 20 with the npm cache', () => {
    const setups = jobs
      .flatMap((j) => j.steps)
      .filter((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setups.length).toBeGreaterThan(0);
    for (const setup of setups) {
      expect(setup.with?.cache).toBe('npm');
      expect(String(setup.with?.['node-version'])).toMatch(/^(20|\$\{\{ env\.NODE_VERSION \}\})$/);
    }
  });

  it('validates the compose file and builds the image', () => {
    expect(runs).toMatch(/docker compose config -q/);
    const build = jobs
      .flatMap((j) => j.steps)
      .find((s) => s.uses?.startsWith('docker/build-push-action@'));
    expect(build !== undefined || /docker (buildx )?build\b/.test(runs)).toBe(true);
  });
});

describe('.env.example', () => {
  it('documents every variable loadConfig reads', () => {
    const variables = configVariables();
    expect(variables.length).toBeGreaterThan(20);
    expect(variables.filter((name) => !documented.has(name))).toEqual([]);
  });

  it('documents nothing that nobody reads', () => {
    const testSupport = ['modes.ts', 'test-app.ts', 'global-setup.ts']
      .map((f) => join('test/support', f))
      .filter((f) => existsSync(join(ROOT, f)))
      .map(readText)
      .join('\n');
    const read = new Set([...configVariables(), ...interpolatedVariables(composeText)]);
    const stale = [...documented.keys()].filter(
      (name) => !read.has(name) && !testSupport.includes(`env.${name}`),
    );
    expect(stale).toEqual([]);
  });

  it('is valid dotenv and ships no secret value', () => {
    for (const line of readText('.env.example').split('\n')) {
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      expect(trimmed).toMatch(/^[A-Z][A-Z0-9_]*=/);
    }
    for (const [name, { value, commented }] of documented) {
      if (/(SECRET|PASSWORD)$/.test(name) && !commented)
        expect({ name, value }).toEqual({ name, value: '' });
    }
  });
});

describe('local full-mode runs (.ci/run and npm run test:full)', () => {
  const ciRun = readText('.ci/run');
  const testFull = readText('scripts/test-full.sh');

  it('start PostgreSQL and Redis through the one shared script', () => {
    expect(packageJson.scripts['test:full']).toMatch(/\bscripts\/test-full\.sh\b/);
    expect(testFull).toMatch(/^bash scripts\/services\.sh$/m);
    expect(ciRun).toMatch(/^bash scripts\/services\.sh$/m);
    // No second copy of the start commands that could drift from scripts/services.sh.
    for (const script of [ciRun, testFull])
      expect(script).not.toMatch(/pg_ctlcluster|redis-server/);
  });

  it('require full mode on a fresh database that is dropped afterwards', () => {
    expect(ciRun).toMatch(/^bash scripts\/test-full\.sh\b/m);
    expect(testFull).toMatch(/^export NEXUS_REQUIRE_FULL=true$/m);
    expect(testFull).toMatch(/CREATE DATABASE \$DB/);
    expect(testFull).toMatch(/trap '.*DROP DATABASE IF EXISTS \$DB.*' EXIT/);
    expect(testFull).toMatch(/^npm test -- "\$@"$/m);
  });
});
