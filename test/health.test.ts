// /health and /ready for load balancers (issue 17, item 7): /health says the process is up
// without touching the database; /ready that the database answers and has every migration of
// this build applied, within a second, 503 otherwise. An unreachable PostgreSQL: outage.test.ts.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedDatabaseUrl, startTestApp, type TestApp } from './support/app.js';

const base = (app: { url: string }) => app.url.replace('/graphql', '');
const timed = async (url: string) => {
  const started = Date.now();
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, ms: Date.now() - started };
};

describe('a server on a migrated database', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('is up and ready', async () => {
    expect(await timed(`${base(app)}/health`)).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await timed(`${base(app)}/ready`)).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('ignores a query string on the probes', async () => {
    expect((await fetch(`${base(app)}/ready?from=lb`)).status).toBe(200);
  });
});

describe('a server whose database is gone', () => {
  it('/ready answers 503 within a second, /health still 200', async () => {
    const app = await startTestApp();
    try {
      await app.feed.close();
      await app.database.close();
      const ready = await timed(`${base(app)}/ready`);
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'unavailable', reason: expect.any(String) });
      expect(ready.ms).toBeLessThan(1_000);
      expect((await timed(`${base(app)}/health`)).status).toBe(200);
    } finally {
      await app.server.close();
    }
  });
});

describe('a server on a database behind this build', () => {
  let app: TestApp;
  beforeAll(async () => {
    // A database of its own on PostgreSQL: its migrations table is changed below.
    app = await startTestApp({ databaseUrl: await isolatedDatabaseUrl() });
  });
  afterAll(() => app?.close());

  const run = async (statement: ReturnType<typeof sql>) => {
    const result = (await app.database.db.execute(statement)) as unknown as
      | { rows?: Record<string, unknown>[] }
      | Record<string, unknown>[];
    return Array.isArray(result) ? result : (result.rows ?? []);
  };

  it('/ready answers 503 naming how many migrations are applied, then 200 once they all are', async () => {
    const shipped = (JSON.parse(readFileSync(new URL('../drizzle/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] })
      .entries.length;
    const [last] = await run(sql`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`);
    await run(sql`delete from drizzle.__drizzle_migrations where id = ${last!.id}`);
    const behind = await timed(`${base(app)}/ready`);
    expect(behind).toMatchObject({
      status: 503,
      body: { status: 'unavailable', reason: `${shipped - 1} of ${shipped} migrations applied` },
    });
    await run(
      sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${last!.id}, ${last!.hash}, ${last!.created_at})`,
    );
    expect(await timed(`${base(app)}/ready`)).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('/ready answers 503 on a database never migrated', async () => {
    await run(sql`alter table drizzle.__drizzle_migrations rename to migrations_elsewhere`);
    try {
      expect(await timed(`${base(app)}/ready`)).toMatchObject({ status: 503, body: { reason: 'no migration has been applied' } });
    } finally {
      await run(sql`alter table drizzle.migrations_elsewhere rename to __drizzle_migrations`);
    }
    expect((await timed(`${base(app)}/ready`)).status).toBe(200);
  });
});
