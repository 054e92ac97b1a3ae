// Environments, their roles and DLP policy, and the connectors connections are made for.
import { asc, desc, eq } from 'drizzle-orm';
import { connectorClass, connectors, environmentRole, environments } from '../db/tables.js';
import { builder } from './builder.js';
import { requireViewer } from './context.js';
import { Group, Tenant } from './directory.js';
import { ClassificationRef, ConnectorRef, EnvironmentRef } from './refs.js';

export const EnvironmentRole = builder.enumType('EnvironmentRole', {
  values: environmentRole.enumValues,
});
const ConnectorClass = builder.enumType('ConnectorClass', { values: connectorClass.enumValues });

export const Connector = ConnectorRef;
builder.node(ConnectorRef, {
  id: { resolve: (c) => c.id },
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    displayName: t.exposeString('displayName'),
  }),
});

const ConnectorClassification = ClassificationRef;
ClassificationRef.implement({
  fields: (t) => ({
    connector: t.field({ type: Connector, resolve: async (c, _, ctx) => (await ctx.loaders.connector.load(c.connectorId))! }),
    class: t.field({ type: ConnectorClass, resolve: (c) => c.class }),
  }),
});

const DlpPolicy = builder.objectRef<{ environmentId: string }>('DlpPolicy').implement({
  description: 'Data loss prevention for one environment. Connectors not listed are NON_BUSINESS.',
  fields: (t) => ({
    classifications: t.field({
      type: [ConnectorClassification],
      resolve: (p, _, ctx) => ctx.loaders.dlpOfEnvironment.load(p.environmentId),
    }),
  }),
});

export const Environment = EnvironmentRef;
builder.node(EnvironmentRef, {
  id: { resolve: (e) => e.id },
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    displayName: t.exposeString('displayName'),
    isDefault: t.exposeBoolean('isDefault'),
    tenant: t.field({ type: Tenant, resolve: async (e, _, ctx) => (await ctx.loaders.tenant.load(e.tenantId))! }),
    securityGroup: t.field({
      type: Group,
      nullable: true,
      description: 'Where set, only its members are inside the environment.',
      resolve: (e, _, ctx) => (e.securityGroupId ? ctx.loaders.group.load(e.securityGroupId) : null),
    }),
    viewerRole: t.field({
      type: EnvironmentRole,
      nullable: true,
      description: "The viewer's role here; null when the viewer has none.",
      resolve: (e, _, ctx) => ctx.loaders.environmentRole.load(e.id),
    }),
    dlpPolicy: t.field({ type: DlpPolicy, resolve: (e) => ({ environmentId: e.id }) }),
  }),
});

builder.queryFields((t) => ({
  environments: t.field({
    type: [Environment],
    description: "The environments of the viewer's tenant, the default one first.",
    resolve: (_, __, ctx) => {
      const viewer = requireViewer(ctx);
      return ctx.db
        .select()
        .from(environments)
        .where(eq(environments.tenantId, viewer.tenantId))
        .orderBy(desc(environments.isDefault), asc(environments.displayName));
    },
  }),
  connectors: t.field({
    type: [Connector],
    description: 'Connectors a connection can be made for.',
    resolve: (_, __, ctx) => {
      requireViewer(ctx);
      return ctx.db.select().from(connectors).orderBy(asc(connectors.displayName));
    },
  }),
}));
