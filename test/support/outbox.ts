import { DataSource } from 'typeorm';
import { waitUntil } from './sync';
import type { TestApp } from './test-app';

/**
 * Waits until every outbox event in the app's database has been delivered (all its listeners
 * ran). A write usually answers after its listeners (the fast path), but when the relay's poll
 * claims the row first the answer goes out while the relay is still delivering it: a test that
 * reads what a listener writes (a notification, an email record) right after a write, or asserts
 * that a listener wrote nothing, waits here first.
 */
export async function outboxDelivered(t: TestApp, timeoutMs = 10_000): Promise<void> {
  const db = t.app.get(DataSource);
  await waitUntil(
    async () => {
      const [row] = (await db.query(
        'SELECT count(*)::int AS n FROM outbox_events WHERE delivered_at IS NULL',
      )) as { n: number }[];
      return row.n === 0;
    },
    { timeoutMs, what: 'every outbox event delivered' },
  );
}
