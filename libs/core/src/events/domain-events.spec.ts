import { EventEmitter2 } from '@nestjs/event-emitter';
import { DomainEventMeta, DomainEvents } from './domain-events';

// Every augmentation names this file (libs do so as '@nexus/core/events/domain-events'): an
// augmentation of the index re-export would not reach the interface.
declare module './domain-events' {
  interface DomainEventMap {
    'test.thing.happened': { id: string };
  }
}

describe('DomainEvents', () => {
  it('waits for every listener before resolving', async () => {
    const emitter = new EventEmitter2();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const seen: string[] = [];
    emitter.on('test.thing.happened', async (p: { id: string }) => {
      await gate;
      seen.push(p.id);
    });
    const emitted = new DomainEvents(emitter).emit('test.thing.happened', { id: 'a' });
    let resolved = false;
    void emitted.then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(false);
    release();
    await emitted;
    expect(seen).toEqual(['a']);
  });

  it('gives each listener the event id and time beside the payload, the same id to every listener', async () => {
    const emitter = new EventEmitter2();
    const metas: DomainEventMeta[] = [];
    emitter.on(
      'test.thing.happened',
      (_p: { id: string }, m: DomainEventMeta) => void metas.push(m),
    );
    emitter.on(
      'test.thing.happened',
      (_p: { id: string }, m: DomainEventMeta) => void metas.push(m),
    );
    const events = new DomainEvents(emitter);
    await events.emit('test.thing.happened', { id: 'a' });
    await events.emit('test.thing.happened', { id: 'b' });
    expect(metas).toHaveLength(4);
    expect(metas[0].eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(metas[1].eventId).toBe(metas[0].eventId);
    expect(metas[2].eventId).not.toBe(metas[0].eventId);
    expect(metas[0].name).toBe('test.thing.happened');
    expect(metas[0].occurredAt).toBeInstanceOf(Date);
  });

  it("does not turn a listener's failure into the emitter's error", async () => {
    const emitter = new EventEmitter2();
    emitter.on('test.thing.happened', () => {
      throw new Error('listener broke');
    });
    const events = new DomainEvents(emitter);
    const logged = jest.spyOn(events['logger'], 'error').mockImplementation(() => undefined);
    await expect(events.emit('test.thing.happened', { id: 'b' })).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledTimes(1);
  });
});
