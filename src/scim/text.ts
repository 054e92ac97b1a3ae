// S27 for SCIM: every string we store passes the same schema as the GraphQL inputs' names
// (sharing/input.ts `name`: trimmed, 1 to 256 characters, policy/text.ts); a fault is 400
// invalidValue naming the attribute.
import { name } from '../sharing/input.js';
import { scimError } from './errors.js';

export function storedName(attribute: string, value: unknown): string {
  if (typeof value !== 'string') throw scimError(400, 'invalidValue', `${attribute}: must be a string`);
  const parsed = name.safeParse(value);
  if (!parsed.success) throw scimError(400, 'invalidValue', `${attribute}: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

/** userName is the user's email: one `@` with something on each side, no spaces. */
export function storedEmail(attribute: string, value: unknown): string {
  const email = storedName(attribute, value);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw scimError(400, 'invalidValue', `${attribute}: must be an email address`);
  return email;
}
