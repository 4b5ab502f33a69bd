import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { registerUser } from '../support/auth';
import { createArticle } from '../content/content-helpers';
import { startTestApp, TestApp } from '../support/test-app';

/** Debian's Chromium (.ci/run installs it), headless, nothing beyond loopback. */
const CHROMIUM = '/usr/bin/chromium';

describe('GraphiQL in a real browser', () => {
  let t: TestApp;
  let browser: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    t = await startTestApp('embedded');
    profile = mkdtempSync(join(tmpdir(), 'nexus-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await t?.close();
  });

  it('opens the IDE from assets served by Nexus, runs a query and shows the result', async () => {
    const author = await registerUser(t);
    const article = await createArticle(
      t,
      author.accessToken,
      { title: 'Seen in GraphiQL', tags: ['ide'] },
      true,
    );
    const page = await browser.newPage();
    const origins = new Set<string>();
    const problems: string[] = [];
    page.on('request', (r) => origins.add(new URL(r.url()).origin));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });

    await page.goto(`${t.url}/graphiql`);
    // The default query lists the newest articles; run it with the IDE's execute button.
    await page.locator('.graphiql-execute-button').click({ timeout: 30_000 });
    const result = page.locator('.result-window');
    await result.getByText(article.slug).first().waitFor({ timeout: 30_000 });
    expect(await result.innerText()).toContain(author.username);

    // Every request stayed on the app's origin (no CDN), and nothing was blocked by the CSP.
    expect([...origins]).toEqual([t.url]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
