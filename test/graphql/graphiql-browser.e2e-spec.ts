import type { BrowserContext } from 'playwright-core';
import { launchBrowser, TestBrowser } from '../support/browser';
import { registerUser } from '../support/auth';
import { createArticle } from '../content/content-helpers';
import { startTestApp, TestApp } from '../support/test-app';

describe('GraphiQL in a real browser', () => {
  let t: TestApp;
  let launched: TestBrowser;
  let browser: BrowserContext;

  beforeAll(async () => {
    t = await startTestApp('embedded');
    launched = await launchBrowser();
    browser = launched.context;
  });
  afterAll(async () => {
    await launched?.close();
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
