import { Global, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Tracing } from '../tracing/tracing';
import { AppLogger, createRootLogger, ROOT_LOGGER } from './app-logger';

/** Exports the spans still buffered when the process stops (nothing to do with tracing off). */
@Injectable()
class TracingShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return Tracing.shutdown();
  }
}

/** pino structured logs with the request id on every line; secrets are redacted. */
@Global()
@Module({
  providers: [
    {
      provide: ROOT_LOGGER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createRootLogger(config),
    },
    AppLogger,
    TracingShutdown,
  ],
  exports: [ROOT_LOGGER, AppLogger],
})
export class LoggingModule {}
