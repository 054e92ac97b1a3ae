// Relay global ids: base64 of "Type:uuid". Inputs are checked here, so a malformed id never
// reaches the database (where a bad uuid would be an error, not an answer).
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { DomainError } from '../policy/errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A type's global id for a key: base64 of "Type:key", as Pothos encodes it. Remembered (a
 * page of flows names the same users and connections hundreds of times; issue #13), up to
 * MAX_REMEMBERED_IDS, then forgotten all at once.
 */
export function globalId(typename: string, id: string): string {
  // By type, then key: no "Type:key" string made to look one up.
  let ofType = rememberedIds.get(typename);
  if (ofType === undefined) {
    ofType = new Map();
    rememberedIds.set(typename, ofType);
  }
  let encoded = ofType.get(id);
  if (encoded === undefined) {
    encoded = encodeGlobalID(typename, id);
    if (++remembered > MAX_REMEMBERED_IDS) {
      for (const ids of rememberedIds.values()) ids.clear();
      remembered = 1;
    }
    ofType.set(id, encoded);
  }
  return encoded;
}
const rememberedIds = new Map<string, Map<string, string>>();
let remembered = 0;
const MAX_REMEMBERED_IDS = 50_000;

/** The type and key of a global id, or null if it is not one of ours. */
export function parseGlobalId(value: string): { typename: string; id: string } | null {
  try {
    const { typename, id } = decodeGlobalID(value);
    return UUID.test(id) ? { typename, id: id.toLowerCase() } : null;
  } catch {
    return null;
  }
}

/** The key of a global id of `typename`, or INVALID_INPUT naming the field. */
export function idOf(value: string, typename: string, field: string[]): string {
  const parsed = parseGlobalId(value);
  if (!parsed || parsed.typename !== typename) {
    throw new DomainError('INVALID_INPUT', `${field.slice(1).join('.')} is not a ${typename} id.`, field);
  }
  return parsed.id;
}

/** Like idOf for optional inputs. */
export function optionalIdOf(value: string | null | undefined, typename: string, field: string[]) {
  return value === null || value === undefined ? value : idOf(value, typename, field);
}

const PRINCIPAL_KINDS = { User: 'USER', Group: 'GROUP', SharePointList: 'LIST' } as const;

/** A principal's global id (User, Group or SharePointList), or INVALID_INPUT naming the field. */
export function principalOf(value: string, field: string[]): { kind: 'USER' | 'GROUP' | 'LIST'; id: string; field: string[] } {
  const parsed = parseGlobalId(value);
  const kind =
    parsed && Object.hasOwn(PRINCIPAL_KINDS, parsed.typename)
      ? PRINCIPAL_KINDS[parsed.typename as keyof typeof PRINCIPAL_KINDS]
      : undefined;
  if (!parsed || !kind) {
    throw new DomainError('INVALID_INPUT', `${field.slice(1).join('.')} is not a user, group or SharePoint list id.`, field);
  }
  return { kind, id: parsed.id, field };
}
