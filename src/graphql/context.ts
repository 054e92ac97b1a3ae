// The request context: the viewer, per-request loaders and the database, built once per
// request for HTTP and WebSocket alike.
import { GraphQLError } from 'graphql';
import { InvalidTokenError, type VerifyToken } from '../auth/tokens.js';
import type { Db } from '../db/open.js';
import type { LogFeed } from '../events/feed.js';
import { userByExternalId } from '../reads/directory.js';
import { createLoaders, type Loaders } from '../reads/loaders.js';
import type { UserRow } from '../sharing/access.js';

/** What every request shares: the database, the token check, the live log. */
export type Services = { db: Db; verify: VerifyToken; feed: LogFeed };

export type Context = {
  db: Db;
  feed: LogFeed;
  /** Null without a token; a bad token never gets this far. */
  viewer: UserRow | null;
  /** When the viewer's token expires: a subscription ends then. */
  signedInUntil: Date | null;
  loaders: Loaders;
};

/** Reads `Authorization: Bearer <JWT>` and builds the context; a bad token is UNAUTHENTICATED. */
export async function buildContext(services: Services, authorization: unknown): Promise<Context> {
  const { db, feed } = services;
  const signedIn = await authenticate(services, authorization);
  const viewer = signedIn?.user ?? null;
  // Made on first use: a subscription's context, idle for hours, never needs its own
  // (each event brings fresh ones), and an idle subscription should cost little memory.
  let loaders: Loaders | undefined;
  return {
    db,
    feed,
    viewer,
    signedInUntil: signedIn?.expiresAt ?? null,
    get loaders() {
      return (loaders ??= createLoaders(db, viewer));
    },
    set loaders(fresh: Loaders) {
      loaders = fresh;
    },
  };
}

async function authenticate({ db, verify }: Services, authorization: unknown): Promise<{ user: UserRow; expiresAt: Date } | null> {
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
  const user = await userByExternalId(db, verified.subject);
  if (!user) throw unauthenticated('the token names no user of the directory');
  if (user.status === 'DEPARTED') throw unauthenticated('the user has left the organization');
  return { user, expiresAt: verified.expiresAt };
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
