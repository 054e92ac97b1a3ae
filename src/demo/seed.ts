// Demo data for the embedded default: the demo directory, plus a few connections and flows
// made through the same use cases as the API, so that a newcomer's first query shows data.
import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/open.js';
import { connectors, environments, tenants, users } from '../db/tables.js';
import { importDirectoryFile } from '../directory/import.js';
import { createConnection } from '../sharing/connections.js';
import { createFlow } from '../sharing/flows.js';
import { modifyFlowOwners } from '../sharing/owners.js';

export const demoDirectoryFile = fileURLToPath(new URL('../../demo/directory.json', import.meta.url));

export async function isEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(tenants);
  return row!.n === 0;
}

export async function seedDemo(db: Db): Promise<void> {
  await importDirectoryFile(db, demoDirectoryFile);
  const byExternal = async <T>(rows: Promise<T[]>) => (await rows)[0]!;
  const alice = await byExternal(db.select().from(users).where(eq(users.externalId, 'alice')));
  const env = await byExternal(db.select().from(environments).where(eq(environments.externalId, 'contoso-default')));
  const connector = (id: string) => byExternal(db.select().from(connectors).where(eq(connectors.externalId, id)));
  const sharepoint = await createConnection(db, alice, {
    environmentId: env.id,
    connectorId: (await connector('shared_sharepointonline')).id,
    displayName: 'alice@contoso.com (SharePoint)',
  });
  const outlook = await createConnection(db, alice, {
    environmentId: env.id,
    connectorId: (await connector('shared_office365')).id,
    displayName: 'alice@contoso.com (Outlook)',
  });
  const approval = await createFlow(db, alice, {
    environmentId: env.id,
    displayName: 'Expense approval',
    description: 'Ask a manager to approve an expense and record the answer in the Expenses list.',
    trigger: 'INSTANT',
    actions: [
      { name: 'Get expense item', connectionId: sharepoint.id },
      { name: 'Send approval email', connectionId: outlook.id },
      { name: 'Compose summary' },
    ],
  });
  await createFlow(db, alice, {
    environmentId: env.id,
    displayName: 'Weekly expense digest',
    trigger: 'SCHEDULED',
    actions: [
      { name: 'List new expenses', connectionId: sharepoint.id },
      { name: 'Email the digest', connectionId: outlook.id },
    ],
  });
  // Shared, so the sharing log (and a subscription replaying it) has something to show.
  const bob = await byExternal(db.select().from(users).where(eq(users.externalId, 'bob')));
  await modifyFlowOwners(db, alice, { flowId: approval.id, add: [{ kind: 'USER', id: bob.id, field: [] }], remove: [], expiresAt: null });
}
