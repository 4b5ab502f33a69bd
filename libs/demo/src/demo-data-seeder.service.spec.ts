import { AppConfig } from '@nexus/core';
import { DataSource } from 'typeorm';
import { DemoDataSeeder } from './demo-data-seeder.service';

/** A seeder whose database already has articles: seeding is one query, then nothing. */
function seederWithArticles() {
  const query = jest.fn().mockResolvedValue([{ any: true }]);
  const seeder = new DemoDataSeeder(
    { seedDemoData: true } as AppConfig,
    { query } as unknown as DataSource,
    {} as never,
    {} as never,
    {} as never,
    {} as never,
  );
  return { seeder, query };
}

describe('DemoDataSeeder.startAfter', () => {
  it('starts the seeding only once the signal resolves', async () => {
    const { seeder, query } = seederWithArticles();
    let release!: () => void;
    seeder.startAfter(new Promise<void>((resolve) => (release = resolve)));
    seeder.onApplicationBootstrap();
    await Promise.resolve();
    expect(query).not.toHaveBeenCalled();
    release();
    await seeder.whenSeeded();
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('never seeds when the application shuts down first, and does not wait for the signal', async () => {
    const { seeder, query } = seederWithArticles();
    let release!: () => void;
    seeder.startAfter(new Promise<void>((resolve) => (release = resolve)));
    seeder.onApplicationBootstrap();
    await seeder.beforeApplicationShutdown(); // would hang if it waited for the signal
    release();
    await seeder.whenSeeded();
    expect(query).not.toHaveBeenCalled();
  });

  it('without a signal, seeds at bootstrap', async () => {
    const { seeder, query } = seederWithArticles();
    seeder.onApplicationBootstrap();
    await seeder.whenSeeded();
    expect(query).toHaveBeenCalledTimes(1);
  });
});
