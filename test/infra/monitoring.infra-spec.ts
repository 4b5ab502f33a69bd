import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { freePort, startBuiltApp, startProcess, StartedProcess } from '../support/built-apps';
import { createTestDatabase, TestDatabase } from '../support/databases';
import { fullModeAvailable } from '../support/modes';
import { deleteRedisPrefix } from '../support/redis-prefix';
import { waitUntil } from '../support/sync';
import { startTcpProxy, TcpProxy } from '../support/tcp-proxy';
import { ROOT, readText, readYaml } from './infra-files';
import {
  ALERTS_PATH,
  alertRules,
  dashboard,
  dashboardPanels,
  exportedFamilies,
  familyOf,
  metricNames,
  monitoringExpressions,
} from './promql';

/**
 * The monitoring files (monitoring/, the compose monitoring profile) against a real Prometheus
 * (Debian's `prometheus` package, which brings `promtool`; .ci/run installs it): the rules pass
 * `promtool check rules`, and with Prometheus scraping a running api and worker (built dist/,
 * full mode) every expression of the dashboard and the alerts evaluates, every metric name they
 * use is exported, and an alert goes pending when its condition holds.
 */

/**
 * Metric names a dashboard or alert may use before any process exports them (none today): the
 * checks below accept them, and fail as soon as one is exported, so that it leaves this list; any
 * other unknown name fails the test.
 */
const PENDING_METRICS: string[] = [];
/** Series Prometheus writes itself for every target. */
const SYNTHETIC_METRICS = ['up'];

interface ComposeService {
  profiles?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  entrypoint?: string[];
}
interface ScrapeConfig {
  job_name: string;
  metrics_path?: string;
  authorization?: { credentials_file?: string };
  dns_sd_configs?: { names: string[]; port: number }[];
  static_configs?: { targets: string[] }[];
}
interface PrometheusConfig {
  global?: Record<string, string>;
  rule_files: string[];
  scrape_configs: ScrapeConfig[];
}

const compose = readYaml<{ services: Record<string, ComposeService> }>('docker-compose.yml');
const prometheusConfig = readYaml<PrometheusConfig>('monitoring/prometheus.yml');
const which = (bin: string): string | undefined => {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, bin))) return join(dir, bin);
  }
  return undefined;
};
const PROMTOOL = which('promtool');
const PROMETHEUS = which('prometheus');
// CI and `npm run test:full` require the tools (.ci/run installs them); elsewhere these suites
// are skipped like every full-mode suite when the services are missing.
const REQUIRED = process.env.NEXUS_REQUIRE_FULL === 'true';
if (REQUIRED && (!PROMTOOL || !PROMETHEUS)) {
  throw new Error('NEXUS_REQUIRE_FULL=true but prometheus/promtool are not installed');
}
const describePromtool = PROMTOOL ? describe : describe.skip;
const describeLive = PROMETHEUS && fullModeAvailable() ? describe : describe.skip;

function run(bin: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(bin, args, { timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({
        code: error ? ((error as { code?: number }).code ?? 1) : 0,
        output: stdout + stderr,
      }),
    );
  });
}

