// GraphiQL's ready token (issue 11, item 12): only the embedded demo on a loopback address
// opens GraphiQL signed in; anywhere else the page carries no token and the start-up says why.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphiqlTokenRule, isLoopback } from '../src/graphiql.js';
import { startTestApp } from './support/app.js';
import { graphqlUrlOf, startProcess, type ServerProcess } from './support/process.js';
import { tenantDirectory } from './support/tenant.js';

const page = async (url: string) => {
  const response = await fetch(url, { headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  return response.text();
};

/** What the page hands GraphiQL (the page also inlines GraphiQL's own code, which mentions headers). */
function graphiqlOptions(html: string): Record<string, unknown> {
  const match = /YogaGraphiQL\.renderYogaGraphiQL\(\s*window\.document\.querySelector\('#root'\),\s*(\{.*\}),\s*\);/s.exec(html);
  expect(match, 'the options GraphiQL is rendered with').not.toBeNull();
  return JSON.parse(match![1]!) as Record<string, unknown>;
}

/** Any token in GraphiQL's options: its header editor or its WebSocket's connection params. */
const tokenIn = (options: Record<string, unknown>) =>
  /Bearer|eyJ/i.test(JSON.stringify({ headers: options.headers, connectionParams: options.connectionParams }));

describe('the rule', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.10.20.30', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['::1', true],
    ['[::1]', true],
    ['0:0:0:0:0:0:0:1', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.1.2.3', false],
    ['192.168.0.10', false],
    ['128.0.0.1', false],
    ['flowshare.example.com', false],
    ['localhost.example.com', false],
  ])('%s is loopback: %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });

  it('allows a token only on loopback with the demo directory, and says why not otherwise', () => {
    const demo = { databaseUrl: undefined, directoryFile: undefined };
    expect(graphiqlTokenRule({ host: '127.0.0.1', ...demo })).toEqual({ allowed: true });
    expect(graphiqlTokenRule({ host: 'localhost', ...demo })).toEqual({ allowed: true });

    const refusals: [Parameters<typeof graphiqlTokenRule>[0], string][] = [
      [{ host: '0.0.0.0', ...demo }, 'HOST 0.0.0.0 is not a loopback address'],
      [{ host: '10.1.2.3', ...demo }, 'HOST 10.1.2.3 is not a loopback address'],
      [{ host: '127.0.0.1', databaseUrl: 'postgres://db/flowshare', directoryFile: undefined }, 'DATABASE_URL is set'],
      [{ host: '127.0.0.1', databaseUrl: undefined, directoryFile: 'people.json' }, 'people.json was given'],
      [{ host: '0.0.0.0', databaseUrl: 'postgres://db/flowshare', directoryFile: 'people.json' }, 'is not a loopback address'],
    ];
    for (const [options, because] of refusals) {
      const rule = graphiqlTokenRule(options);
      expect(rule.allowed).toBe(false);
      const reason = rule.allowed ? '' : rule.reason;
      expect(reason).toContain(because);
      expect(reason).toMatch(/^GraphiQL opens without a token: /);
      expect(reason).not.toContain('\n');
    }
  });
});

describe('the served page', () => {
  it('carries no token when the server is started without GraphiQL headers', async () => {
    const app = await startTestApp();
    try {
      const options = graphiqlOptions(await page(app.url));
      expect(options).toMatchObject({ title: 'flowshare' });
      expect(options.headers).toBeUndefined();
      expect(options.connectionParams).toBeUndefined();
      expect(JSON.stringify(options)).not.toMatch(/Bearer|eyJ/);
    } finally {
      await app.close();
    }
  });

  it('carries the token it is given (so the check above would see one)', async () => {
    const app = await startTestApp({ server: { graphiql: { headers: { Authorization: 'Bearer eyJ.a-token.here' } } } });
    try {
      const options = graphiqlOptions(await page(app.url));
      expect(tokenIn(options)).toBe(true);
      expect(options.connectionParams).toEqual({ authorization: 'Bearer eyJ.a-token.here' });
    } finally {
      await app.close();
    }
  });
});

describe('the server process with a directory of its own', () => {
  let dir: string;
  let server: ServerProcess | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'flowshare-graphiql-'));
  });
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens GraphiQL without a token and says why at start', async () => {
    const directory = join(dir, 'people.json');
    writeFileSync(directory, JSON.stringify(tenantDirectory('graphiql')));
    // Both lines, in either order: the reason is a log line on stdout, the banner is written to
    // stderr, and the two streams reach us in no fixed order.
    server = startProcess(
      { FLOWSHARE_DATA_DIR: join(dir, 'data'), FLOWSHARE_DIRECTORY: directory },
      /^(?=[\s\S]*GraphiQL: \S+\n)(?=[\s\S]*GraphiQL opens without a token)/,
    );
    const output = await server.matched;
    expect(output).toContain(`GraphiQL opens without a token: the directory is not the demo one (${directory} was given)`);
    const options = graphiqlOptions(await page(graphqlUrlOf(output)));
    expect(tokenIn(options)).toBe(false);
    expect(options.headers).toBeUndefined();
    expect(options.defaultQuery).toContain('Sign in first');
  }, 90_000);
});
