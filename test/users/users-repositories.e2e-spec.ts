import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccountTokensRepository } from '../../libs/users/src/auth/account-tokens.repository';
import { SessionsRepository } from '../../libs/users/src/auth/sessions.repository';
import { FollowsRepository } from '../../libs/users/src/follows/follows.repository';
import { UsersRepository } from '../../libs/users/src/users/users.repository';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * The repositories' row → domain mapping against the real schema: every column read lands in the
 * right field with the right JavaScript type (ints as numbers, flags as booleans, timestamps in
 * the documented format), and methods given a transaction's EntityManager run inside it.
 */
describe.each(testModes())('users repositories (%s mode)', (mode) => {
  let t: TestApp;
  let users: UsersRepository;
  let follows: FollowsRepository;
  let sessions: SessionsRepository;
  let tokens: AccountTokensRepository;
  let db: DataSource;
  beforeAll(async () => {
    t = await startTestApp(mode, { listen: false });
    users = t.app.get(UsersRepository);
    follows = t.app.get(FollowsRepository);
    sessions = t.app.get(SessionsRepository);
    tokens = t.app.get(AccountTokensRepository);
    db = t.app.get(DataSource);
  });
  afterAll(() => t?.close());

  const newUser = async (overrides: { role?: 'user' | 'admin'; emailVerified?: boolean } = {}) => {
    const name = `repo_${randomBytes(4).toString('hex')}`;
    const created = await users.insert({
      email: `${name}@example.com`,
      username: name,
      displayName: `Name ${name}`,
      passwordHash: `hash-${name}`,
      role: overrides.role ?? 'user',
      emailVerified: overrides.emailVerified ?? false,
    });
    if (!created) throw new Error('insert refused');
    return { id: created.id, name };
  };

  it('maps a users row to me, profile, login, admin and author-card views', async () => {
    const { id, name } = await newUser({ role: 'admin', emailVerified: true });
    const other = await newUser();
    await db.transaction(async (em) => {
      expect(await follows.insert(other.id, id, em)).toBe(true);
      await follows.adjustCounts(other.id, id, 1, em);
    });
    await users.updateProfile(id, { bio: 'Line one', avatarUrl: 'https://cdn.example.com/a.png' });

    const me = await users.findMe(id);
    expect(me).toEqual({
      id,
      email: `${name}@example.com`,
      username: name,
      displayName: `Name ${name}`,
      bio: 'Line one',
      avatarUrl: 'https://cdn.example.com/a.png',
      role: 'admin',
      emailVerified: true,
      followerCount: 1,
      followingCount: 0,
      publishedArticleCount: 0,
      createdAt: expect.stringMatching(ISO_MILLIS),
    });
    expect(await users.findProfile(name)).toEqual({
      id,
      username: name,
      displayName: `Name ${name}`,
      bio: 'Line one',
      avatarUrl: 'https://cdn.example.com/a.png',
      followerCount: 1,
      followingCount: 0,
      publishedArticleCount: 0,
      createdAt: me!.createdAt,
    });
    expect(await users.findLogin('username', name)).toEqual({
      id,
      email: `${name}@example.com`,
      username: name,
      displayName: `Name ${name}`,
      passwordHash: `hash-${name}`,
      suspended: false,
    });
    await users.setSuspended(id, true, 'spam');
    expect(await users.findForAdmin(id)).toEqual({
      id,
      email: `${name}@example.com`,
      username: name,
      displayName: `Name ${name}`,
      role: 'admin',
      emailVerified: true,
      suspended: true,
      suspendedReason: 'spam',
      createdAt: expect.stringMatching(ISO_MICROS),
    });
    expect(await users.authorCards([id, other.id])).toEqual(
      expect.arrayContaining([
        {
          id,
          username: name,
          displayName: `Name ${name}`,
          avatarUrl: 'https://cdn.example.com/a.png',
        },
        { id: other.id, username: other.name, displayName: `Name ${other.name}`, avatarUrl: null },
      ]),
    );
    expect(
      await users.insert({
        ...(await users.findLogin('id', id))!,
        role: 'user',
        emailVerified: false,
      }),
    ).toBeUndefined();
  });

  it('maps follow edges to list items with a microsecond keyset position', async () => {
    const star = await newUser();
    const fan = await newUser();
    await db.transaction((em) => follows.insert(fan.id, star.id, em));
    const [item] = await follows.page('followers', star.id, 10);
    expect(item).toEqual({
      id: fan.id,
      username: fan.name,
      displayName: `Name ${fan.name}`,
      avatarUrl: null,
      followedAt: expect.stringMatching(ISO_MICROS),
    });
    expect((await follows.page('following', fan.id, 10)).map((i) => i.id)).toEqual([star.id]);
    expect(
      await follows.page('followers', star.id, 10, { at: item.followedAt, id: item.id }),
    ).toEqual([]);
    expect(await follows.exists(fan.id, star.id)).toBe(true);
    expect(await follows.followeeIds(fan.id)).toEqual([star.id]);
  });

  it('maps sessions, refresh tokens and account tokens', async () => {
    const { id, name } = await newUser({ emailVerified: true });
    const first = 'a'.repeat(64);
    const sessionId = await sessions.start(id, '203.0.113.7', 'jest', 3600, first);
    expect(await sessions.sessionState(sessionId)).toEqual({
      userId: id,
      username: name,
      role: 'user',
      emailVerified: true,
      active: true,
    });
    expect(await sessions.listActive(id)).toEqual([
      {
        id: sessionId,
        ip: '203.0.113.7',
        userAgent: 'jest',
        createdAt: expect.stringMatching(ISO_MILLIS),
        lastUsedAt: expect.stringMatching(ISO_MILLIS),
      },
    ]);
    expect(await sessions.rotate(first, 'b'.repeat(64), 3600)).toEqual({
      familyId: sessionId,
      userId: id,
      rotated: true,
    });
    expect(await sessions.rotate(first, 'c'.repeat(64), 3600)).toBeUndefined();
    expect(await sessions.findToken(first)).toEqual({
      familyId: sessionId,
      userId: id,
      rotated: true,
    });
    expect(await sessions.revokeByTokenHash('b'.repeat(64))).toEqual({ sessionId, userId: id });
    expect((await sessions.sessionState(sessionId))?.active).toBe(false);

    const tokenHash = 'd'.repeat(64);
    await tokens.insert(id, 'password-reset', tokenHash, 3600);
    expect(await tokens.findHolder(tokenHash, 'verify-email')).toBeUndefined();
    expect(await tokens.findHolder(tokenHash, 'password-reset')).toEqual({
      id,
      email: `${name}@example.com`,
      username: name,
      displayName: `Name ${name}`,
    });
    expect(await tokens.consume(tokenHash, 'password-reset')).toBe(id);
    expect(await tokens.consume(tokenHash, 'password-reset')).toBeUndefined();
  });

  it('runs on the transaction it is given: a rolled-back insert leaves nothing', async () => {
    const name = `repo_${randomBytes(4).toString('hex')}`;
    const rollback = new Error('roll back');
    await expect(
      db.transaction(async (em) => {
        const created = await users.insert(
          {
            email: `${name}@example.com`,
            username: name,
            displayName: name,
            passwordHash: 'x',
            role: 'user',
            emailVerified: false,
          },
          em,
        );
        expect(await users.usernameTaken(name, em)).toBe(true);
        await tokens.insert(created!.id, 'verify-email', 'e'.repeat(64), 60, em);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await users.usernameTaken(name)).toBe(false);
    expect(await users.findLogin('email', `${name}@example.com`)).toBeUndefined();
  });
});
