import './tracing';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppLogger, ConfigError, MetricsServer, MetricsService, loadConfig } from '@nexus/core';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, { runWorkers: true });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.register(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(AppLogger));
  // Exit 0 once drained (running jobs finished or released), like the api.
  app.enableShutdownHooks(undefined, { useProcessExit: true });
  await app.init();
  const logger = app.get(AppLogger);
  if (config.workerMetricsPort !== undefined) {
    const server = new MetricsServer(app.get(MetricsService), config, (e) =>
      logger.error(`metrics collection failed: ${e.message}`, undefined, 'MetricsServer'),
    );
    const port = await server.listen(config.workerMetricsPort, config.host);
    // Left open through the drain (liveness and job metrics stay visible); the process exit
    // once drained ends it.
    logger.log(`worker metrics on http://${config.host}:${port}/metrics`);
  }
  logger.log(`Nexus worker started (queues on ${config.redisUrl ? 'Redis' : 'in-process'})`);
  // On SIGTERM/SIGINT Nest runs the shutdown hooks (running jobs finish or are released, then
  // connections close) and exits 0; QueueWorkers logs "queue workers stopped" once drained.
}

main().catch((e) => {
  process.stderr.write(`Nexus worker failed to start: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
