// What scimmy hands our resource handlers (its `ctx`): the request's transaction and tenant,
// and what the request did, for the router to act on after the commit.
import type { Tx } from '../db/open.js';
import type { ScimTenant } from './auth.js';
import { ScimError } from './errors.js';

export type ScimContext = {
  tx: Tx;
  tenant: ScimTenant;
  /** Users who left with this request: the router wakes the streams after the commit. */
  departed: string[];
  /** Users back from departure, and groups given their members: flows they own may resume. */
  returned: string[];
  groupsWritten: string[];
  /** The request wrote sharing events (a deleted group's grants): the router wakes the feed. */
  eventsWritten: boolean;
  /** A POST made (or brought back) a resource: 201. */
  created: boolean;
  /** An error of ours inside a handler, kept whole (scimmy turns unknown errors into 404s). */
  failure?: unknown;
};

/** Runs a handler body; an error that is not a SCIM error is kept in ctx and rethrown by the router. */
export async function guard<T>(ctx: ScimContext, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof ScimError) throw error;
    ctx.failure = error;
    throw error;
  }
}
