// Input checks for use cases: zod schemas whose issues become INVALID_INPUT with the path
// of the field at fault, as the contract's OperationError.field expects. Every stored
// string goes through storedText (S27) and every list input has a cap, named here once.
import { z } from 'zod';
import { DomainError } from '../policy/errors.js';
import { textFault, type TextKind } from '../policy/text.js';

/** Ids in one list input: principals added or removed, copy recipients, a flow's other connections. */
export const MAX_IDS = 100;
/** Actions in one flow. */
export const MAX_ACTIONS = 500;
/**
 * Connection references one flow can have (one per action's connection, plus its other
 * connections), and so the cap on lists that name one item per reference or connector:
 * connection sources, the connections for a copy, a runner's own connections.
 */
export const MAX_FLOW_CONNECTIONS = MAX_ACTIONS + MAX_IDS;
/** Kinds in one filter (sharing event kinds, audit finding kinds): each once is all that means anything. */
export const MAX_KINDS = 50;
/** Connectors one DLP policy classifies. */
export const MAX_DLP_CONNECTORS = 1_000;
export const MAX_NAME_LENGTH = 256;
export const MAX_DESCRIPTION_LENGTH = 4_000;

/** The S27 check (policy/text.ts) as a zod refinement: add it to every schema of a stored string. */
export const storedText =
  (kind: TextKind) =>
  (value: string, ctx: z.RefinementCtx): void => {
    const fault = textFault(value, kind);
    if (fault) ctx.addIssue({ code: 'custom', message: fault });
  };

export const name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
  .superRefine(storedText('name'));
export const description = z
  .string()
  .trim()
  .max(MAX_DESCRIPTION_LENGTH, `must be at most ${MAX_DESCRIPTION_LENGTH.toLocaleString('en-US')} characters`)
  .superRefine(storedText('description'));

/** A list input of at most `max` items. */
export const listOf = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max, `must have at most ${max.toLocaleString('en-US')} items`);

/** Refuses a list argument of a query over its cap: INVALID_INPUT naming the argument. */
export function assertListCap(list: readonly unknown[] | null | undefined, max: number, field: string[]): void {
  if (list && list.length > max) {
    throw new DomainError('INVALID_INPUT', `${field.join('.')}: must have at most ${max.toLocaleString('en-US')} items`, field);
  }
}

/** A list of ids (already decoded by the GraphQL layer). */
export const idList = listOf(z.string(), MAX_IDS);

/** Caps for list inputs whose items are checked where they are used: field → most items. */
export const listCaps = (caps: Record<string, number>) =>
  z.object(Object.fromEntries(Object.entries(caps).map(([field, max]) => [field, listOf(z.unknown(), max)])));

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = ['input', ...issue.path.map(String)];
  throw new DomainError('INVALID_INPUT', `${field.slice(1).join('.')}: ${issue.message}`, field);
}
