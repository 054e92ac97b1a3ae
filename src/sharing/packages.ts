// Packages (issue 15): exportFlow writes a flow as a versioned JSON document, with no
// connection, credential or id of this deployment (connectors by their directory id);
// importFlowPackage makes a flow of the viewer's from one, like createFlowFromCopy (S12,
// S15): a connection of theirs per connector needed, run-only sources kept, each reference
// kept apart, so export → import → export gives the same package. The format is published
// as a JSON Schema (schema/flow-package.schema.json) and checked with ajv.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/open.js';
import { connectionReferences, connections, connectors, flowActions } from '../db/tables.js';
import { assertMay } from '../policy/access.js';
import { matchConnectors } from '../policy/copies.js';
import { DomainError } from '../policy/errors.js';
import { connectionUsage } from '../policy/flows.js';
import { assertRunOnlyAllowed } from '../policy/runonly.js';
import { flowWithAccess, type FlowRow, type UserRow } from './access.js';
import { assertFlowMeetsDlp } from './dlp.js';
import { authoringEnvironment, insertFlow, usableConnections } from './flows.js';
import { description as descriptionInput, listCaps, MAX_IDS, name as nameInput, parseInput } from './input.js';

export const PACKAGE_FORMAT_VERSION = 1;
/** The largest package read, as serialized JSON (UTF-8 bytes). */
export const MAX_PACKAGE_BYTES = 1_000_000;

/** A package of format version 1, as schema/flow-package.schema.json describes it. */
export type FlowPackage = {
  formatVersion: 1;
  displayName: string;
  description: string | null;
  trigger: FlowRow['trigger'];
  actions: { name: string; connectionReference: number | null }[];
  connectionReferences: { connector: string; usage: 'EMBEDDED' | 'OTHER'; runOnlySource: 'EMBEDDED' | 'INVOKER' }[];
};

export const packageSchema: object = JSON.parse(readFileSync(new URL('../../schema/flow-package.schema.json', import.meta.url), 'utf8'));
// strict: a schema keyword ajv does not know is an error (the package tests hit it), not a check
// silently skipped. Compiled on first use, not at start: it cost 0.1 to 0.4 s of every start.
let validatePackage: ValidateFunction<FlowPackage> | undefined;
const packageValidator = () => (validatePackage ??= new Ajv2020({ strict: true, allErrors: false }).compile<FlowPackage>(packageSchema));

// ------------------------------------------------------------------ export

/** Owners and environment admins (`own`): the flow as a package. One read-only snapshot. */
export async function exportFlowPackage(db: Db, viewer: UserRow, flowId: string): Promise<{ content: FlowPackage; exportedAt: Date }> {
  return db.transaction(async (tx) => {
    // FOR SHARE: the definition is read whole, before or after an edit, never halfway.
    const found = await flowWithAccess(tx, viewer, flowId, { lock: 'share' });
    assertMay(found?.access, 'own', ['flowId'], 'export this flow');
    const { flow } = found!;
    const [refs, actions] = await Promise.all([
      tx
        .select({ id: connectionReferences.id, connector: connectors.externalId, runOnlySource: connectionReferences.runOnlySource })
        .from(connectionReferences)
        .innerJoin(connections, eq(connections.id, connectionReferences.connectionId))
        .innerJoin(connectors, eq(connectors.id, connections.connectorId))
        .where(eq(connectionReferences.flowId, flow.id))
        .orderBy(connectionReferences.position, connectionReferences.id),
      tx.select().from(flowActions).where(eq(flowActions.flowId, flow.id)).orderBy(flowActions.position),
    ]);
    const indexOf = new Map(refs.map((r, i) => [r.id, i]));
    const content: FlowPackage = {
      formatVersion: PACKAGE_FORMAT_VERSION,
      displayName: flow.displayName,
      description: flow.description,
      trigger: flow.trigger,
      actions: actions.map((a) => ({
        name: a.name,
        connectionReference: a.connectionReferenceId ? indexOf.get(a.connectionReferenceId)! : null,
      })),
      connectionReferences: refs.map((r) => ({
        connector: r.connector,
        usage: connectionUsage(r.id, actions),
        runOnlySource: r.runOnlySource,
      })),
    };
    return { content, exportedAt: new Date() };
  });
}

