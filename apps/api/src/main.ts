import './tracing';
import 'reflect-metadata';
import { AppLogger, ConfigError, drainOnSignals, loadConfig, modeOf } from '@nexus/core';
import { DemoDataSeeder } from '@nexus/demo';
import { createApp } from './create-app';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const app = await createApp(config);
  // SIGTERM: readiness 503 for SHUTDOWN_READINESS_GRACE_MS, then close and exit 0.
  drainOnSignals(app, config, app.get(AppLogger));
  // The demo data is written once the api listens, not during its initialisation.
  let listened = (): void => undefined;
  if (config.seedDemoData)
    app.get(DemoDataSeeder).startAfter(new Promise<void>((resolve) => (listened = resolve)));
  try {
    await app.listen({ port: config.port, host: config.host });
  } finally {
    listened();
  }
  const base = config.publicUrl.replace(/\/$/, '');
  const mode = modeOf(config);
  process.stdout.write(
    [
      '',
      `  Nexus is running (${mode} mode${mode === 'embedded' ? `, data in ${config.dataDir}` : ''})`,
      `  REST API     ${base}/api/v1`,
      `  Swagger UI   ${base}/docs`,
      `  OpenAPI      ${base}/docs-json`,
      `  GraphQL      ${base}/graphql${config.graphiqlEnabled ? `  (GraphiQL ${base}/graphiql)` : ''}`,
      `  Security     ${base}/admin/security  (dashboard, for admins)`,
      `  Health       ${base}/health/ready`,
      `  Metrics      ${base}/metrics`,
      '',
    ].join('\n') + '\n',
  );
}

main().catch((e) => {
  process.stderr.write(`Nexus failed to start: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
