// The request context: the viewer, per-request loaders and the database, built once per
// request for HTTP and WebSocket alike.
import { GraphQLError } from 'graphql';
import { InvalidTokenError, type VerifyToken } from '../auth/tokens.js';
import type { Db } from '../db/open.js';
import type { LogFeed } from '../events/feed.js';
import { userByExternalId } from '../reads/directory.js';
import { createLoaders, type Loaders, type ViewerFacts } from '../reads/loaders.js';
import type { UserRow } from '../sharing/access.js';

/** What every request shares: the database, the token check, the live log. */
export type Services = { db: Db; verify: VerifyToken; feed: LogFeed; maxBulkFlows: number };

export type Context = {
  db: Db;
  feed: LogFeed;
  /** Null without a token; a bad token never gets this far. */
  viewer: UserRow | null;
  /** When the viewer's token expires: a subscription ends then. */
  signedInUntil: Date | null;
  loaders: Loaders;
  /** Most flows one bulk mutation may touch (Limits.bulkFlows). */
  maxBulkFlows: number;
};

/** Reads `Authorization: Bearer <JWT>` and builds the context; a bad token is UNAUTHENTICATED. */
export async function buildContext(services: Services, authorization: unknown): Promise<Context> {
  const { db, feed } = services;
  const signedIn = await authenticate(services, authorization);
  const viewer = signedIn?.user ?? null;
  // Made on first use: a subscription's context, idle for hours, never needs its own
  // (each event brings fresh ones), and an idle subscription should cost little memory.
  let loaders: Loaders | undefined;
  // What sign-in read about the viewer serves this request's loaders only: not kept by a
  // long-lived context, whose later loaders (each event's) read them afresh.
  let known = signedIn?.known;
  return {
    db,
    feed,
    viewer,
    signedInUntil: signedIn?.expiresAt ?? null,
    maxBulkFlows: services.maxBulkFlows,
    get loaders() {
      loaders ??= createLoaders(db, viewer, undefined, known);
      known = undefined;
      return loaders;
    },
    set loaders(fresh: Loaders) {
      loaders = fresh;
      known = undefined;
    },
  };
}

/** The signed-in user, when their token expires, and what sign-in read about them. */
type SignedIn = { user: UserRow; expiresAt: Date; known: ViewerFacts };

async function authenticate({ db, verify }: Services, authorization: unknown): Promise<SignedIn | null> {
  if (authorization === undefined || authorization === null || authorization === '') return null;
  const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization.trim()) : null;
  if (!match) throw unauthenticated('the Authorization header must be "Bearer <token>"');
  let verified: Awaited<ReturnType<VerifyToken>>;
  try {
    verified = await verify(match[1]!);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw unauthenticated(error.message);
    throw error;
  }
  // One statement: the user, with their memberships and roles for the request's loaders.
  const found = await userByExternalId(db, verified.subject);
  if (!found) throw unauthenticated('the token names no user of the directory');
  if (found.user.status === 'DEPARTED') throw unauthenticated('the user has left the organization');
  return { user: found.user, expiresAt: verified.expiresAt, known: { memberships: found.memberships, roles: found.roles } };
}

export function unauthenticated(reason: string): GraphQLError {
  return new GraphQLError(`Not signed in: ${reason}.`, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/** The signed-in viewer, or UNAUTHENTICATED: every field but `viewer` needs one. */
export function requireViewer(ctx: Context): UserRow {
  if (!ctx.viewer) throw unauthenticated('send "Authorization: Bearer <token>"');
  return ctx.viewer;
}