describe('monitoring files', () => {
  it('runs Prometheus and Grafana only in the monitoring profile, UIs on loopback', () => {
    for (const name of ['prometheus', 'grafana']) {
      const service = compose.services[name];
      expect({ name, profiles: service.profiles }).toEqual({ name, profiles: ['monitoring'] });
      for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
    }
    for (const name of ['api', 'worker', 'postgres', 'redis']) {
      expect(compose.services[name].profiles).toBeUndefined();
    }
  });

  it('runs Jaeger (OTLP/HTTP on) in the monitoring profile, and api and worker can point at it', () => {
    const jaeger = compose.services.jaeger;
    expect(jaeger.profiles).toEqual(['monitoring']);
    expect(jaeger.environment!.COLLECTOR_OTLP_ENABLED).toBe('true');
    expect(jaeger.ports!.length).toBeGreaterThan(0);
    for (const port of jaeger.ports!) expect(port).toMatch(/^127\.0\.0\.1:.*:16686$/);
    // Off unless set (.env documents the value for this profile); both processes receive it.
    for (const name of ['api', 'worker']) {
      expect(compose.services[name].environment!.OTEL_EXPORTER_OTLP_ENDPOINT).toBe(
        '${OTEL_EXPORTER_OTLP_ENDPOINT:-}',
      );
    }
    expect(readText('.env.example')).toMatch(
      /^# OTEL_EXPORTER_OTLP_ENDPOINT=http:\/\/jaeger:4318$/m,
    );
  });

  it('mounts files of this repository that exist into Prometheus and Grafana', () => {
    for (const name of ['prometheus', 'grafana']) {
      const binds = (compose.services[name].volumes ?? []).filter((v) => v.startsWith('./'));
      expect(binds.length).toBeGreaterThan(0);
      for (const bind of binds) expect(existsSync(join(ROOT, bind.split(':')[0]))).toBe(true);
    }
    const mounts = Object.fromEntries(
      (compose.services.prometheus.volumes ?? []).map((v) => [v.split(':')[1], v.split(':')[0]]),
    );
    expect(mounts['/etc/prometheus/prometheus.yml']).toBe('./monitoring/prometheus.yml');
    for (const rules of prometheusConfig.rule_files) {
      expect(mounts[rules]).toBe(`./${ALERTS_PATH}`);
    }
  });

  it('scrapes the api on its PORT and the worker on its WORKER_METRICS_PORT with METRICS_TOKEN', () => {
    const jobs = Object.fromEntries(prometheusConfig.scrape_configs.map((c) => [c.job_name, c]));
    const target = (job: string) => jobs[job].dns_sd_configs![0];
    expect(target('nexus-api')).toMatchObject({
      names: ['api'],
      port: Number(compose.services.api.environment!.PORT),
    });
    expect(target('nexus-worker')).toMatchObject({
      names: ['worker'],
      port: Number(compose.services.worker.environment!.WORKER_METRICS_PORT),
    });
    // The token file Prometheus reads is the one its entrypoint writes from METRICS_TOKEN.
    const entrypoint = (compose.services.prometheus.entrypoint ?? []).join(' ');
    for (const job of ['nexus-api', 'nexus-worker']) {
      expect(jobs[job].metrics_path).toBe('/metrics');
      const file = jobs[job].authorization!.credentials_file!;
      expect(entrypoint).toContain(`"$$METRICS_TOKEN" > ${file}`);
    }
    expect(compose.services.prometheus.environment!.METRICS_TOKEN).toBe('${METRICS_TOKEN:-}');
  });

  it('provisions Grafana with the datasource and the dashboard folder the dashboard needs', () => {
    const datasources = readYaml<{ datasources: { uid: string; type: string; url: string }[] }>(
      'monitoring/grafana/provisioning/datasources/prometheus.yml',
    ).datasources;
    expect(datasources).toHaveLength(1);
    expect(datasources[0]).toMatchObject({ type: 'prometheus', url: 'http://prometheus:9090' });
    const providers = readYaml<{ providers: { options: { path: string } }[] }>(
      'monitoring/grafana/provisioning/dashboards/nexus.yml',
    ).providers;
    const mounts = (compose.services.grafana.volumes ?? []).map((v) => v.split(':'));
    expect(mounts).toContainEqual([
      './monitoring/grafana/dashboards',
      providers[0].options.path,
      'ro',
    ]);
    const panels = dashboardPanels();
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    for (const panel of panels.filter((p) => p.type !== 'row')) {
      expect({ panel: panel.title, uid: panel.datasource?.uid }).toEqual({
        panel: panel.title,
        uid: datasources[0].uid,
      });
      expect(panel.targets?.length).toBeGreaterThan(0);
    }
    expect(dashboard().uid).toBe('nexus-overview');
  });

  it('shows on the dashboard everything the operations issue asks for', () => {
    const used = new Set(dashboardPanels().flatMap((p) => (p.targets ?? []).map((t) => t.expr)));
    const text = [...used].join('\n');
    for (const needed of [
      /sum by \(route\) \(rate\(nexus_http_request_duration_seconds_count/, // requests per route
      /status=~"5\.\."/, // errors
      /histogram_quantile\(0\.99, sum by \(le, route\)/, // latency per route
      /nexus_cache_hits_total[\s\S]*nexus_cache_misses_total/, // hit ratio per namespace
      /nexus_queue_jobs\{state=~"waiting\|active\|delayed"\}/, // queue depth
      /nexus_queue_oldest_waiting_seconds/, // queue age
      /nexus_queue_jobs\{state="failed"\}/, // dead jobs
      /nexus_requests_rate_limited_total/,
      /nexus_requests_blocked_total/,
      /nexus_request_log_dropped_total/,
      /nexus_nodejs_eventloop_lag_p99_seconds/,
      /nexus_db_pool_waiting/,
      /nexus_redis_degraded/,
    ]) {
      expect(text).toMatch(needed);
    }
  });

  it('alerts on what the operations issue asks for, each with a runbook section', () => {
    const rules = alertRules();
    const names = rules.map((r) => r.alert);
    expect(names).toEqual(
      expect.arrayContaining([
        'NexusHighErrorRatio',
        'NexusHighLatencyP99',
        'NexusQueueBacklogOld',
        'NexusDeadJobs',
        'NexusPostgresDown',
        'NexusRedisDown',
        'NexusRequestLogDrops',
      ]),
    );
    const docs = readText('docs/deployment.md');
    // GitHub-style heading anchors of the runbook.
    const anchors = new Set(
      [...docs.matchAll(/^#{2,4} (.+)$/gm)].map((m) =>
        m[1]
          .trim()
          .toLowerCase()
          .replace(/[^\w\- ]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    for (const rule of rules) {
      expect({ alert: rule.alert, severity: rule.labels?.severity }).toEqual({
        alert: rule.alert,
        severity: expect.stringMatching(/^(page|warn)$/),
      });
      expect(rule.annotations?.summary).toBeTruthy();
      const runbook = /^docs\/deployment\.md#(.+)$/.exec(rule.annotations?.runbook ?? '');
      expect({ alert: rule.alert, runbook: runbook?.[1] }).toEqual({
        alert: rule.alert,
        runbook: expect.any(String),
      });
      expect({ alert: rule.alert, anchor: anchors.has(runbook![1]) }).toEqual({
        alert: rule.alert,
        anchor: true,
      });
    }
  });

  it('keeps the list of names other branches add free of duplicates and of current names', () => {
    expect(new Set(PENDING_METRICS).size).toBe(PENDING_METRICS.length);
    const used = new Set(monitoringExpressions().flatMap((e) => metricNames(e.expr)));
    for (const name of PENDING_METRICS) {
      const usedAs = [name, `${name}_bucket`, `${name}_count`, `${name}_sum`].some((n) =>
        used.has(n),
      );
      expect({ name, used: usedAs }).toEqual({ name, used: true });
    }
  });
});

describePromtool('promtool', () => {
  it('accepts the alert rules', async () => {
    const { code, output } = await run(PROMTOOL!, ['check', 'rules', join(ROOT, ALERTS_PATH)]);
    expect(output).toMatch(/SUCCESS: \d+ rules found/);
    expect(code).toBe(0);
  });

  it('accepts the compose Prometheus configuration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nexus-promtool-'));
    try {
      // Paths inside the container → the repository's files and a token file here.
      const token = join(dir, 'token');
      writeFileSync(token, 'x'.repeat(32));
      const config = {
        ...prometheusConfig,
        rule_files: [join(ROOT, ALERTS_PATH)],
        scrape_configs: prometheusConfig.scrape_configs.map((c) =>
          c.authorization ? { ...c, authorization: { credentials_file: token } } : c,
        ),
      };
      writeFileSync(join(dir, 'prometheus.yml'), stringify(config));
      const { code, output } = await run(PROMTOOL!, [
        'check',
        'config',
        join(dir, 'prometheus.yml'),
      ]);
      expect(output).toMatch(/SUCCESS/);
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a rule file with invalid PromQL (the check above can fail)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nexus-promtool-'));
    try {
      const file = join(dir, 'bad.yml');
      writeFileSync(
        file,
        stringify({
          groups: [{ name: 'x', rules: [{ alert: 'X', expr: 'sum by (le rate(x[5m])' }] }],
        }),
      );
      expect((await run(PROMTOOL!, ['check', 'rules', file])).code).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeLive('Prometheus scraping a running api and worker (full mode, built dist/)', () => {
  const TOKEN = `monitoring-${process.pid}-${'t'.repeat(16)}`;
  const prefix = `nexus-monitoring-${process.pid}`;
  let database: TestDatabase;
  let dir: string;
  let api: StartedProcess | undefined;
  let worker: StartedProcess | undefined;
  let prometheus: StartedProcess | undefined;
  let workerPgProxy: TcpProxy | undefined;
  let apiPort: number;
  let workerPort: number;
  let promPort: number;

  const query = async (expr: string) => {
    const res = await fetch(
      `http://127.0.0.1:${promPort}/api/v1/query?query=${encodeURIComponent(expr)}`,
    );
    return (await res.json()) as {
      status: string;
      error?: string;
      data?: { resultType: string; result: unknown[] };
    };
  };
  const scrape = async (port: number) =>
    (
      await fetch(`http://127.0.0.1:${port}/metrics`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      })
    ).text();
  const logs = () =>
    [api, worker, prometheus]
      .map((p) => p?.output().split('\n').slice(-15).join('\n'))
      .join('\n--\n');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nexus-monitoring-'));
    database = await createTestDatabase(`nexus_monitoring_${process.pid}`);
    const databaseUrl = new URL(database.url);
    // The worker reaches PostgreSQL through a proxy the last test cuts.
    workerPgProxy = await startTcpProxy(Number(databaseUrl.port || 5432), databaseUrl.hostname);
    const workerDatabaseUrl = new URL(databaseUrl);
    workerDatabaseUrl.host = `127.0.0.1:${workerPgProxy.port}`;

    const common = {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl.toString(),
      REDIS_URL: process.env.TEST_REDIS_URL!,
      REDIS_PREFIX: prefix,
      JWT_SECRET: 's'.repeat(48),
      METRICS_TOKEN: TOKEN,
      DATA_DIR: join(dir, 'data'),
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      // Stopping the processes at the end needs no readiness grace.
      SHUTDOWN_READINESS_GRACE_MS: '0',
    };
    // The schema comes from the pre-deploy command render.yaml runs (and the k8s Job).
    const render = readYaml<{ services: { name: string; preDeployCommand?: string }[] }>(
      'render.yaml',
    );
    const [bin, ...args] = render.services
      .find((s) => s.name === 'nexus-api')!
      .preDeployCommand!.split(/\s+/);
    expect(bin).toBe('node');
    execFileSync(process.execPath, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...common },
      stdio: 'pipe',
    });

    [apiPort, workerPort, promPort] = await Promise.all([freePort(), freePort(), freePort()]);
    // Built by test/infra/global-setup.ts; both start at once, then both are waited for.
    api = await startBuiltApp('api', {
      env: { ...common, PORT: String(apiPort), RUN_WORKERS: 'false' },
    });
    worker = await startBuiltApp('worker', {
      env: {
        ...common,
        DATABASE_URL: workerDatabaseUrl.toString(),
        RUN_WORKERS: 'true',
        WORKER_METRICS_PORT: String(workerPort),
      },
    });
    const up = async (url: string) => {
      try {
        return (await fetch(url)).status === 200;
      } catch {
        return false;
      }
    };
    await waitUntil(
      async () =>
        (await up(`http://127.0.0.1:${apiPort}/health/ready`)) &&
        (await up(`http://127.0.0.1:${workerPort}/health/live`)),
      { timeoutMs: 60_000, what: `api and worker up\n${logs()}` },
    );

    // Some traffic with several routes and statuses.
    for (const path of [
      '/api/v1/articles',
      '/api/v1/articles?limit=abc',
      '/api/v1/nope',
      '/health/ready',
    ]) {
      await fetch(`http://127.0.0.1:${apiPort}${path}`);
    }

    // The repository's scrape jobs, pointed at this test's processes, scraped every second.
    writeFileSync(join(dir, 'token'), TOKEN);
    const targets: Record<string, number> = { 'nexus-api': apiPort, 'nexus-worker': workerPort };
    const config: PrometheusConfig = {
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: [join(ROOT, ALERTS_PATH)],
      scrape_configs: prometheusConfig.scrape_configs
        .filter((c) => targets[c.job_name])
        .map(({ dns_sd_configs: _, ...c }) => ({
          ...c,
          authorization: { credentials_file: join(dir, 'token') },
          static_configs: [{ targets: [`127.0.0.1:${targets[c.job_name]}`] }],
        })),
    };
    writeFileSync(join(dir, 'prometheus.yml'), stringify(config));
    prometheus = await startProcess(
      'prometheus',
      PROMETHEUS!,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'tsdb')}`,
        `--web.listen-address=127.0.0.1:${promPort}`,
        '--log.level=warn',
      ],
      { env: {} },
    );
    // Two scrapes of each target, so that rate() over the window has data.
    await waitUntil(
      async () => {
        try {
          const r = await query('count by (job) (count_over_time(up[1m]) >= 2)');
          return r.data?.result.length === 2;
        } catch {
          return false;
        }
      },
      { timeoutMs: 60_000, what: `two scrapes of api and worker\n${logs()}` },
    );
  }, 240_000);

  afterAll(async () => {
    await Promise.all([prometheus, api, worker].map((p) => p?.stop('SIGTERM')));
    await workerPgProxy?.close();
    await database?.drop();
    await deleteRedisPrefix(process.env.TEST_REDIS_URL!, prefix);
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('scrapes both processes with the metrics token', async () => {
    // At least one successful scrape each: on a loaded machine a single scrape may overrun its
    // 1 s timeout, which says nothing about the token.
    const r = await query('max_over_time(up[1m])');
    const byJob = Object.fromEntries(
      (r.data!.result as { metric: { job: string }; value: [number, string] }[]).map((s) => [
        s.metric.job,
        s.value[1],
      ]),
    );
    expect(byJob).toEqual({ 'nexus-api': '1', 'nexus-worker': '1' });
    // Without the token both refuse, so the scrape above did authenticate.
    for (const port of [apiPort, workerPort]) {
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
    }
  });

  it('evaluates every expression of the dashboard and the alerts without error', async () => {
    const failures: string[] = [];
    for (const { source, expr } of monitoringExpressions()) {
      const r = await query(expr);
      if (r.status !== 'success') failures.push(`${source}: ${r.error}`);
      else expect(Array.isArray(r.data!.result)).toBe(true);
    }
    expect(failures).toEqual([]);
  });

  it('shows data for the panels whose metrics exist in every deployment', async () => {
    const titles = [
      'Requests per second by route',
      'Latency p99 by route',
      'Queue depth by queue and state',
      'Dead jobs (dead-letter set) by queue',
      'Event loop lag p99 by instance',
      'Resident memory by instance',
      'Database pool: waiting queries and connections',
      'Dependencies up (1) / down (0)',
    ];
    const panels = dashboardPanels();
    for (const title of titles) {
      const panel = panels.find((p) => p.title === title);
      expect(panel).toBeDefined();
      const r = await query(panel!.targets![0].expr.replace(/\$__rate_interval/g, '1m'));
      expect({ title, series: (r.data?.result.length ?? 0) > 0 }).toEqual({ title, series: true });
    }
  });

  it('uses only metric names the api or the worker export (or the listed pending ones)', async () => {
    const families = new Map([
      ...exportedFamilies(await scrape(workerPort)),
      ...exportedFamilies(await scrape(apiPort)),
    ]);
    const unknown: string[] = [];
    for (const { source, expr } of monitoringExpressions()) {
      for (const name of metricNames(expr)) {
        if (SYNTHETIC_METRICS.includes(name) || familyOf(name, families)) continue;
        const base = name.replace(/_(bucket|count|sum)$/, '');
        if (PENDING_METRICS.includes(name) || PENDING_METRICS.includes(base)) continue;
        unknown.push(`${source}: ${name}`);
      }
    }
    expect(unknown).toEqual([]);
    // A pending name that is exported by now must leave the list.
    expect(PENDING_METRICS.filter((name) => families.has(name))).toEqual([]);
  });

  it('loads every alert rule and evaluates it without error', async () => {
    const expected = alertRules()
      .map((r) => r.alert)
      .sort();
    const rules = await waitUntil(
      async () => {
        const res = (await (await fetch(`http://127.0.0.1:${promPort}/api/v1/rules`)).json()) as {
          data: { groups: { rules: { name: string; health: string; lastError?: string }[] }[] };
        };
        const all = res.data.groups.flatMap((g) => g.rules);
        return all.length === expected.length && all.every((r) => r.health !== 'unknown') && all;
      },
      { timeoutMs: 30_000, what: 'every rule evaluated once' },
    );
    expect(rules.map((r) => r.name).sort()).toEqual(expected);
    expect(rules.filter((r) => r.health !== 'ok')).toEqual([]);
  });

  it('turns NexusPostgresDown pending when the worker loses PostgreSQL', async () => {
    const state = async () => {
      const res = (await (await fetch(`http://127.0.0.1:${promPort}/api/v1/alerts`)).json()) as {
        data: { alerts: { labels: { alertname: string; job?: string }; state: string }[] };
      };
      return res.data.alerts.filter((a) => a.labels.alertname === 'NexusPostgresDown');
    };
    expect(await state()).toEqual([]);
    workerPgProxy!.cut();
    const alerts = await waitUntil(
      async () => {
        const a = await state();
        return a.length > 0 && a;
      },
      { timeoutMs: 30_000, what: 'NexusPostgresDown pending' },
    );
    expect(alerts).toEqual([
      expect.objectContaining({
        state: 'pending',
        labels: expect.objectContaining({ job: 'nexus-worker' }),
      }),
    ]);
    workerPgProxy!.restore();
    await waitUntil(async () => (await state()).length === 0, {
      timeoutMs: 30_000,
      what: 'NexusPostgresDown resolved',
    });
  });
});
