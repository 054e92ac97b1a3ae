// Trusted documents (issue 11, item 13): with FLOWSHARE_TRUSTED_DOCUMENTS=<manifest>, the server
// runs only the operations of that manifest, named by their hash, on HTTP, SSE and WebSocket.
// The manifest is codegen's persisted-documents file (client preset, `persistedDocuments`):
// `{ "sha256:<hex>": "<document text>" }`; `npm run schema` writes the project's own to
// test/gql/persisted-documents.json.
//
// One decision, documentFor(), on every transport: HTTP and SSE reach it through Yoga's
// persisted-operations plugin (an onParams hook), the WebSocket path (server.ts's onSubscribe,
// where onParams hooks don't run) calls it directly. The text it returns then goes through
// Yoga's parse and validate as any other, so the request limits (limits.ts) still apply.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import { GraphQLError, Kind, parse, validate, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ConfigError } from '../config.js';
import { schema } from './schema.js';

export const TRUSTED_DOCUMENTS_VARIABLE = 'FLOWSHARE_TRUSTED_DOCUMENTS';

/** The codes of the refusals; HTTP 400. */
export const TRUSTED_CODES = {
  /** Query text was sent: only documents of the manifest run, by hash. */
  onlyPersisted: 'PERSISTED_QUERY_ONLY',
  /** Neither query text nor a document id. */
  idRequired: 'PERSISTED_QUERY_ID_REQUIRED',
  /** A document id the manifest doesn't have. */
  notInList: 'PERSISTED_QUERY_NOT_IN_LIST',
} as const;

/** The loaded manifest: document id (the hash without its `sha256:` prefix) → document text. */
export type TrustedDocuments = {
  /** Where it was read from (for messages). */
  readonly file: string;
  readonly size: number;
  get(id: string): string | undefined;
};

/**
 * Reads and checks a manifest at start: a JSON object of id → document text, each text a valid
 * document of `schema` with at least one operation, and each `sha256:` id the hash of its text
 * (a hand-edited or half-regenerated manifest is caught here, not by the first client).
 * Throws ConfigError naming FLOWSHARE_TRUSTED_DOCUMENTS and the file.
 */
export function loadTrustedDocuments(file: string, against: GraphQLSchema = schema): TrustedDocuments {
  const fail = (why: string): never => {
    throw new ConfigError(`${TRUSTED_DOCUMENTS_VARIABLE}: ${file}: ${why}`);
  };
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`cannot read the persisted-documents manifest (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return fail(
      `not JSON (${(error as Error).message}); expected {"sha256:<hash>": "<document>", ...} as codegen's client preset writes it`,
    );
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail('expected a JSON object {"sha256:<hash>": "<document>", ...} as codegen\'s client preset writes it');
  }
  const documents = new Map<string, string>();
  for (const [key, text] of Object.entries(json)) {
    if (typeof text !== 'string' || text.trim() === '') fail(`the document of "${key}" is not a string of GraphQL`);
    const id = idOf(key);
    if (!id) fail(`"${key}" is not a document id`);
    if (isSha256(id!) && sha256(text) !== id) fail(`"${key}" is not the sha256 of its document: regenerate the manifest (npm run schema)`);
    let errors: readonly GraphQLError[];
    try {
      const document = parse(text);
      if (!document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)) fail(`the document of "${key}" has no operation`);
      errors = validate(against, document);
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      return fail(`the document of "${key}" does not parse: ${(error as Error).message}`);
    }
    if (errors.length > 0) fail(`the document of "${key}" does not fit the schema: ${errors[0]!.message}`);
    documents.set(id!, text);
  }
  if (documents.size === 0) fail('the manifest has no documents: every operation would be refused');
  return { file, size: documents.size, get: (id) => documents.get(id) };
}

/** What a request (HTTP body or query string, SSE, or a graphql-ws subscribe payload) carries. */
export type DocumentParams = {
  query?: unknown;
  /** The Yoga / GraphQL-over-HTTP convention. */
  documentId?: unknown;
  /** Apollo's: `{ persistedQuery: { version: 1, sha256Hash } }`. */
  extensions?: unknown;
};

