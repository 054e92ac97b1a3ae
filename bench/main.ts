// npm run bench [-- case...]: each case measures flowshare against a floor measured in the
// same run, so that the ratio means something on a shared, noisy machine. Cases: myflows
// (a deep query over HTTP), audit (sharingAudit on a large environment), fanout (live events
// to many WebSocket subscribers), attacks (how fast each hostile request is refused), scim
// (provisioning 10,000 users and 1,000 groups through /scim/v2), usage (flowUsage on
// 1,000,000 runs), peer (the myflows query against PostGraphile 5 too, on Node 22 from a
// cache folder), at-scale (issue 14: searched inventory pages, accessibleFlows, reassignFlows of
// 1,000 flows and the audit on 100,000 flows / 1,000,000 grants), feed-poll (one poll of the
// live feed over 1,000,000 recipient rows, with and without their position index). All run on PostgreSQL
// (bench/run.sh starts a throwaway one).
import { openDatabase } from '../src/db/open.js';
import { benchAtScale } from './at-scale.js';
import { benchAttacks } from './attacks.js';
import { benchAudit } from './audit.js';
import { benchFanout } from './fanout.js';
import { benchFeedPoll } from './feed-poll.js';
import { benchMyFlows } from './myflows.js';
import { benchPeer } from './peer.js';
import { benchScim } from './scim.js';
import { benchUsage } from './usage.js';

const cases: Record<string, (databaseUrl: string) => Promise<void>> = {
  myflows: benchMyFlows,
  audit: benchAudit,
  fanout: benchFanout,
  'feed-poll': benchFeedPoll,
  attacks: benchAttacks,
  scim: benchScim,
  usage: benchUsage,
  peer: benchPeer,
  'at-scale': benchAtScale,
};

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required (npm run bench starts a throwaway PostgreSQL)');
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(cases);
const unknown = chosen.filter((c) => !cases[c]);
if (unknown.length) throw new Error(`unknown bench case(s): ${unknown.join(', ')}; cases: ${Object.keys(cases).join(', ')}`);

const database = await openDatabase({ databaseUrl, poolSize: 1 });
await database.migrate();
await database.close();
for (const name of chosen) {
  console.log(`\n=== ${name} ===`);
  await cases[name]!(databaseUrl);
}
