import { deferred, settled } from '../../../../test/support/sync';
import { InProcessQueue } from './in-process-queue';
import { JobEnvelope, QueueJob } from './queue.types';

type Job = QueueJob<JobEnvelope<{ n: number }>>;

const queue = (attempts = 3, backoffMs = 10, concurrency = 2) =>
  new InProcessQueue({ name: 'test', attempts, backoffMs, concurrency });

/** Lets the callbacks already due run (a job starts after one setImmediate). */
const flush = () => new Promise((resolve) => setImmediate(resolve));

/** Moves Jest's clock, then lets a job that a due timer enqueued start (after a setImmediate). */
const advance = async (ms: number) => {
  await jest.advanceTimersByTimeAsync(ms);
  await flush();
};

/** Jest's clock for timers and Date; setImmediate stays real so that `flush` can run jobs. */
const fakeTimers = () =>
  jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });

describe('InProcessQueue', () => {
  afterEach(() => jest.useRealTimers());

  it('runs jobs through the attached processor, never synchronously inside add()', async () => {
    const q = queue();
    const seen: number[] = [];
    q.attach({ process: async (job: Job) => void seen.push(job.data.payload.n) });
    await q.add('x', { payload: { n: 1 } });
    expect(seen).toEqual([]);
    await q.idle();
    expect(seen).toEqual([1]);
    expect((await q.counts()).completed).toBe(1);
  });

  it('keeps jobs added before a processor is attached', async () => {
    const q = queue();
    await q.add('x', { payload: { n: 1 } });
    await q.add('x', { payload: { n: 2 } });
    expect((await q.counts()).waiting).toBe(2);
    const seen: number[] = [];
    q.attach({ process: async (job: Job) => void seen.push(job.data.payload.n) });
    await q.idle();
    expect(seen.sort()).toEqual([1, 2]);
  });

  it('retries with exponential backoff, then dead-letters after the last attempt', async () => {
    fakeTimers();
    const q = queue(3, 20);
    const times: number[] = [];
    const dead: { attempts: number; message: string }[] = [];
    q.attach({
      process: async () => {
        times.push(Date.now());
        throw new Error('boom');
      },
      onDead: async (job, error) =>
        void dead.push({ attempts: job.attemptsMade, message: error.message }),
    });
    await q.add('x', { payload: { n: 1 } });
    await advance(0);
    expect(times).toHaveLength(1);
    expect((await q.counts()).delayed).toBe(1);
    await advance(19);
    expect(times).toHaveLength(1);
    await advance(1);
    expect(times).toHaveLength(2);
    await advance(39);
    expect(times).toHaveLength(2);
    await advance(1);
    expect(times.map((t) => t - times[0])).toEqual([0, 20, 60]);
    expect(dead).toEqual([{ attempts: 3, message: 'boom' }]);
    expect(await q.counts()).toMatchObject({ failed: 1, delayed: 0, active: 0 });
  });

  it('succeeds on a retry without dead-lettering', async () => {
    const q = queue(3, 5);
    let calls = 0;
    const onDead = jest.fn();
    q.attach({
      process: async () => {
        if (++calls < 2) throw new Error('transient');
      },
      onDead,
    });
    await q.add('x', { payload: { n: 1 } });
    await q.idle();
    expect(calls).toBe(2);
    expect(onDead).not.toHaveBeenCalled();
  });

  it('deduplicates by jobId', async () => {
    const q = queue();
    let calls = 0;
    q.attach({ process: async () => void calls++ });
    await q.add('x', { payload: { n: 1 } }, { jobId: 'same' });
    await q.add('x', { payload: { n: 1 } }, { jobId: 'same' });
    await q.idle();
    await q.add('x', { payload: { n: 1 } }, { jobId: 'same' });
    await q.idle();
    expect(calls).toBe(1);
  });

  it('respects the concurrency limit', async () => {
    const q = queue(1, 1, 2);
    const gate = deferred();
    const twoRunning = deferred();
    let running = 0;
    let peak = 0;
    let calls = 0;
    q.attach({
      process: async () => {
        calls++;
        peak = Math.max(peak, ++running);
        if (running === 2) twoRunning.resolve();
        await gate.promise;
        running--;
      },
    });
    for (let i = 0; i < 8; i++) await q.add('x', { payload: { n: i } });
    // Two jobs are held inside the processor: the other six must not have started.
    await twoRunning.promise;
    await flush();
    expect(await q.counts()).toMatchObject({ active: 2, waiting: 6 });
    expect(calls).toBe(2);
    gate.resolve();
    await q.idle();
    expect(calls).toBe(8);
    expect(peak).toBe(2);
  });

  it('honours a delay', async () => {
    fakeTimers();
    const q = queue();
    let calls = 0;
    q.attach({ process: async () => void calls++ });
    await q.add('x', { payload: { n: 1 } }, { delayMs: 50 });
    expect((await q.counts()).delayed).toBe(1);
    await advance(49);
    expect(calls).toBe(0);
    await advance(1);
    expect(calls).toBe(1);
    expect(await q.counts()).toMatchObject({ delayed: 0, completed: 1 });
  });

  it('waits for running jobs on close and refuses new ones', async () => {
    const q = queue();
    const started = deferred();
    const gate = deferred();
    let finished = false;
    q.attach({
      process: async () => {
        started.resolve();
        await gate.promise;
        finished = true;
      },
    });
    await q.add('x', { payload: { n: 1 } });
    await started.promise;
    const closing = q.close();
    const closed = settled(closing);
    await flush();
    // close() is still waiting for the job held inside the processor.
    expect(closed()).toBe(false);
    await expect(q.add('x', { payload: { n: 2 } })).rejects.toThrow(/closed/);
    gate.resolve();
    await closing;
    expect(finished).toBe(true);
  });

  it('stop() waits for running jobs, starts no new one, and close() then returns at once', async () => {
    const q = queue(1, 10, 1);
    const started = deferred();
    const gate = deferred();
    const seen: number[] = [];
    q.attach({
      process: async (job: Job) => {
        seen.push(job.data.payload.n);
        started.resolve();
        await gate.promise;
      },
    });
    await q.add('x', { payload: { n: 1 } });
    await started.promise;
    const stopping = q.stop(60_000);
    const stopped = settled(stopping);
    // Accepted while stopping (kept in memory), never started.
    await q.add('x', { payload: { n: 2 } });
    await flush();
    expect(stopped()).toBe(false);
    gate.resolve();
    expect(await stopping).toEqual([]);
    await flush();
    expect(seen).toEqual([1]);
    expect((await q.counts()).waiting).toBe(1);
    await q.close();
  });

  it('stop() gives up on a job still running at its timeout and names it', async () => {
    fakeTimers();
    const q = queue(1, 10, 1);
    const started = deferred();
    q.attach({
      process: () => {
        started.resolve();
        return new Promise(() => undefined); // never settles, like a query behind an ended pool
      },
    });
    await q.add('stuck', { payload: { n: 1 } }, { jobId: 'j1' });
    await flush();
    await started.promise;
    const stopping = q.stop(5_000);
    const stopped = settled(stopping);
    await advance(4_999);
    expect(stopped()).toBe(false);
    await advance(1);
    expect(await stopping).toEqual([expect.stringMatching(/^stuck#j1 \(\d+ ms\)$/)]);
    // close() after stop() does not wait for it again.
    await q.close();
  });
});
