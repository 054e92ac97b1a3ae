// SCIM errors (RFC 7644 §3.12): status, scimType and detail in the Error message schema, made
// by scimmy (Types.Error to throw, Messages.ErrorResponse to send). Anything else is a fault of
// ours: 500, or 503 while the database is unavailable, with no detail that could leak.
import SCIMMY from 'scimmy';
import { isOutage } from '../db/outage.js';

export const ScimError = SCIMMY.Types.Error;
export type ScimError = InstanceType<typeof ScimError>;

type ScimType = NonNullable<InstanceType<typeof SCIMMY.Messages.ErrorResponse>['scimType']>;

/** A refusal the client can act on. `scimType` as RFC 7644 §3.12 names them. */
export function scimError(status: 400 | 401 | 403 | 404 | 409 | 413 | 501, scimType: ScimType | null, detail: string): ScimError {
  return new ScimError(status, scimType as string, detail);
}

export const notFound = (id: string | undefined) => scimError(404, null, `Resource ${id ?? ''} not found`);

/** The status and body to send for `error`; `unexpected` is told of errors that are ours. */
export function errorResponse(error: unknown, unexpected: (error: unknown) => void): { status: number; body: object } {
  if (error instanceof ScimError) {
    const body = new SCIMMY.Messages.ErrorResponse(error);
    return { status: Number(body.status), body };
  }
  if (isOutage(error)) {
    return {
      status: 503,
      body: { schemas: [SCIMMY.Messages.ErrorResponse.id], status: '503', detail: 'The database is unavailable; try again later.' },
    };
  }
  unexpected(error);
  return { status: 500, body: new SCIMMY.Messages.ErrorResponse({ status: 500, detail: 'Internal error' }) };
}
