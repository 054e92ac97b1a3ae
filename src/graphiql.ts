// Whether GraphiQL's page may carry a ready token (the first demo user's). Only for the
// newcomer's embedded demo on their own machine: listening on a loopback address, with the
// demo directory. Anywhere else the page would sign in whoever can load it, as a real user.
import { BlockList, isIP } from 'node:net';

export type GraphiqlTokenRule = { allowed: true } | { allowed: false; reason: string };

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** localhost, 127.0.0.0/8 or ::1 (IPv4-mapped included); a name other than localhost is not. */
export function isLoopback(host: string): boolean {
  const address = host.trim().replace(/^\[(.*)\]$/, '$1');
  if (address.toLowerCase() === 'localhost') return true;
  const version = isIP(address);
  return version !== 0 && loopback.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/**
 * `databaseUrl` and `directoryFile` as configured (DATABASE_URL; FLOWSHARE_DIRECTORY or
 * --directory): either means the directory is not the demo one.
 */
export function graphiqlTokenRule(options: {
  host: string;
  databaseUrl: string | undefined;
  directoryFile: string | undefined;
}): GraphiqlTokenRule {
  const why = (because: string): GraphiqlTokenRule => ({
    allowed: false,
    reason: `GraphiQL opens without a token: ${because}; paste one into its Headers tab as {"Authorization": "Bearer <token>"}.`,
  });
  if (!isLoopback(options.host))
    return why(`HOST ${options.host} is not a loopback address, and anyone who can load the page would be signed in`);
  if (options.databaseUrl !== undefined) return why('the directory is not the demo one (DATABASE_URL is set)');
  if (options.directoryFile !== undefined) return why(`the directory is not the demo one (${options.directoryFile} was given)`);
  return { allowed: true };
}
