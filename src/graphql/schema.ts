// Builds the schema from every area file. Importing an area registers its types and fields.
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import './errors.js';
import './directory.js';
import './environments.js';
import './connections.js';
import './flows.js';
import './owners.js';
import './events.js';
import './copies.js';
import './runonly.js';
import './runs.js';
import './audit.js';
import './packages.js';
import './usage.js';
import './accessible.js';
import './bulk.js';
import './previews.js';
import './subscriptions.js';
import './nodes.js';

export const schema: GraphQLSchema = builder.toSchema();

/** The schema as committed in schema/schema.graphql: sorted, so diffs stay small. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
