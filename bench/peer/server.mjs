// PostGraphile 5 for bench case "peer" (bench/peer.ts). Runs under Node >= 22 from the bench's
// cache folder (copied there so that `postgraphile` resolves from its node_modules), never
// from the project. The amber preset over schema public of PEER_DATABASE_URL, no JWT, no
// roles, no RLS: every row is readable, i.e. no authorization at all. Prints one JSON line,
// {"url": ...}, once listening on 127.0.0.1; exits when stdin closes (the bench ended).
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

const connectionString = process.env.PEER_DATABASE_URL;
if (!connectionString) throw new Error('PEER_DATABASE_URL is required');

const preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [makePgService({ connectionString, schemas: ['public'], poolConfig: { max: Number(process.env.PEER_POOL ?? 10) } })],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
await serv.addTo(server);
await pgl.getSchema(); // introspect and build now, not on the first request
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
console.log(JSON.stringify({ url: `http://127.0.0.1:${port}/graphql` }));

async function stop() {
  server.closeAllConnections();
  server.close();
  await pgl.release();
  process.exit(0);
}
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
