import { InProcessQueue } from './in-process-queue';
import { JobEnvelope, QueueJob } from './queue.types';

type Job = QueueJob<JobEnvelope<{ n: number }>>;

const queue = (attempts = 3, backoffMs = 10, concurrency = 2) =>
  new InProcessQueue({ name: 'test', attempts, backoffMs, concurrency });

describe('InProcessQueue', () => {
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
    await q.idle();
    expect(times).toHaveLength(3);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(18); // 20 ms
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(38); // 40 ms
    expect(dead).toEqual([{ attempts: 3, message: 'boom' }]);
    expect((await q.counts()).failed).toBe(1);
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
    let running = 0;
    let peak = 0;
    q.attach({
      process: async () => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 10));
        running--;
      },
    });
    for (let i = 0; i < 8; i++) await q.add('x', { payload: { n: i } });
    await q.idle();
    expect(peak).toBe(2);
  });

  it('honours a delay', async () => {
    const q = queue();
    let at = 0;
    q.attach({ process: async () => void (at = Date.now()) });
    const start = Date.now();
    await q.add('x', { payload: { n: 1 } }, { delayMs: 50 });
    expect((await q.counts()).delayed).toBe(1);
    await q.idle();
    expect(at - start).toBeGreaterThanOrEqual(45);
  });

  it('waits for running jobs on close and refuses new ones', async () => {
    const q = queue();
    let finished = false;
    q.attach({
      process: async () => {
        await new Promise((r) => setTimeout(r, 30));
        finished = true;
      },
    });
    await q.add('x', { payload: { n: 1 } });
    await new Promise((r) => setTimeout(r, 5));
    await q.close();
    expect(finished).toBe(true);
    await expect(q.add('x', { payload: { n: 2 } })).rejects.toThrow(/closed/);
  });
});