// ------------------------------------------------------------------ reading a package

const PACKAGE_FIELD = ['input', 'package'];

/** A JSON Pointer (ajv's instancePath) as path segments. */
const pointerPath = (pointer: string) =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));

/** ajv's first error as INVALID_INPUT at the JSON path at fault, under input.package. */
function schemaFault(error: ErrorObject): DomainError {
  const path = pointerPath(error.instancePath);
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const property = params.missingProperty ?? params.additionalProperty;
  if (property !== undefined) path.push(property);
  const what = params.additionalProperty !== undefined ? `unknown property "${params.additionalProperty}"` : (error.message ?? 'invalid');
  const field = [...PACKAGE_FIELD, ...path];
  return new DomainError('INVALID_INPUT', `${field.slice(1).join('.')}: ${what}`, field);
}

// S27 and the names' rules, through input.ts, at the package's own paths.
const packageText = z.object({
  package: z.object({
    displayName: nameInput,
    description: descriptionInput.nullable(),
    actions: z.array(z.object({ name: nameInput })).superRefine((actions, ctx) => {
      const seen = new Set<string>();
      actions.forEach((a, i) => {
        if (seen.has(a.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `duplicate action name "${a.name}"` });
        seen.add(a.name);
      });
    }),
  }),
});

/**
 * A package checked whole: its size, its format version, the JSON Schema, stored text (S27),
 * and what the schema can't say (an action's reference exists; usage agrees with the actions;
 * INVOKER on instant flows only). INVALID_INPUT with the JSON path at fault otherwise.
 */
export function readPackage(value: unknown): FlowPackage {
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  if (bytes > MAX_PACKAGE_BYTES) {
    throw new DomainError(
      'INVALID_INPUT',
      `package: ${bytes.toLocaleString('en-US')} bytes; a package is at most ${MAX_PACKAGE_BYTES.toLocaleString('en-US')} bytes of JSON.`,
      PACKAGE_FIELD,
    );
  }
  if (typeof value === 'object' && value !== null && 'formatVersion' in value && value.formatVersion !== PACKAGE_FORMAT_VERSION) {
    throw new DomainError(
      'INVALID_INPUT',
      `package.formatVersion: unknown package format ${JSON.stringify(value.formatVersion)}; this server reads version ${PACKAGE_FORMAT_VERSION}.`,
      [...PACKAGE_FIELD, 'formatVersion'],
    );
  }
  const validate = packageValidator();
  if (!validate(value)) throw schemaFault(validate.errors![0]!);
  const { package: text } = parseInput(packageText, { package: value });
  const pkg: FlowPackage = {
    ...value,
    displayName: text.displayName,
    description: text.description,
    actions: value.actions.map((a, i) => ({ ...a, name: text.actions[i]!.name })),
  };
  const at = (...path: (string | number)[]) => [...PACKAGE_FIELD, ...path.map(String)];
  pkg.actions.forEach((a, i) => {
    if (a.connectionReference !== null && a.connectionReference >= pkg.connectionReferences.length) {
      throw new DomainError(
        'INVALID_INPUT',
        `package.actions.${i}.connectionReference: there is no connection reference ${a.connectionReference}.`,
        at('actions', i, 'connectionReference'),
      );
    }
  });
  const used = new Set(pkg.actions.map((a) => a.connectionReference));
  pkg.connectionReferences.forEach((r, i) => {
    const usage = used.has(i) ? 'EMBEDDED' : 'OTHER';
    if (r.usage !== usage) {
      throw new DomainError(
        'INVALID_INPUT',
        `package.connectionReferences.${i}.usage: is ${usage} (EMBEDDED while an action uses it, OTHER when none does).`,
        at('connectionReferences', i, 'usage'),
      );
    }
    if (r.runOnlySource === 'INVOKER') assertRunOnlyAllowed(pkg.trigger, at('connectionReferences', i, 'runOnlySource'));
  });
  return pkg;
}

// ------------------------------------------------------------------ import

const importCaps = listCaps({ connectionIds: MAX_IDS });
const displayNameInput = z.object({ displayName: nameInput.nullish() });

