// GraphiQL in a real browser (issue 17, item 6): Chromium (Debian's package) driven by
// puppeteer-core opens the page signed in, runs the default query, then a subscription that
// sees another user's share. Skipped, saying why, on a machine without Chromium.
import { existsSync } from 'node:fs';
import { setTimeout as pause } from 'node:timers/promises';
import type { Browser, Page } from 'puppeteer-core';
import { launch } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenVerifier } from '../src/auth/tokens.js';
import { type RunningServer, startServer } from '../src/server.js';
import { graphql } from './gql/index.js';
import { ok, startTestApp, TEST_SECRET, type TestApp } from './support/app.js';
import { flowOf } from './support/fixtures.js';
import { makeTenant, type Tenant } from './support/tenant.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
if (!present) {
  console.warn(
    `graphiql-browser.test.ts skipped: no Chromium at ${CHROMIUM} (install Debian's: apt-get install -y chromium, or set CHROMIUM_PATH)`,
  );
}

const AddOwner = graphql(`
  mutation BrowserAddOwner($input: ModifyFlowOwnersInput!) { modifyFlowOwners(input: $input) { __typename } }
`);

const DEFAULT_QUERY = 'query Me {\n  viewer { displayName license }\n}\n';
const SUBSCRIPTION = 'subscription MyShares { sharingEvents { kind flowId } }';

describe.skipIf(!present)('GraphiQL in Chromium', () => {
  let app: TestApp;
  let t: Tenant;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  /** Every URL the page asked for: all of them must be the server's own (CI has no internet). */
  const requested: string[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    t = await makeTenant(app);
    // A server of its own on the same database and live log, opening GraphiQL signed in as the
    // co-owner (the tenant's tokens exist only now), as main.ts does for the embedded demo.
    server = await startServer({
      db: app.database.db,
      feed: app.feed,
      verify: tokenVerifier({ kind: 'secret', secret: TEST_SECRET }),
      port: 0,
      host: '127.0.0.1',
      quiet: true,
      graphiql: { defaultQuery: DEFAULT_QUERY, headers: { Authorization: `Bearer ${t.tokens.coowner}` } },
    });
    browser = await launch({
      executablePath: CHROMIUM,
      headless: true,
      // As root (CI's containers) Chromium refuses to start sandboxed.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-dev-shm-usage'],
    });
    page = await browser.newPage();
    await page.setViewport({ width: 1600, height: 1000 });
    page.on('request', (request) => void requested.push(request.url()));
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await app?.close();
  });

  /** What the result pane shows, its whitespace (Monaco's no-break spaces, wrapped lines) as single spaces. */
  const resultPane = () => page.$eval('.graphiql-response', (pane) => (pane.textContent ?? '').replace(/\s+/g, ' ')).catch(() => '');
  const queryEditor = () =>
    page.$eval('.graphiql-query-editor .view-lines', (lines) => (lines.textContent ?? '').replaceAll('\u00a0', ' ')).catch(() => '');
  const until = async (what: string, check: () => Promise<boolean> | boolean, ms = 10_000) => {
    for (const deadline = Date.now() + ms; Date.now() < deadline; await pause(100)) if (await check()) return;
    throw new Error(`waited ${ms} ms for ${what}; the result pane shows: ${await resultPane()}`);
  };

  it("opens signed in, with assets from the server only, and Run shows the default query's data", async () => {
    const first = await page.goto(server.url, { waitUntil: 'load' });
    expect(first?.headers()['content-encoding']).toBe('br');
    await page.waitForSelector('.graphiql-execute-button', { timeout: 15_000 });
    await until('the default query in the editor', async () => (await queryEditor()).includes('viewer { displayName license }'));

    await page.click('.graphiql-execute-button');
    await until('the viewer in the result pane', async () => (await resultPane()).includes(`Coowner ${t.tag}`));
    expect(await resultPane()).toContain('"license": "SEEDED"');

    // GraphiQL's code, styles and Monaco's workers are in the page: nothing from a CDN.
    const origin = new URL(server.url).origin;
    const elsewhere = requested.filter((url) => !url.startsWith(origin) && !url.startsWith(`blob:${origin}/`) && !url.startsWith('data:'));
    expect(elsewhere).toEqual([]);
  }, 30_000);

  it("runs a typed subscription that sees another user's share", async () => {
    await page.click('.graphiql-tab-add');
    await until('an empty editor', async () => (await queryEditor()).trim() === '');
    await page.click('.graphiql-query-editor .monaco-editor');
    await page.keyboard.type(SUBSCRIPTION);
    await until('the subscription in the editor', async () => (await queryEditor()).trim() === SUBSCRIPTION);
    // GraphiQL reads the editor a moment later (its tab then takes the operation's name); Run
    // before that would still send the operation name Me.
    const activeTab = () => page.$eval('.graphiql-tab-active .graphiql-tab-button', (tab) => tab.textContent).catch(() => '');
    await until('GraphiQL to see the operation', async () => (await activeTab()) === 'MyShares');

    const before = app.feed.subscriptionCount;
    await page.click('.graphiql-execute-button');
    // Live (no replay): the share must come after the server has the subscription.
    await until('the subscription to reach the server', () => app.feed.subscriptionCount > before);

    const flow = await flowOf(app, t.tokens.maker, { environmentId: t.defaultEnv });
    const shared = ok(await app.gql(AddOwner, { input: { flowId: flow.id, add: [t.users.coowner] } }, t.tokens.maker));
    expect(shared.modifyFlowOwners.__typename).toBe('ModifyFlowOwnersSuccess');

    await until('the event in the result pane', async () => (await resultPane()).includes(flow.id));
    const pane = await resultPane();
    expect(pane).toContain('"kind": "OWNER_ADDED"');
    expect(pane).toContain(`"flowId": "${flow.id}"`);
  }, 30_000);

  it("is not downloaded again: the browser revalidates its copy (GraphiQL's POSTs don't evict it)", async () => {
    const again = await page.goto(server.url, { waitUntil: 'load' });
    expect(again?.status()).toBe(304);
    await page.waitForSelector('.graphiql-execute-button', { timeout: 15_000 });
  }, 30_000);
});
