// Bench case "feed-poll": what one poll of the live feed costs once the log is large. The feed
// (src/events/feed.ts) reads the events after its head with their recipients by position
// (events/log-batch.ts); 200,000 events addressed to 5 users each (1,000,000 recipient rows)
// are written, then a poll that finds the last 5 events is timed with the recipients' position
// index and, as the floor it must beat, without it (dropped and made again in the same run).
// Rows are written with foreign keys off (session_replication_role) and deleted at the end.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/open.js';
import { readLogBatch } from '../src/events/log-batch.js';

const EVENTS = 200_000;
const RECIPIENTS_EACH = 5;
const MARK = 'bench feed-poll';

export async function benchFeedPoll(databaseUrl: string) {
  const database = await openDatabase({ databaseUrl, poolSize: 1 });
  const db = database.db;
  try {
    await db.execute(sql`set session_replication_role = replica`);
    console.log(`writing ${EVENTS} events with ${RECIPIENTS_EACH} recipients each...`);
    await db.execute(sql`insert into sharing_events (kind, tenant_id, environment_id, flow_id, flow_display_name, actor_role)
      select 'OWNER_ADDED', gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), ${MARK}, 'OWNER' from generate_series(1, ${EVENTS}::int)`);
    await db.execute(sql`insert into sharing_event_recipients (user_id, position)
      select u, p from (select gen_random_uuid() as u from generate_series(1, ${RECIPIENTS_EACH}::int)) us,
        (select position as p from sharing_events where flow_display_name = ${MARK}) ps`);
    await db.execute(sql`analyze sharing_events`);
    await db.execute(sql`analyze sharing_event_recipients`);
    const [{ head }] = (await db.execute(sql`select max(position)::bigint as head from sharing_events`)) as unknown as [{ head: string }];
    const poll = async () => {
      const ms: number[] = [];
      for (let i = 0; i < 31; i++) {
        const started = performance.now();
        const batch = await readLogBatch(db, Number(head) - 5, 100);
        ms.push(performance.now() - started);
        if (batch.events.length !== 5 || batch.events.some((e) => e.recipients.length !== RECIPIENTS_EACH))
          throw new Error('the poll read the wrong events');
      }
      ms.sort((a, b) => a - b);
      return { p50: ms[15]!, p90: ms[27]! };
    };
    const indexed = await poll();
    await db.execute(sql`drop index sharing_event_recipients_position_idx`);
    const floor = await poll();
    await db.execute(sql`create index sharing_event_recipients_position_idx on sharing_event_recipients (position)`);
    console.log(`\none feed poll finding 5 new events, ${EVENTS * RECIPIENTS_EACH} recipient rows in the log`);
    console.log('| read | p50 ms | p90 ms |');
    console.log('|---|---|---|');
    console.log(`| with the recipients' position index | ${indexed.p50.toFixed(2)} | ${indexed.p90.toFixed(2)} |`);
    console.log(`| without it (before migration 0010) | ${floor.p50.toFixed(2)} | ${floor.p90.toFixed(2)} |`);
    console.log(`ratio without / with: ${(floor.p50 / indexed.p50).toFixed(1)}x`);
  } finally {
    await db.execute(
      sql`delete from sharing_event_recipients where position in (select position from sharing_events where flow_display_name = ${MARK})`,
    );
    await db.execute(sql`delete from sharing_events where flow_display_name = ${MARK}`);
    await database.close();
  }
}
