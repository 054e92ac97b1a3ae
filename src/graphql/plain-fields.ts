// Fields read straight off their parent, with no resolver. graphql-jit compiles a field without
// a resolver into a property read; one with a resolver becomes a job of its own (a resolve-info
// object, a path, a promise check) — and the Relay plugin gives every connection's `edges` and
// `pageInfo` and every edge's `node` a resolver that only reads the property of that name:
// ~300 jobs a page of flows (issue #13). Those resolvers are dropped here, before any document
// is compiled; graphql-js's default resolver reads the same property.
import { isObjectType, type GraphQLSchema } from 'graphql';

const RELAY_FIELDS = new Set(['edges', 'node', 'pageInfo']);
const done = new WeakSet<GraphQLSchema>();

/** `(parent)=>parent.<name>`, as the Relay plugin writes it: the default resolver's job. */
const readsOwnProperty = (resolve: unknown, name: string) =>
  typeof resolve === 'function' && new RegExp(`^\\(?\\s*(\\w+)\\s*\\)?\\s*=>\\s*\\1\\.${name}$`).test(String(resolve));

/** Drops the Relay plugin's property-reading resolvers of `schema` (once per schema); plugin-wrapped ones stay. */
export function readRelayFieldsPlainly(schema: GraphQLSchema): void {
  if (done.has(schema)) return;
  done.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!RELAY_FIELDS.has(field.name) || field.args.length > 0) continue;
      const original = field.extensions?.pothosOriginalResolve;
      // Wrapped by a plugin: the wrapper may do more than read.
      if (field.resolve !== original || !readsOwnProperty(original, field.name)) continue;
      field.resolve = undefined;
    }
  }
}
