import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { createOpenApiDocument, loadConfig, setApiPrefix } from '@nexus/core';
import { writeFileSync } from 'node:fs';
import { AppModule } from './app.module';
import { API_TAGS } from './openapi-tags';

/**
 * `npm run openapi` (scripts/openapi.mjs): writes the OpenAPI document of the api to the path in
 * argv[2] (stdout without one). The app is created in preview mode: modules are scanned, nothing
 * is instantiated, so no database, Redis or listener is touched.
 */
async function main(): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'development',
    LOG_LEVEL: 'silent',
    // Never used: nothing is instantiated. Given so that no secret file is created.
    JWT_SECRET: 'openapi-preview-builds-no-token-0123456789',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ ...config, seedDemoData: false }),
    new FastifyAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  setApiPrefix(app);
  const document = createOpenApiDocument(app, { tags: API_TAGS });
  const text = `${JSON.stringify(document, null, 2)}\n`;
  if (process.argv[2]) writeFileSync(process.argv[2], text);
  else process.stdout.write(text);
  await app.close();
}

main().catch((e) => {
  process.stderr.write(`openapi: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
