// Packages: the JSON scalar, FlowPackage, exportFlow and importFlowPackage (src/sharing/packages.ts).
import type { GraphQLScalarType } from 'graphql';
import { JSONResolver } from 'graphql-scalars';
import { exportFlowPackage, importFlowPackage, type FlowPackage as Package } from '../sharing/packages.js';
import { builder, type Types } from './builder.js';
import { requireViewer } from './context.js';
import { attempt, resultUnion } from './errors.js';
import { flowSuccess } from './flows.js';
import { idOf } from './ids.js';

// graphql-scalars' JSON. BuilderTypes (builder.ts) names the scalars it knows; JSON is added
// here, its one user, so the name is given untyped: inputs are `unknown` until readPackage checks them.
const addScalar = builder.addScalarType.bind(builder) as unknown as (
  name: string,
  scalar: GraphQLScalarType,
  options: { description: string },
) => PothosSchemaTypes.ScalarRef<Types, unknown, unknown>;
export const JSONScalar = addScalar('JSON', JSONResolver, { description: 'Any JSON value.' });

const FlowPackage = builder.objectRef<{ content: Package; exportedAt: Date }>('FlowPackage').implement({
  fields: (t) => ({
    content: t.field({
      type: JSONScalar,
      description:
        "The package: a JSON document with a format version, the flow's name, description, trigger and actions, its connection references (connector, usage, run-only source) and no connection or credential.",
      resolve: (p) => p.content,
    }),
    exportedAt: t.field({ type: 'DateTime', resolve: (p) => p.exportedAt }),
  }),
});

builder.queryFields((t) => ({
  exportFlow: t.field({
    type: FlowPackage,
    description:
      "Owners and admins: the flow as a package to import in another environment (Power Automate's export): definition, connection references with their run-only source (EMBEDDED or INVOKER), connectors needed, no credentials.",
    args: { flowId: t.arg.id({ required: true }) },
    resolve: (_, args, ctx) => exportFlowPackage(ctx.db, requireViewer(ctx), idOf(args.flowId, 'Flow', ['flowId'])),
  }),
}));

const ImportFlowPackageInput = builder.inputType('ImportFlowPackageInput', {
  description:
    "Create a flow of the viewer's from an exported package, in an environment where the viewer may author flows, with a connection of theirs for each connector the package needs. Run-only sources (INVOKER) are kept.",
  fields: (t) => ({
    environmentId: t.id({ required: true }),
    package: t.field({ type: JSONScalar, required: true }),
    connectionIds: t.idList(),
    displayName: t.string(),
  }),
});

builder.mutationField('importFlowPackage', (t) =>
  t.field({
    type: resultUnion('ImportFlowPackage', flowSuccess('ImportFlowPackage')),
    args: { input: t.arg({ type: ImportFlowPackageInput, required: true }) },
    resolve: (_, { input }, ctx) =>
      attempt(ctx, async (viewer) => ({
        flow: await importFlowPackage(ctx.db, viewer, {
          environmentId: idOf(input.environmentId, 'Environment', ['input', 'environmentId']),
          package: input.package,
          connectionIds: (input.connectionIds ?? []).map((id, i) => idOf(id, 'Connection', ['input', 'connectionIds', String(i)])),
          displayName: input.displayName,
        }),
      })),
  }),
);
