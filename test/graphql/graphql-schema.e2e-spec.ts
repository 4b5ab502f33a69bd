import { printGraphqlSchema } from '@nexus/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, TestApp } from '../support/test-app';

describe('committed GraphQL schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('embedded', { listen: false });
  });
  afterAll(() => t?.close());

  it('is what the resolvers produce (run `npm run graphql:schema` after changing them)', () => {
    const committed = readFileSync(join(__dirname, '../../schema.graphql'), 'utf8');
    expect(printGraphqlSchema(t.app)).toBe(committed);
  });

  it('holds the operations of the contract', () => {
    const sdl = printGraphqlSchema(t.app);
    for (const field of [
      'me',
      'user',
      'article',
      'articles',
      'feed',
      'search',
      'tags',
      'trending',
    ]) {
      expect(sdl).toMatch(new RegExp(`^  ${field}\\(|^  ${field}:`, 'm'));
    }
    for (const field of [
      'register',
      'login',
      'refresh',
      'logout',
      'createArticle',
      'updateArticle',
      'publishArticle',
      'deleteArticle',
      'addComment',
      'react',
      'unreact',
      'follow',
      'unfollow',
    ]) {
      expect(sdl).toMatch(new RegExp(`^  ${field}\\(`, 'm'));
    }
  });
});
