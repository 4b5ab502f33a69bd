import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DynamicModule, Type } from '@nestjs/common';
import { AppConfig, configureHttp, fastifyOptions } from '@nexus/core';
import { AppModule } from './app.module';
import { API_TAGS } from './openapi-tags';

/** Builds the fully configured api application (used by main.ts, e2e tests and benchmarks). */
export async function createApp(
  config: AppConfig,
  extraImports: (Type | DynamicModule)[] = [],
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config, extraImports),
    new FastifyAdapter(fastifyOptions(config)),
    { bufferLogs: true, abortOnError: false },
  );
  await configureHttp(app, config, { openApi: { tags: API_TAGS } });
  return app;
}
