import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QueueRegistry } from './queue.registry';
import { QueueWorkers } from './queue-workers';
import { QueueStats } from './queue-stats';
import { QueueDefinition, queueToken } from './queue.types';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [QueueRegistry, QueueWorkers, QueueStats],
  exports: [QueueRegistry, QueueStats],
})
export class QueueCoreModule {}

/** Feature modules declare their queues here; processors are plain `@Processor` providers. */
@Module({})
export class QueueModule {
  static forFeature(...definitions: QueueDefinition[]): DynamicModule {
    const providers = definitions.map((d) => ({
      provide: queueToken(d.name),
      inject: [QueueRegistry],
      useFactory: (registry: QueueRegistry) => registry.define(d),
    }));
    return { module: QueueModule, providers, exports: providers.map((p) => p.provide) };
  }
}
