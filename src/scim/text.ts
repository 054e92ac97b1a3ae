// S27 for SCIM: every string we store is checked as the GraphQL inputs and the directory
// import check theirs (policy/text.ts); a fault is 400 invalidValue naming the attribute.
import { MAX_NAME_LENGTH } from '../sharing/input.js';
import { textFault } from '../policy/text.js';
import { scimError } from './errors.js';

export function storedName(attribute: string, value: unknown): string {
  if (typeof value !== 'string') throw scimError(400, 'invalidValue', `${attribute}: must be a string`);
  const trimmed = value.trim();
  if (trimmed === '') throw scimError(400, 'invalidValue', `${attribute}: must not be empty`);
  if (trimmed.length > MAX_NAME_LENGTH) throw scimError(400, 'invalidValue', `${attribute}: must be at most ${MAX_NAME_LENGTH} characters`);
  const fault = textFault(trimmed, 'name');
  if (fault) throw scimError(400, 'invalidValue', `${attribute}: ${fault}`);
  return trimmed;
}

/** userName is the user's email: one `@` with something on each side, no spaces. */
export function storedEmail(attribute: string, value: unknown): string {
  const email = storedName(attribute, value);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw scimError(400, 'invalidValue', `${attribute}: must be an email address`);
  return email;
}
