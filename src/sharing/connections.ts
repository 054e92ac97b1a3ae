// Connection use cases. A connection holds its owner's credentials (S5); one made inside a
// flow can be used in that flow only (S6).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open.js';
import { connections, connectors } from '../db/tables.js';
import { DomainError } from '../policy/errors.js';
import { assertCanEdit } from '../policy/flows.js';
import { flowWithAccess, type UserRow } from './access.js';
import { environmentForUser } from './environments.js';
import { name, parseInput } from './input.js';

const createInput = z.object({
  environmentId: z.string(),
  connectorId: z.string(),
  displayName: name,
  flowId: z.string().nullish(),
});
export type CreateConnectionInput = z.input<typeof createInput>;
export type ConnectionRow = typeof connections.$inferSelect;

export async function createConnection(db: Db, viewer: UserRow, rawInput: CreateConnectionInput): Promise<ConnectionRow> {
  const input = parseInput(createInput, rawInput);
  return db.transaction(async (tx) => {
    const { environment } = await environmentForUser(tx, viewer, input.environmentId, ['input', 'environmentId']);
    const [connector] = await tx.select().from(connectors).where(eq(connectors.id, input.connectorId));
    if (!connector) throw new DomainError('NOT_FOUND', 'No such connector.', ['input', 'connectorId']);
    if (input.flowId) {
      const found = await flowWithAccess(tx, viewer, input.flowId);
      assertCanEdit(found?.access, ['input', 'flowId'], 'add connections to this flow');
      if (found!.flow.environmentId !== environment.id) {
        throw new DomainError('INVALID_INPUT', 'The flow is in another environment.', ['input', 'flowId']);
      }
    }
    const [connection] = await tx
      .insert(connections)
      .values({
        environmentId: environment.id,
        connectorId: connector.id,
        ownerId: viewer.id,
        displayName: input.displayName,
        scopedFlowId: input.flowId ?? null,
      })
      .returning();
    return connection!;
  });
}
