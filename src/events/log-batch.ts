// The feed's one read of the log (issue #13): the events after its head, each with its
// recipients, and the directory version, in one prepared statement and so one snapshot.
// An event addressed to a group of thousands has thousands of recipients: they come back as
// one text value per event (string_agg) split once here, and so do the event's audience arrays
// (watchers, admins), instead of one row per recipient mapped by the query builder and arrays
// parsed character by character by the driver.
import { getTableColumns } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { sharingEvents } from '../db/tables.js';
import { plainRows } from '../reads/plain.js';
import type { LiveEvent } from './feed.js';

// The event's columns but its two uuid arrays, read as drizzle would (null stays null).
const scalars = Object.entries(getTableColumns(sharingEvents)).filter(([key]) => key !== 'watchers' && key !== 'admins');
const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

// `tick` makes a row even with no event, so the directory version is always read. The recipients
// are aggregated over the batch's range of positions in one pass (the table's key starts with
// the user, so a lookup per event would scan it once per event).
const BATCH_SQL = `
with batch as (
  select * from "sharing_events" where "position" > $1 order by "position" limit $2
), addressed as (
  select "position", string_agg("user_id"::text, ',') as ids from "sharing_event_recipients"
  where "position" > $1 and "position" <= (select max("position") from batch)
  group by "position"
)
select coalesce((select "version" from "directory_version" where "id" = 1), 0) as "directoryVersion",
  ${scalars.map(([key, column]) => `batch.${quoted(column.name)} as ${quoted(key)}`).join(', ')},
  array_to_string(batch."watchers", ',') as "watchers", array_to_string(batch."admins", ',') as "admins",
  addressed.ids as "recipients"
from (select 1) as tick
left join batch on true
left join addressed on addressed."position" = batch."position"
order by batch."position"`;

/** `a,b,c` as its ids; null (not recorded) stays null. */
function ids(text: unknown): string[] | null {
  if (text === null || text === undefined) return null;
  return text === '' ? [] : (text as string).split(',');
}

export type LogBatch = { directoryVersion: number | null; events: LiveEvent[] };

/** The events after `after`, oldest first, at most `limit`, with the directory version read with them. */
export async function readLogBatch(db: Db, after: number, limit: number): Promise<LogBatch> {
  const rows = await plainRows<Record<string, unknown>>(db, 'feed_log_batch', BATCH_SQL, [after, limit]);
  const version = rows[0]?.directoryVersion;
  const directoryVersion = version === null || version === undefined ? null : Number(version);
  const events: LiveEvent[] = [];
  for (const row of rows) {
    if (row.position === null || row.position === undefined) continue;
    const event: Record<string, unknown> = {};
    for (const [key, column] of scalars) {
      const value = row[key];
      event[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    event.watchers = ids(row.watchers);
    event.admins = ids(row.admins);
    event.recipients = ids(row.recipients) ?? [];
    events.push(event as LiveEvent);
  }
  return { directoryVersion, events };
}
