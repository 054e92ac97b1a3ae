// Input checks for use cases: zod schemas whose issues become INVALID_INPUT with the path
// of the field at fault, as the contract's OperationError.field expects.
import { z } from 'zod';
import { DomainError } from '../policy/errors.js';

export const name = z.string().trim().min(1, 'must not be empty').max(256, 'must be at most 256 characters');
export const description = z.string().trim().max(4000, 'must be at most 4,000 characters');

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = ['input', ...issue.path.map(String)];
  throw new DomainError('INVALID_INPUT', `${field.slice(1).join('.')}: ${issue.message}`, field);
}
