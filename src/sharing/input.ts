// Input checks for use cases: zod schemas whose issues become INVALID_INPUT with the path
// of the field at fault, as the contract's OperationError.field expects. Every stored
// string goes through storedText (S27).
import { z } from 'zod';
import { DomainError } from '../policy/errors.js';
import { textFault, type TextKind } from '../policy/text.js';

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

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = ['input', ...issue.path.map(String)];
  throw new DomainError('INVALID_INPUT', `${field.slice(1).join('.')}: ${issue.message}`, field);
}
