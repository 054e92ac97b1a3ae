// Environments, their roles and DLP policy (and the admins' mutations that set them), and
// the connectors connections are made for.
import { connectorClass, environmentRole } from '../db/tables.js';
import { connectorsByName, environmentsOfTenant } from '../reads/environments.js';
import { builder } from './builder.js';
import { requireViewer } from './context.js';
import { setDlpPolicy } from '../sharing/dlp.js';
import { setEnvironmentRole } from '../sharing/roles.js';
import { Group, Tenant, User } from './directory.js';
import { attempt, resultUnion } from './errors.js';
import { idOf } from './ids.js';
import { ClassificationRef, ConnectorRef, EnvironmentRef, FlowRef } from './refs.js';
import { listCost } from './cost.js';
import { MAX_DLP_CONNECTORS } from '../sharing/input.js';

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
      complexity: listCost(MAX_DLP_CONNECTORS),
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
    resolve: (_, __, ctx) => environmentsOfTenant(ctx.db, requireViewer(ctx).tenantId),
  }),
  connectors: t.field({
    type: [Connector],
    description: 'Connectors a connection can be made for.',
    resolve: (_, __, ctx) => {
      requireViewer(ctx);
      return connectorsByName(ctx.db);
    },
  }),
}));

const SetEnvironmentRoleInput = builder.inputType('SetEnvironmentRoleInput', {
  description: 'An admin gives a user a role in an environment, or takes it (role null: the user stays, with no role).',
  fields: (t) => ({
    environmentId: t.id({ required: true }),
    userId: t.id({ required: true }),
    role: t.field({ type: EnvironmentRole }),
  }),
});
const SetEnvironmentRoleSuccess = builder.objectRef<Awaited<ReturnType<typeof setEnvironmentRole>>>('SetEnvironmentRoleSuccess').implement({
  fields: (t) => ({
    environment: t.field({ type: Environment, resolve: (s) => s.environment }),
    user: t.field({ type: User, resolve: (s) => s.user }),
    role: t.field({ type: EnvironmentRole, nullable: true, resolve: (s) => s.role }),
  }),
});

const ConnectorClassInput = builder.inputType('ConnectorClassInput', {
  fields: (t) => ({ connectorId: t.id({ required: true }), class: t.field({ type: ConnectorClass, required: true }) }),
});
const SetDlpPolicyInput = builder.inputType('SetDlpPolicyInput', {
  description: 'The whole policy of an environment: connectors left out are NON_BUSINESS.',
  fields: (t) => ({
    environmentId: t.id({ required: true }),
    classifications: t.field({ type: [ConnectorClassInput], required: true }),
  }),
});
const SetDlpPolicySuccess = builder.objectRef<Awaited<ReturnType<typeof setDlpPolicy>>>('SetDlpPolicySuccess').implement({
  fields: (t) => ({
    environment: t.field({ type: Environment, resolve: (s) => s.environment }),
    suspendedFlows: t.field({
      type: [FlowRef],
      description: 'The flows the new policy breaks, now SUSPENDED (DLP_VIOLATION).',
      resolve: (s) => s.suspendedFlows,
    }),
  }),
});

builder.mutationFields((t) => ({
  setEnvironmentRole: t.field({
    type: resultUnion('SetEnvironmentRole', SetEnvironmentRoleSuccess),
    args: { input: t.arg({ type: SetEnvironmentRoleInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, (viewer) =>
        setEnvironmentRole(ctx.db, viewer, {
          environmentId: idOf(input.environmentId, 'Environment', ['input', 'environmentId']),
          userId: idOf(input.userId, 'User', ['input', 'userId']),
          role: input.role ?? null,
        }),
      ),
  }),
  setDlpPolicy: t.field({
    type: resultUnion('SetDlpPolicy', SetDlpPolicySuccess),
    args: { input: t.arg({ type: SetDlpPolicyInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, (viewer) =>
        setDlpPolicy(ctx.db, viewer, {
          environmentId: idOf(input.environmentId, 'Environment', ['input', 'environmentId']),
          classifications: input.classifications.map((c, i) => ({
            connectorId: idOf(c.connectorId, 'Connector', ['input', 'classifications', String(i), 'connectorId']),
            class: c.class,
          })),
        }),
      ),
  }),
}));
