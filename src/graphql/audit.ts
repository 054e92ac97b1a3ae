// sharingAudit: an environment admin's list of what needs a look.
import { auditFindingKinds, MAX_AUDIT_FINDINGS, sharingAudit, type AuditFinding as Finding } from '../sharing/audit.js';
import { MAX_KINDS } from '../sharing/input.js';
import { builder } from './builder.js';
import { requireViewer } from './context.js';
import { listCost } from './cost.js';
import { loadPrincipal, Principal } from './directory.js';
import { Connection } from './connections.js';
import { Environment } from './environments.js';
import { Flow } from './flows.js';
import { idOf } from './ids.js';

const AuditFindingKind = builder.enumType('AuditFindingKind', { values: auditFindingKinds });

const AuditFinding = builder.objectRef<Finding>('AuditFinding').implement({
  fields: (t) => ({
    kind: t.field({ type: AuditFindingKind, resolve: (f) => f.kind }),
    flow: t.field({ type: Flow, resolve: (f) => f.flow }),
    principal: t.field({
      type: Principal,
      nullable: true,
      resolve: (f, _, ctx) => (f.principal ? loadPrincipal(ctx, f.principal) : null),
    }),
    connection: t.field({
      type: Connection,
      nullable: true,
      resolve: (f, _, ctx) => (f.connectionId ? ctx.loaders.connection.load(f.connectionId) : null),
    }),
    detail: t.exposeString('detail', { description: 'What was found, for people.' }),
  }),
});

const SharingAudit = builder.objectRef<Awaited<ReturnType<typeof sharingAudit>>>('SharingAudit').implement({
  fields: (t) => ({
    environment: t.field({ type: Environment, resolve: (a) => a.environment }),
    generatedAt: t.field({ type: 'DateTime', resolve: (a) => a.generatedAt }),
    findings: t.field({
      type: [AuditFinding],
      description: `Most severe first; at most ${MAX_AUDIT_FINDINGS} (see truncated).`,
      complexity: listCost(MAX_AUDIT_FINDINGS),
      resolve: (a) => a.findings,
    }),
    truncated: t.boolean({
      description: `True when there were more than ${MAX_AUDIT_FINDINGS} findings and only the first are listed: fix those, then audit again.`,
      resolve: (a) => a.truncated,
    }),
  }),
});

builder.queryFields((t) => ({
  sharingAudit: t.field({
    type: SharingAudit,
    description:
      'Environment admins only: guests with access, grants inert outside the security group, flows with no active owner, connections of departed users, expired grants. `kinds` narrows the findings.',
    args: {
      environmentId: t.arg.id({ required: true }),
      kinds: t.arg({ type: [AuditFindingKind], description: `Only these kinds (at most ${MAX_KINDS}); none or empty: every kind.` }),
    },
    resolve: (_, args, ctx) =>
      sharingAudit(ctx.db, requireViewer(ctx), idOf(args.environmentId, 'Environment', ['environmentId']), args.kinds),
  }),
}));
