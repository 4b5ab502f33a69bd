import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { DemoDataSeeder } from '@nexus/demo';
import { ADMIN_ENV } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { OpenApiOperation, operationsOf, readCommittedDocument } from './openapi-schema';

/** Where the screenshots go (kept with the test output; CI may archive the folder). */
const OUTPUT = join(__dirname, '..', '..', 'test-results', 'swagger-ui');

/**
 * Swagger UI as a person meets it: Debian's Chromium opens `/docs` at `http://127.0.0.1:<port>`
 * (not the `localhost` of PUBLIC_URL), and on every GET operation "Try it out → Execute" with the
 * values the page offers answers 2xx when the operation is public and 401 when it needs a token.
 * Then the admin logs in through the login operation, authorises with the token, and
 * `GET /api/v1/users/me` answers 200. Path ids cannot have examples (they are random in every
 * database): like a person, the test copies one from the answer of the listing.
 */
describe('Swagger UI in a browser (embedded mode, demo data)', () => {
  const doc = readCommittedDocument();
  let t: TestApp;
  let browser: BrowserContext;
  let page: Page;
  let profile: string;

  beforeAll(async () => {
    t = await startTestApp('embedded', { env: { ...ADMIN_ENV, SEED_DEMO_DATA: 'true' } });
    await t.app.get(DemoDataSeeder).whenSeeded();
    profile = mkdtempSync(join(tmpdir(), 'nexus-chromium-'));
    // An empty, temporary profile (--user-data-dir).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1280, height: 1600 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
    mkdirSync(OUTPUT, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const publicOp = (op: OpenApiOperation) =>
    op.security !== undefined &&
    (!op.security.length || op.security.some((s) => !Object.keys(s).length));

  /** The operation's block in the page (Swagger UI's id: `operations-<tag>-<operationId>`). */
  const block = (op: OpenApiOperation) =>
    page.locator(`#operations-${op.tags![0]}-${op.operationId}`);

  /** Expands the operation, fills empty path fields, clicks Execute and reads the live status. */
  const execute = async (op: OpenApiOperation, fill: Record<string, string> = {}) => {
    const opblock = block(op);
    if (!(await opblock.locator('.btn.execute').isVisible())) {
      await opblock.locator('.opblock-summary-control').click();
    }
    const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
    for (const [name, value] of Object.entries(fill).filter(([n]) => pathParams.includes(n))) {
      const input = opblock.locator(`tr[data-param-name="${name}"] input`);
      if (!(await input.inputValue())) await input.fill(value);
    }
    await opblock.locator('.btn.execute').click();
    const status = opblock.locator('.live-responses-table .response .response-col_status');
    await status
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(async (e: Error) => {
        await opblock.screenshot({ path: join(OUTPUT, 'failure.png') });
        throw new Error(`${e.message}\n${(await opblock.innerText()).slice(0, 3000)}`);
      });
    const body = await opblock
      .locator('.live-responses-table .response-col_description pre')
      .first()
      .textContent()
      .catch(() => '');
    const code = Number((await status.first().textContent())?.trim());
    // Collapse again: the next execution must show its own answer.
    await opblock.locator('.opblock-summary-control').click();
    return { code, body: body ?? '' };
  };

  it('answers every GET operation with the values the page offers, then /users/me once authorised', async () => {
    await page.goto(`${t.url}/docs`);
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.servers select option').allTextContents()).toEqual([
      expect.stringMatching(/^\//),
    ]);

    const articles = await t.inject({ method: 'GET', url: '/api/v1/articles?limit=1' });
    const ids = { id: (articles.json() as { items: { id: string }[] }).items[0].id };

    const answers: string[] = [];
    const expected: string[] = [];
    for (const [method, path, op] of operationsOf(doc)) {
      if (method !== 'GET') continue;
      const { code } = await execute(op, ids);
      const ok = publicOp(op) ? code >= 200 && code < 300 : code === 401;
      answers.push(`${path} ${publicOp(op) ? 'public' : 'token'} ${ok ? 'as expected' : code}`);
      expected.push(`${path} ${publicOp(op) ? 'public' : 'token'} as expected`);
    }
    await page.screenshot({ path: join(OUTPUT, 'try-it-out.png'), fullPage: true });
    expect(answers).toEqual(expected);

    // Log in through the page, as the document's description says.
    const [, , login] = operationsOf(doc).find(
      ([m, p]) => m === 'POST' && p === '/api/v1/auth/login',
    )!;
    const loginBlock = block(login);
    await loginBlock.locator('.opblock-summary-control').click();
    await loginBlock
      .locator('textarea.body-param__text')
      .fill(JSON.stringify({ email: ADMIN_ENV.ADMIN_EMAIL, password: ADMIN_ENV.ADMIN_PASSWORD }));
    const { code, body } = await execute(login);
    expect(code).toBe(200);
    const token = (JSON.parse(body) as { accessToken: string }).accessToken;

    await page.locator('.auth-wrapper .btn.authorize').click();
    await page.locator('.modal-ux input').first().fill(token);
    await page.locator('.modal-ux .btn.modal-btn.auth.authorize').click();
    await page.locator('.modal-ux .btn-done').click();

    const [, , me] = operationsOf(doc).find(([m, p]) => m === 'GET' && p === '/api/v1/users/me')!;
    expect((await execute(me)).code).toBe(200);
    await page.screenshot({ path: join(OUTPUT, 'authorised.png'), fullPage: true });
  }, 300_000);
});
