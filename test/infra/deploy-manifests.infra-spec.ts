import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ConfigError, loadConfig } from '@nexus/core';
import {
  ROOT,
  builtEntry,
  commandWords,
  configVariables,
  parseDockerfile,
  readText,
  readYaml,
} from './infra-files';

/**
 * render.yaml and deploy/k8s (kustomize base + example overlay) are code too: every variable
 * they set is one the config loader reads, every variable a production full-mode process needs
 * is set, health checks and probes point at routes the processes serve, on the ports they
 * listen on, and `kubectl kustomize` renders the overlay (where kubectl is installed).
 */

const API_ENTRY = builtEntry('api');
const WORKER_ENTRY = builtEntry('worker');
const KNOWN = new Set(configVariables());
/** What a production full-mode process cannot start without (or would start embedded). */
const REQUIRED = ['NODE_ENV', 'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET'];

const dockerfile = parseDockerfile(readText('Dockerfile'));
const runtime = dockerfile.stages[dockerfile.stages.length - 1];
const EXPOSED = Number(runtime.instructions.find((i) => i.keyword === 'EXPOSE')!.args);
const SHUTDOWN_MS = Number(
  /int\('SHUTDOWN_TIMEOUT_MS',\s*([\d_]+)/
    .exec(readText('libs/core/src/config/load-config.ts'))![1]
    .replace(/_/g, ''),
);
/** The readiness grace a full-mode process takes on SIGTERM before it closes. */
const GRACE_MS = Number(
  /'SHUTDOWN_READINESS_GRACE_MS',\s*databaseUrl \|\| redisUrl \? ([\d_]+)/
    .exec(readText('libs/core/src/config/load-config.ts'))![1]
    .replace(/_/g, ''),
);

/** Routes each process serves, read from the code that serves them. */
function apiRoutes(): string[] {
  const source = readText('libs/core/src/health/health.controller.ts');
  const base = /@Controller\('([^']+)'\)/.exec(source)![1];
  return [...source.matchAll(/@Get\('([^']+)'\)/g)].map((m) => `/${base}/${m[1]}`);
}
function workerRoutes(): string[] {
  const source = readText('libs/core/src/metrics/metrics-server.ts');
  return [...source.matchAll(/path (?:===|!==) '([^']+)'/g)].map((m) => m[1]);
}

// ---------------------------------------------------------------------------------------------
// Render
// ---------------------------------------------------------------------------------------------

interface RenderEnvVar {
  key?: string;
  value?: string;
  generateValue?: boolean;
  sync?: boolean;
  fromGroup?: string;
  fromDatabase?: { name: string; property: string };
  fromService?: { type: string; name: string; property?: string };
}
interface RenderService {
  type: string;
  name: string;
  runtime?: string;
  dockerfilePath?: string;
  dockerCommand?: string;
  numInstances?: number;
  healthCheckPath?: string;
  preDeployCommand?: string;
  maxShutdownDelaySeconds?: number;
  maxmemoryPolicy?: string;
  ipAllowList?: unknown[];
  envVars?: RenderEnvVar[];
}
interface RenderBlueprint {
  services: RenderService[];
  databases: { name: string; postgresMajorVersion?: string; ipAllowList?: unknown[] }[];
  envVarGroups: { name: string; envVars: RenderEnvVar[] }[];
}

const blueprint = readYaml<RenderBlueprint>('render.yaml');
const renderService = (name: string) => blueprint.services.find((s) => s.name === name)!;

/** A service's variables with their groups expanded (the service's own entries win). */
function renderEnv(service: RenderService): Map<string, RenderEnvVar> {
  const env = new Map<string, RenderEnvVar>();
  for (const entry of service.envVars ?? []) {
    if (entry.fromGroup) {
      const group = blueprint.envVarGroups.find((g) => g.name === entry.fromGroup);
      expect({ group: entry.fromGroup, exists: !!group }).toEqual({
        group: entry.fromGroup,
        exists: true,
      });
      for (const v of group!.envVars) if (!env.has(v.key!)) env.set(v.key!, v);
    }
  }
  for (const entry of service.envVars ?? []) if (entry.key) env.set(entry.key, entry);
  return env;
}

describe('render.yaml', () => {
  const api = renderService('nexus-api');
  const worker = renderService('nexus-worker');

  it('runs the api as a Docker web service with several instances and the worker from the same image', () => {
    expect(api).toMatchObject({ type: 'web', runtime: 'docker', dockerfilePath: './Dockerfile' });
    expect(api.numInstances).toBeGreaterThanOrEqual(2);
    expect(api.dockerCommand).toBeUndefined(); // the image's CMD: the api
    expect(worker).toMatchObject({
      type: 'worker',
      runtime: 'docker',
      dockerfilePath: './Dockerfile',
    });
    expect(worker.dockerCommand!.split(/\s+/)).toEqual(['node', WORKER_ENTRY]);
    expect(commandWords(runtime.instructions.find((i) => i.keyword === 'CMD')!.args)).toEqual([
      'node',
      API_ENTRY,
    ]);
  });

  it('health-checks the api on its readiness route, on the port it listens on', () => {
    expect(api.healthCheckPath).toBe('/health/ready');
    expect(apiRoutes()).toContain(api.healthCheckPath);
    expect(Number(renderEnv(api).get('PORT')?.value)).toBe(EXPOSED);
  });

  it('migrates once per deploy as the pre-deploy command, so no instance migrates', () => {
    expect(api.preDeployCommand!.split(/\s+/)).toEqual([
      'node',
      'node_modules/typeorm/cli.js',
      'migration:run',
      '-d',
      API_ENTRY.replace(/main\.js$/, 'data-source.js'),
    ]);
    expect(existsSync(join(ROOT, 'apps/api/src/data-source.ts'))).toBe(true);
    for (const service of [api, worker]) {
      expect(renderEnv(service).get('DB_MIGRATE')?.value).toBe('false');
      expect(service.maxShutdownDelaySeconds! * 1000).toBeGreaterThan(GRACE_MS + SHUTDOWN_MS);
    }
    expect(renderEnv(api).get('RUN_WORKERS')?.value).toBe('false');
    expect(renderEnv(worker).get('RUN_WORKERS')?.value).toBe('true');
  });

  it('runs a queue Redis that never evicts and a cache Redis that may, wired to the right variables', () => {
    const keyValues = blueprint.services.filter((s) => s.type === 'keyvalue');
    const policy = (name: string) => keyValues.find((s) => s.name === name)?.maxmemoryPolicy;
    for (const service of [api, worker]) {
      const env = renderEnv(service);
      const queues = env.get('REDIS_URL')!.fromService!;
      const cache = env.get('REDIS_CACHE_URL')!.fromService!;
      expect(queues).toMatchObject({ type: 'keyvalue', property: 'connectionString' });
      expect(policy(queues.name)).toBe('noeviction');
      expect(policy(cache.name)).toBe('allkeys-lru');
      const database = env.get('DATABASE_URL')!.fromDatabase!;
      expect(database.property).toBe('connectionString');
      expect(blueprint.databases.map((d) => d.name)).toContain(database.name);
    }
    // Private network only.
    for (const s of [...keyValues, ...blueprint.databases]) expect(s.ipAllowList).toEqual([]);
  });

  it('sets only variables the config loader reads, and every required one', () => {
    for (const service of [api, worker]) {
      const env = renderEnv(service);
      const unknown = [...env.keys()].filter((k) => !KNOWN.has(k));
      expect({ service: service.name, unknown }).toEqual({ service: service.name, unknown: [] });
      const missing = REQUIRED.filter((k) => !env.has(k));
      expect({ service: service.name, missing }).toEqual({ service: service.name, missing: [] });
      expect(env.get('NODE_ENV')!.value).toBe('production');
    }
  });

  it('generates the secrets instead of writing them, and never writes a secret value', () => {
    for (const group of blueprint.envVarGroups) {
      for (const v of group.envVars) {
        if (/(SECRET|TOKEN|PASSWORD)$/.test(v.key!)) {
          expect({ key: v.key, generated: v.generateValue === true }).toEqual({
            key: v.key,
            generated: true,
          });
        }
      }
    }
    for (const service of blueprint.services) {
      for (const v of service.envVars ?? []) {
        if (v.key && /(SECRET|TOKEN|PASSWORD|_URL)$/.test(v.key) && v.key !== 'PUBLIC_URL') {
          expect({ key: v.key, literal: v.value }).toEqual({ key: v.key, literal: undefined });
        }
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Kubernetes
// ---------------------------------------------------------------------------------------------

interface Probe {
  httpGet?: { path: string; port: string | number };
  exec?: { command: string[] };
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: {
    requests?: { cpu?: string; memory?: string };
    limits?: { cpu?: string; memory?: string };
  };
}
interface PodSpec {
  containers: Container[];
  terminationGracePeriodSeconds?: number;
  restartPolicy?: string;
}
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: {
    selector?: { matchLabels?: Record<string, string> } & Record<string, string>;
    template?: { metadata: { labels: Record<string, string> }; spec: PodSpec };
    scaleTargetRef?: { kind: string; name: string };
    minReplicas?: number;
    maxReplicas?: number;
    ports?: { name: string; port: number; targetPort: string | number }[];
    type?: string;
    externalName?: string;
  };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

const K8S = 'deploy/k8s';

function kustomizationObjects(dir: string): K8sObject[] {
  const kustomization = readYaml<{ resources: string[] }>(`${dir}/kustomization.yaml`);
  return kustomization.resources.flatMap((resource) => {
    const path = `${dir}/${resource}`;
    if (existsSync(join(ROOT, path, 'kustomization.yaml'))) return kustomizationObjects(path);
    return parseAllDocuments(readText(path)).map((d) => d.toJS() as K8sObject);
  });
}

const base = kustomizationObjects(`${K8S}/base`);
const overlay = kustomizationObjects(`${K8S}/overlays/example`);
const find = (objects: K8sObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} not found`);
  return found;
};
const apiDeployment = find(base, 'Deployment', 'nexus-api');
const workerDeployment = find(base, 'Deployment', 'nexus-worker');
const migrateJob = find(base, 'Job', 'nexus-migrate');
const container = (o: K8sObject) => o.spec!.template!.spec.containers[0];

/** Variables a container gets: its env, then its ConfigMaps and Secrets (from `objects`). */
function podEnv(c: Container, objects: K8sObject[]): Map<string, string> {
  const env = new Map<string, string>();
  for (const from of c.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef!;
    const source = find(objects, from.configMapRef ? 'ConfigMap' : 'Secret', ref.name);
    for (const [k, v] of Object.entries(source.data ?? source.stringData ?? {})) env.set(k, v);
  }
  for (const e of c.env ?? []) env.set(e.name, e.value ?? '');
  return env;
}

function probePort(c: Container, probe: Probe): number {
  const port = probe.httpGet!.port;
  if (typeof port === 'number') return port;
  const named = (c.ports ?? []).find((p) => p.name === port);
  expect({ port, declared: !!named }).toEqual({ port, declared: true });
  return named!.containerPort;
}

function mebibytes(quantity: string): number {
  const m = /^(\d+)(Mi|Gi)$/.exec(quantity);
  if (!m) throw new Error(`unexpected memory quantity ${quantity}`);
  return Number(m[1]) * (m[2] === 'Gi' ? 1024 : 1);
}

function kubectl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('kubectl', args, { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('deploy/k8s', () => {
  it('lists only files that exist, in the base and the overlay', () => {
    for (const dir of [`${K8S}/base`, `${K8S}/overlays/example`]) {
      const listed = readYaml<{ resources: string[] }>(`${dir}/kustomization.yaml`).resources;
      for (const r of listed)
        expect({ r, exists: existsSync(join(ROOT, dir, r)) }).toEqual({ r, exists: true });
      // Every manifest of the folder is used (none forgotten).
      const files = readdirSync(join(ROOT, dir)).filter(
        (f) => f.endsWith('.yaml') && f !== 'kustomization.yaml',
      );
      for (const f of files) expect(listed).toContain(f);
    }
  });

  it('probes the api on the routes it serves, on the port it listens on', () => {
    const c = container(apiDeployment);
    const routes = apiRoutes();
    expect(c.livenessProbe!.httpGet!.path).toBe('/health/live');
    expect(c.readinessProbe!.httpGet!.path).toBe('/health/ready');
    expect(c.startupProbe!.httpGet!.path).toBe('/health/live');
    const port = Number(podEnv(c, overlay).get('PORT'));
    expect(port).toBe(EXPOSED);
    for (const probe of [c.livenessProbe!, c.readinessProbe!, c.startupProbe!]) {
      expect(routes).toContain(probe.httpGet!.path);
      expect(probePort(c, probe)).toBe(port);
    }
  });

  it('probes the worker on its own listener, at WORKER_METRICS_PORT', () => {
    const c = container(workerDeployment);
    expect(c.command).toEqual(['node', WORKER_ENTRY]);
    expect(workerRoutes()).toEqual(expect.arrayContaining(['/health/live', '/metrics']));
    expect(workerRoutes()).toContain(c.livenessProbe!.httpGet!.path);
    expect(probePort(c, c.livenessProbe!)).toBe(
      Number(podEnv(c, overlay).get('WORKER_METRICS_PORT')),
    );
    const service = find(base, 'Service', 'nexus-worker');
    const port = service.spec!.ports![0];
    expect((c.ports ?? []).map((p) => p.name)).toContain(port.targetPort);
  });

  it('routes the api Service, the HPA and the PDB to the api pods', () => {
    const labels = apiDeployment.spec!.template!.metadata.labels;
    const selects = (selector: Record<string, string>) =>
      Object.entries(selector).every(([k, v]) => labels[k] === v);
    expect(selects(apiDeployment.spec!.selector!.matchLabels!)).toBe(true);
    const service = find(base, 'Service', 'nexus-api');
    expect(selects(service.spec!.selector as Record<string, string>)).toBe(true);
    for (const p of service.spec!.ports!) {
      expect((container(apiDeployment).ports ?? []).map((x) => x.name)).toContain(p.targetPort);
    }
    const pdb = find(base, 'PodDisruptionBudget', 'nexus-api');
    expect(selects(pdb.spec!.selector!.matchLabels!)).toBe(true);
    const hpa = find(base, 'HorizontalPodAutoscaler', 'nexus-api');
    expect(hpa.spec!.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: 'nexus-api' });
    expect(hpa.spec!.minReplicas).toBeGreaterThanOrEqual(2);
    const worker = workerDeployment.spec!.template!.metadata.labels;
    expect(
      Object.entries(service.spec!.selector as Record<string, string>).every(
        ([k, v]) => worker[k] === v,
      ),
    ).toBe(false);
  });

  it('runs migrations as a Job with the command Render runs before a deploy', () => {
    const c = container(migrateJob);
    expect(c.command!.join(' ')).toBe(
      readYaml<RenderBlueprint>('render.yaml').services.find((s) => s.name === 'nexus-api')!
        .preDeployCommand,
    );
    expect(migrateJob.spec!.template!.spec.restartPolicy).toBe('Never');
    for (const d of [apiDeployment, workerDeployment, migrateJob]) {
      expect(podEnv(container(d), overlay).get('DB_MIGRATE')).toBe('false');
    }
    expect(podEnv(container(apiDeployment), overlay).get('RUN_WORKERS')).toBe('false');
    expect(podEnv(container(workerDeployment), overlay).get('RUN_WORKERS')).toBe('true');
  });

  it('sets only variables the config loader reads, and every required one', () => {
    for (const d of [apiDeployment, workerDeployment, migrateJob]) {
      const env = podEnv(container(d), overlay);
      const name = d.metadata.name;
      expect({ name, unknown: [...env.keys()].filter((k) => !KNOWN.has(k)) }).toEqual({
        name,
        unknown: [],
      });
      expect({ name, missing: REQUIRED.filter((k) => !env.get(k)) }).toEqual({ name, missing: [] });
      expect(env.get('NODE_ENV')).toBe('production');
    }
  });

  it('ships placeholder secrets that the app refuses to start with', () => {
    const env = Object.fromEntries(podEnv(container(apiDeployment), overlay));
    let error: unknown;
    try {
      loadConfig({ ...env, DATA_DIR: join(ROOT, 'data-never-created') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.join('\n')).toMatch(/JWT_SECRET/);
    // Replaced by real values it starts: the placeholders are the only problem.
    const real = { ...env, JWT_SECRET: 'j'.repeat(48), METRICS_TOKEN: 'm'.repeat(24) };
    expect(loadConfig(real).databaseUrl).toBe(env.DATABASE_URL);
  });

  it('references PostgreSQL and Redis as external services, not StatefulSets', () => {
    expect(base.filter((o) => o.kind === 'StatefulSet')).toEqual([]);
    const env = podEnv(container(apiDeployment), overlay);
    for (const variable of ['DATABASE_URL', 'REDIS_URL', 'REDIS_CACHE_URL']) {
      const host = new URL(env.get(variable)!).hostname;
      expect(find(base, 'Service', host).spec!.type).toBe('ExternalName');
    }
  });

  it('gives every container requests and a memory limit, and time to drain', () => {
    for (const d of [apiDeployment, workerDeployment, migrateJob]) {
      const c = container(d);
      const { requests, limits } = c.resources ?? {};
      expect({ name: d.metadata.name, cpu: !!requests?.cpu, memory: !!requests?.memory }).toEqual({
        name: d.metadata.name,
        cpu: true,
        memory: true,
      });
      expect(mebibytes(limits!.memory!)).toBeGreaterThanOrEqual(mebibytes(requests!.memory!));
    }
    for (const d of [apiDeployment, workerDeployment]) {
      const spec = d.spec!.template!.spec;
      const preStop = container(d).lifecycle?.preStop?.exec?.command ?? [];
      const pause = preStop[0] === 'sleep' ? Number(preStop[1]) : 0;
      const env = container(d).env ?? [];
      const grace = Number(
        env.find((e) => e.name === 'SHUTDOWN_READINESS_GRACE_MS')?.value ?? GRACE_MS,
      );
      expect((spec.terminationGracePeriodSeconds ?? 30) * 1000).toBeGreaterThan(
        pause * 1000 + grace + SHUTDOWN_MS,
      );
    }
  });

  it('renders with kubectl kustomize (where kubectl is installed)', async () => {
    const version = await kubectl(['version', '--client']);
    if (version.code !== 0) {
      // The structural checks above still ran; only the rendering needs the binary.
      console.log('kubectl is not installed: kustomize rendering not checked');
      return;
    }
    const rendered = await kubectl(['kustomize', `${K8S}/overlays/example`]);
    expect(rendered.stderr).toBe('');
    expect(rendered.code).toBe(0);
    const objects = parseAllDocuments(rendered.stdout).map((d) => d.toJS() as K8sObject);
    const namespaced = objects.filter((o) => o.kind !== 'Namespace');
    expect(namespaced.length).toBe(base.length + 1); // + the overlay's Secret
    for (const o of namespaced) expect(o.metadata.namespace).toBe('nexus');
    for (const name of ['nexus-api', 'nexus-worker']) {
      expect(container(find(objects, 'Deployment', name)).image).toBe(
        'registry.example.com/nexus:1.0.0',
      );
    }
    expect(find(objects, 'ConfigMap', 'nexus-config').data!.TRUSTED_PROXIES).not.toBe('');
    expect((await kubectl(['kustomize', `${K8S}/base`])).code).toBe(0);
  });
});
