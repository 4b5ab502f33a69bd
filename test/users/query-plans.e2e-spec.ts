import { DataSource } from 'typeorm';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Every query on a users hot path can be answered from an index. With tiny test tables the planner
 * rightly prefers sequential scans, so each EXPLAIN runs with sequential scans, bitmap scans and
 * sorts disabled: a plan that still contains a Seq Scan or a Sort means no index can serve the
 * query (in the order a keyset page needs).
 */
describe.each(testModes())('users query plans (%s mode)', (mode) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(mode);
  });
  afterAll(() => t?.close());

  const id = '0b7f3c1e-8c1a-4c61-9a1e-3f1b2c3d4e5f';
  const at = '2026-01-01T00:00:00Z';
  const hash = 'a'.repeat(64);
  const queries: [string, string, unknown[]][] = [
    [
      'session state (every authenticated request)',
      `SELECT s.user_id, u.role FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
      [id],
    ],
    [
      'refresh rotation',
      `SELECT family_id FROM refresh_tokens WHERE token_hash = $1 AND rotated_at IS NULL`,
      [hash],
    ],
    ['refresh family revocation', `SELECT id FROM refresh_tokens WHERE family_id = $1`, [id]],
    [
      'account token',
      `SELECT user_id FROM account_tokens WHERE token_hash = $1 AND purpose = 'verify-email'`,
      [hash],
    ],
    ['login by email', `SELECT id FROM users WHERE email = $1`, ['a@b.c']],
    ['profile by username', `SELECT id FROM users WHERE username = $1`, ['ada']],
    [
      'active sessions of a user',
      `SELECT id FROM user_sessions WHERE user_id = $1 AND revoked_at IS NULL`,
      [id],
    ],
    [
      'followers page',
      `SELECT follower_id FROM follows WHERE followee_id = $1 AND (created_at, follower_id) < ($2::timestamptz, $3::uuid)
        ORDER BY created_at DESC, follower_id DESC LIMIT 21`,
      [id, at, id],
    ],
    [
      'following page',
      `SELECT followee_id FROM follows WHERE follower_id = $1 AND (created_at, followee_id) < ($2::timestamptz, $3::uuid)
        ORDER BY created_at DESC, followee_id DESC LIMIT 21`,
      [id, at, id],
    ],
    ['feed ids', `SELECT followee_id FROM follows WHERE follower_id = $1`, [id]],
    [
      'admin users page',
      `SELECT id FROM users WHERE (created_at, id) < ($1::timestamptz, $2::uuid) ORDER BY created_at DESC, id DESC LIMIT 21`,
      [at, id],
    ],
  ];

  it.each(queries)('%s uses an index', async (_, sql, params) => {
    const plan = await t.app.get(DataSource).transaction(async (em) => {
      // Small tables: make the planner show whether an index can serve the query in order.
      for (const setting of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort'])
        await em.query(`SET LOCAL ${setting} = off`);
      const rows: { 'QUERY PLAN': string }[] = await em.query(`EXPLAIN ${sql}`, params);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index/);
    expect(plan).not.toMatch(/Seq Scan/);
    expect(plan).not.toMatch(/\bSort\b/);
  });
});
