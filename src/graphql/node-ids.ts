// Node ids answered synchronously. The Relay plugin resolves every node's `id` through two async
// functions (its globalID field awaits the node's id resolver), so each of the ~1,000 ids of a
// page of flows cost promises and microtasks (issue #13). Where a node's own id resolver answers
// a value, the field now encodes it at once (ids.ts globalId, the same text Pothos encodes);
// a resolver that answers a promise still goes the plugin's way.
import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { globalId } from './ids.js';

type NodeOptions = { pothosOptions?: { id?: { resolve?: GraphQLFieldResolver<unknown, unknown> } } };
const done = new WeakSet<GraphQLSchema>();

/** Makes the `id` of every Node type of `schema` synchronous (once per schema). */
export function resolveNodeIdsSynchronously(schema: GraphQLSchema): void {
  if (done.has(schema)) return;
  done.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) continue;
    const idOf = (type.extensions as NodeOptions).pothosOptions?.id?.resolve;
    const field = type.getFields().id;
    const pluginWay = field?.resolve;
    if (!idOf || !field || !pluginWay) continue;
    const typename = type.name;
    field.resolve = (parent, args, ctx, info) => {
      const raw = idOf(parent, args, ctx, info);
      return typeof raw === 'string' ? globalId(typename, raw) : pluginWay(parent, args, ctx, info);
    };
  }
}
