// A sharing event's cursor: its log position, opaque to clients.
import { decodeBase64, encodeBase64 } from '@pothos/core';
import { DomainError } from '../policy/errors.js';

export function encodeEventCursor(position: number): string {
  return encodeBase64(`SharingEvent:${position}`);
}

/** The cursor of a mutation's last event, or null when it wrote none. */
export function cursorAfter(lastPosition: number | null): string | null {
  return lastPosition === null ? null : encodeEventCursor(lastPosition);
}

/** The position a cursor names; INVALID_INPUT naming the field if it is not one. */
export function decodeEventCursor(cursor: string, field: string[]): number {
  let text = '';
  try {
    text = decodeBase64(cursor);
  } catch {
    // falls through to the error below
  }
  const match = /^SharingEvent:(\d{1,15})$/.exec(text);
  if (!match) throw new DomainError('INVALID_INPUT', 'Not a sharing event cursor.', field);
  return Number(match[1]);
}