export type ImportFlowPackageInput = { environmentId: string; package: unknown; connectionIds: string[]; displayName?: string | null };

/**
 * A flow of the viewer's from a package, in an environment where they may author flows
 * (S15), with one connection of theirs for each connector the package needs: one connection
 * serves every reference of its connector, and each reference keeps its own row, run-only
 * source and position. One transaction: a refusal writes nothing.
 */
export async function importFlowPackage(db: Db, viewer: UserRow, input: ImportFlowPackageInput): Promise<FlowRow> {
  parseInput(importCaps, input);
  const { displayName } = parseInput(displayNameInput, { displayName: input.displayName });
  const pkg = readPackage(input.package);
  return db.transaction(async (tx) => {
    // The environment first, so that a wrong one is named as such, not as a connection fault.
    const environment = await authoringEnvironment(tx, viewer, input.environmentId);
    const needed = await connectorsNeeded(tx, pkg);
    const named = new Map(input.connectionIds.map((id, i) => [id, ['input', 'connectionIds', String(i)]]));
    const supplied = await usableConnections(tx, viewer, { id: null, environmentId: environment.id }, named);
    const given = new Set([...supplied.values()].map((c) => c.connectorId));
    const missing = [...needed.values()].filter((c) => !given.has(c.id));
    if (missing.length > 0) {
      throw new DomainError('INVALID_INPUT', `The package needs a connection of yours for: ${missing.map((c) => c.name).join(', ')}.`, [
        'input',
        'connectionIds',
      ]);
    }
    const connectionFor = matchConnectors(
      [...needed.values()],
      [...named].map(([id, field]) => ({ id, connectorId: supplied.get(id)!.connectorId, field })),
    );
    const flow = await insertFlow(tx, viewer, environment, {
      displayName: displayName ?? pkg.displayName,
      description: pkg.description,
      trigger: pkg.trigger,
      actions: [],
    });
    const refIds = await insertReferences(tx, flow.id, pkg, (connector) => connectionFor.get(needed.get(connector)!.id)!);
    if (pkg.actions.length > 0) {
      await tx.insert(flowActions).values(
        pkg.actions.map((a, position) => ({
          flowId: flow.id,
          position,
          name: a.name,
          connectionReferenceId: a.connectionReference === null ? null : refIds[a.connectionReference]!,
        })),
      );
    }
    await assertFlowMeetsDlp(tx, flow, PACKAGE_FIELD);
    return flow;
  });
}

/** The package's connectors by directory id; one this deployment doesn't know is named at its first reference. */
async function connectorsNeeded(tx: Tx, pkg: FlowPackage): Promise<Map<string, { id: string; name: string }>> {
  const ids = [...new Set(pkg.connectionReferences.map((r) => r.connector))];
  const rows = ids.length
    ? await tx
        .select({ id: connectors.id, externalId: connectors.externalId, name: connectors.displayName })
        .from(connectors)
        .where(inArray(connectors.externalId, ids))
    : [];
  const byExternalId = new Map(rows.map((r) => [r.externalId, { id: r.id, name: r.name }]));
  const unknown = pkg.connectionReferences.findIndex((r) => !byExternalId.has(r.connector));
  if (unknown >= 0) {
    throw new DomainError(
      'INVALID_INPUT',
      `package.connectionReferences.${unknown}.connector: no connector "${pkg.connectionReferences[unknown]!.connector}" in this directory.`,
      [...PACKAGE_FIELD, 'connectionReferences', String(unknown), 'connector'],
    );
  }
  return byExternalId;
}

/** One row per reference of the package, in its order; returns their ids by index. */
async function insertReferences(tx: Tx, flowId: string, pkg: FlowPackage, connectionOf: (connector: string) => string): Promise<string[]> {
  if (pkg.connectionReferences.length === 0) return [];
  const rows = await tx
    .insert(connectionReferences)
    .values(
      pkg.connectionReferences.map((r, position) => ({
        flowId,
        connectionId: connectionOf(r.connector),
        runOnlySource: r.runOnlySource,
        position,
      })),
    )
    .returning({ id: connectionReferences.id, position: connectionReferences.position });
  const ids: string[] = [];
  for (const r of rows) ids[r.position] = r.id;
  return ids;
}
