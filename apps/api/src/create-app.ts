import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DynamicModule, Type } from '@nestjs/common';
import { AppConfig, configureHttp, fastifyOptions, mountBullBoard } from '@nexus/core';
import { Authenticator } from '@nexus/users';
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
  // Bull Board (full mode) is a Fastify plugin outside Nest's guards: users' Authenticator checks
  // each of its requests, admins only.
  const authenticator = app.get(Authenticator);
  await mountBullBoard(app, config, async (authorization) => {
    const result = await authenticator.authenticate(authorization);
    if (!('user' in result)) return 'unauthenticated';
    return result.user.role === 'admin' ? 'admin' : 'forbidden';
  });
  return app;
}
