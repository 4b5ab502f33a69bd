import { EventEmitter2 } from '@nestjs/event-emitter';
import { randomUUID } from 'node:crypto';
import { bearer, registerUser, RegisteredUser } from '../support/auth';
import { testModes } from '../support/modes';
import { startTestApp, TestApp } from '../support/test-app';

const BASE = '/api/v1/__name__';

describe.each(testModes())('__name__ (%s mode)', (mode) => {
  let t: TestApp;
  let owner: RegisteredUser;
  let other: RegisteredUser;
  const received: { name: string; payload: unknown }[] = [];

  beforeAll(async () => {
    t = await startTestApp(mode);
    const events = t.app.get(EventEmitter2);
    for (const name of ['__name__.__item__.created', '__name__.__item__.deleted']) {
      events.on(name, (payload: unknown) => received.push({ name, payload }));
    }
    owner = await registerUser(t);
    other = await registerUser(t);
  });
  afterAll(() => t?.close());

  const create = (user: RegisteredUser | undefined, payload: unknown) =>
    t.inject({
      method: 'POST',
      url: BASE,
      headers: user ? bearer(user.accessToken) : {},
      payload: payload as object,
    });
  const remove = (user: RegisteredUser | undefined, id: string) =>
    t.inject({ method: 'DELETE', url: `${BASE}/${id}`, headers: user ? bearer(user.accessToken) : {} });

  it('creates, reads, lists and deletes, emitting an event after each write', async () => {
    const created = await create(owner, { title: '  First one  ' });
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ownerId: owner.id,
      title: 'First one',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/),
    });
    expect(received).toContainEqual({
      name: '__name__.__item__.created',
      payload: expect.objectContaining({ __itemCamel__Id: item.id, ownerId: owner.id }),
    });

    const read = await t.inject({ method: 'GET', url: `${BASE}/${item.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(item);

    const listed = await t.inject({ method: 'GET', url: `${BASE}?ownerId=${owner.id}` });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual({ items: [item], nextCursor: null });

    const deleted = await remove(owner, item.id);
    expect(deleted.statusCode).toBe(204);
    expect(received).toContainEqual({
      name: '__name__.__item__.deleted',
      payload: expect.objectContaining({ __itemCamel__Id: item.id, ownerId: owner.id }),
    });
    expect((await t.inject({ method: 'GET', url: `${BASE}/${item.id}` })).statusCode).toBe(404);
    expect((await remove(owner, item.id)).statusCode).toBe(404);
  });

  it('pages newest first with cursors, each page once', async () => {
    const titles = ['one', 'two', 'three'];
    for (const title of titles) expect((await create(other, { title })).statusCode).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `ownerId=${other.id}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await t.inject({ method: 'GET', url: `${BASE}?${query}` });
      expect(page.statusCode).toBe(200);
      seen.push(...page.json().items.map((i: { title: string }) => i.title));
      cursor = page.json().nextCursor;
    } while (cursor);
    expect(seen).toEqual([...titles].reverse());
  });

  it('lets only the owner delete', async () => {
    const item = (await create(owner, { title: 'mine' })).json();
    const attempt = await remove(other, item.id);
    expect(attempt.statusCode).toBe(403);
    expect(attempt.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await t.inject({ method: 'GET', url: `${BASE}/${item.id}` })).statusCode).toBe(200);
  });

  it('answers 401 to anonymous writes and serves anonymous reads', async () => {
    const item = (await create(owner, { title: 'public' })).json();
    for (const res of [await create(undefined, { title: 'x' }), await remove(undefined, item.id)]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect((await t.inject({ method: 'GET', url: BASE })).statusCode).toBe(200);
  });

  it.each([
    ['an empty title', { title: '   ' }],
    ['a missing title', {}],
    ['a title too long', { title: 'x'.repeat(201) }],
    ['a control character', { title: 'a\u0000b' }],
    ['an unknown field', { title: 'ok', ownerId: randomUUID() }],
    ['a non-string title', { title: 42 }],
  ])('refuses %s with a 400 problem', async (_, payload) => {
    const res = await create(owner, payload);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().errors.length).toBeGreaterThan(0);
  });

  it.each([
    ['a malformed id', `${BASE}/not-a-uuid`],
    ['a malformed owner id', `${BASE}?ownerId=42`],
    ['a limit out of range', `${BASE}?limit=101`],
    ['a forged cursor', `${BASE}?cursor=abc.def`],
  ])('refuses a read with %s with a 400 problem', async (_, url) => {
    const res = await t.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('removes an account’s __name__ when the account is deleted', async () => {
    const leaving = await registerUser(t);
    const item = (await create(leaving, { title: 'soon gone' })).json();
    const gone = await t.inject({
      method: 'DELETE',
      url: '/api/v1/users/me',
      headers: bearer(leaving.accessToken),
      payload: { password: leaving.password },
    });
    expect(gone.statusCode).toBe(204);
    expect((await t.inject({ method: 'GET', url: `${BASE}/${item.id}` })).statusCode).toBe(404);
  });
});
