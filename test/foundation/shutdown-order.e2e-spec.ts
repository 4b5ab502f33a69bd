import {
  Injectable,
  Module,
  OnApplicationShutdown,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectJobQueue, JobQueue, QueueModule } from '@nexus/core';
import { DataSource } from 'typeorm';
import { testModes } from '../support/modes';
import { deferred } from '../support/sync';
import { startTestApp, TestApp } from '../support/test-app';

const QUEUE = 'shutdown-order';
/** Sequential statements the job still runs once the shutdown has begun. */
const STATEMENTS = 200;

/** What happened, in order, across the job and the shutdown. */
const events: string[] = [];
let jobStarted = deferred();
let shutdownBegan = deferred();

@Processor(QUEUE)
class SlowJob extends WorkerHost {
  constructor(@InjectDataSource() private readonly db: DataSource) {
    super();
  }

  override async process(): Promise<void> {
    jobStarted.resolve();
    await shutdownBegan.promise;
    for (let i = 0; i < STATEMENTS; i++) await this.db.query('SELECT $1::int AS i', [i]);
    events.push('job done');
  }
}

/** Feature modules shut down before core's database module; this one marks both phases. */
@Injectable()
class ShutdownProbe implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(@InjectJobQueue(QUEUE) readonly queue: JobQueue) {}

  beforeApplicationShutdown(): void {
    shutdownBegan.resolve();
  }

  onApplicationShutdown(): void {
    events.push('shutdown hooks');
  }
}

@Module({
  imports: [QueueModule.forFeature({ name: QUEUE, attempts: 1, backoffMs: 10, concurrency: 1 })],
  providers: [SlowJob, ShutdownProbe],
})
class ShutdownOrderModule {}

/**
 * A job running when the app is told to stop finishes against an open database: the queue
 * workers stop (and wait for their jobs) before the database closes, in both modes. A job left
 * running past the database's close would wait forever for a pooled connection, and so would the
 * shutdown that waits for it.
 */
describe.each(testModes())('shutdown order (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    events.length = 0;
    jobStarted = deferred();
    shutdownBegan = deferred();
    t = await startTestApp(mode, { imports: [ShutdownOrderModule] });
  });

  it('lets a running job finish its statements before the database closes', async () => {
    const db = t.app.get(DataSource);
    const destroy = db.destroy.bind(db);
    db.destroy = async () => {
      events.push('database closing');
      return destroy();
    };
    await t.app.get(ShutdownProbe).queue.add('slow', {});
    await jobStarted.promise;
    await t.close();
    expect(events).toEqual(['job done', 'shutdown hooks', 'database closing']);
  });
});
