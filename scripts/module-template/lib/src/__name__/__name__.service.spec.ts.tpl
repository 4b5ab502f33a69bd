import { KeysetCursors, ProblemException } from '@nexus/core';
import { randomUUID } from 'node:crypto';
import { __Item__ } from './__name__.repository';
import { canDelete, listScope, pageOf } from './__name__.service';

const cursors = new KeysetCursors('unit-test-secret-0123456789-abcdefghijklmnop');

const item = (n: number, ownerId = randomUUID()): __Item__ => ({
  id: randomUUID(),
  ownerId,
  title: `title ${n}`,
  createdAt: `2026-01-01T00:00:0${n}.123456Z`,
});

describe('__Name__Service rules', () => {
  it('lets only the owner delete', () => {
    const owner = randomUUID();
    expect(canDelete(item(1, owner), owner)).toBe(true);
    expect(canDelete(item(1, owner), randomUUID())).toBe(false);
  });

  it('gives a next cursor only when there is one more row, positioned on the last row shown', () => {
    const rows = [item(3), item(2), item(1)];
    const scope = listScope();
    const page = pageOf(rows, 2, cursors, scope);
    expect(page.items).toEqual(rows.slice(0, 2));
    expect(cursors.decode(scope, page.nextCursor!)).toEqual({ at: rows[1].createdAt, id: rows[1].id });
    expect(pageOf(rows, 3, cursors, scope).nextCursor).toBeNull();
  });

  it('scopes cursors by listing, so one owner’s cursor is refused on another listing', () => {
    const owner = randomUUID();
    const page = pageOf([item(2), item(1)], 1, cursors, listScope(owner));
    expect(() => cursors.decode(listScope(), page.nextCursor!)).toThrow(ProblemException);
    expect(() => cursors.decode(listScope(randomUUID()), page.nextCursor!)).toThrow(ProblemException);
  });
});