export type DocumentDecision = { query: string } | { refusal: GraphQLError };

/**
 * The one decision on every transport: without a manifest, the query text as sent; with one,
 * the manifest's text for the request's document id, and a refusal for query text, for no id,
 * or for an id the manifest doesn't have.
 */
export function documentFor(trusted: TrustedDocuments | undefined, params: DocumentParams): DocumentDecision {
  if (!trusted) return { query: typeof params.query === 'string' ? params.query : '' };
  if (typeof params.query === 'string' && params.query !== '') return { refusal: refusal('onlyPersisted') };
  const id = documentIdOf(params);
  if (id === undefined) return { refusal: refusal('idRequired') };
  const text = trusted.get(id);
  return text === undefined ? { refusal: refusal('notInList') } : { query: text };
}

/**
 * HTTP and SSE: Yoga's persisted-operations plugin, deciding through documentFor. Its own
 * checks come first (query text refused, an id required) and give documentFor's refusals.
 */
export function trustedDocumentsPlugins(trusted: TrustedDocuments | undefined): Plugin[] {
  if (!trusted) return [];
  return [
    usePersistedOperations({
      allowArbitraryOperations: false,
      // GET puts documentId in the query string, which Yoga's GET parser doesn't keep.
      extractPersistedOperationId: (params, request) =>
        documentIdOf({ ...params, documentId: (params as DocumentParams).documentId ?? getParam(request, 'documentId') }) ?? null,
      getPersistedOperation: (id) => {
        const decided = documentFor(trusted, { documentId: id });
        if ('refusal' in decided) throw decided.refusal;
        return decided.query;
      },
      customErrors: {
        persistedQueryOnly: () => refusal('onlyPersisted'),
        keyNotFound: () => refusal('idRequired'),
        notFound: () => refusal('notInList'),
      },
    }) as Plugin,
  ];
}

/** What GraphiQL opens with when only trusted documents run. */
export const TRUSTED_GRAPHIQL_QUERY = `# This server runs trusted documents only (${TRUSTED_DOCUMENTS_VARIABLE} is set):
# arbitrary queries are off, so what you type here is refused with PERSISTED_QUERY_ONLY,
# and so is GraphiQL's own schema introspection.
#
# Clients send the hash of a document of the server's manifest instead of its text:
#   POST {"documentId": "sha256:<hash>", "variables": {...}}
#   or Apollo's {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "<hash>"}}}
# The same on WebSocket (graphql-ws: "query": "" plus the id) and SSE.
`;

function refusal(kind: keyof typeof TRUSTED_CODES): GraphQLError {
  const messages = {
    onlyPersisted: `Only trusted documents run on this server: send {"documentId": "sha256:<hash>"} of a document of its manifest instead of query text.`,
    idRequired: `Send the id of a trusted document: {"documentId": "sha256:<hash>"} or extensions.persistedQuery.sha256Hash.`,
    notInList: `No trusted document has this id: only the documents of the server's manifest run.`,
  };
  return new GraphQLError(messages[kind], { extensions: { code: TRUSTED_CODES[kind], http: { status: 400 } } });
}

/** `documentId` (with or without `sha256:`), else Apollo's extensions.persistedQuery.sha256Hash. */
function documentIdOf(params: DocumentParams): string | undefined {
  if (typeof params.documentId === 'string') return idOf(params.documentId);
  const persisted = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)?.persistedQuery;
  return typeof persisted?.sha256Hash === 'string' ? idOf(persisted.sha256Hash) : undefined;
}

function idOf(key: string): string | undefined {
  const id = key.startsWith('sha256:') ? key.slice('sha256:'.length) : key;
  return id.trim() === '' ? undefined : isSha256(id.toLowerCase()) ? id.toLowerCase() : id;
}

const isSha256 = (id: string) => /^[0-9a-f]{64}$/.test(id);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function getParam(request: Request, name: string): string | undefined {
  if (request.method !== 'GET') return undefined;
  return new URL(request.url).searchParams.get(name) ?? undefined;
}
