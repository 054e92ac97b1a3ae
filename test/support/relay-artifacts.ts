// What relay-compiler would generate for an operation (a ConcreteRequest: the reader AST, the
// normalization AST and the text to send), made at run time from the operation's text and the
// printed schema. relay-compiler is a separate binary this project does not install; this is
// just enough of it for the relay-runtime test: fields, arguments, inline fragments on object
// types, `__typename` added where a type is abstract, and @connection(key:) as Relay does it
// (a LinkedHandle the default ConnectionHandler merges pages into).
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isAbstractType,
  isListType,
  isObjectType,
  Kind,
  parse,
  print,
  valueFromASTUntyped,
  visit,
  type ArgumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { ConcreteRequest } from 'relay-runtime';

let cachedSchema: GraphQLSchema | undefined;
const schema = () => (cachedSchema ??= buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8')));

type Node = Record<string, unknown>;

/** A ConcreteRequest for one operation, as relay-compiler would make it. */
export function relayRequest(source: string): ConcreteRequest {
  const document = withTypenames(parse(source));
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation?.name) throw new Error('relayRequest: one named operation');
  const root = schema().getRootType(operation.operation);
  if (!root) throw new Error(`relayRequest: the schema has no ${operation.operation} type`);
  const name = operation.name.value;
  const argumentDefinitions = (operation.variableDefinitions ?? []).map((v) => ({
    kind: 'LocalArgument',
    name: v.variable.name.value,
    defaultValue: null,
  }));
  const text = print(withoutConnectionDirectives(document));
  return {
    kind: 'Request',
    fragment: {
      kind: 'Fragment',
      name,
      type: root.name,
      metadata: null,
      argumentDefinitions,
      selections: reader(operation.selectionSet, root),
      abstractKey: null,
    },
    operation: { kind: 'Operation', name, argumentDefinitions, selections: normalization(operation.selectionSet, root) },
    params: { cacheID: name, id: null, metadata: {}, name, operationKind: operation.operation, text },
  } as unknown as ConcreteRequest;
}

type Walk = (field: FieldNode, parent: GraphQLCompositeType) => Node[];

function walk(
  set: SelectionSetNode,
  parent: GraphQLCompositeType,
  onField: Walk,
  self: (s: SelectionSetNode, p: GraphQLCompositeType) => Node[],
): Node[] {
  return set.selections.flatMap((selection): Node[] => {
    if (selection.kind === Kind.FIELD) return onField(selection, parent);
    if (selection.kind === Kind.INLINE_FRAGMENT && selection.typeCondition) {
      const type = schema().getType(selection.typeCondition.name.value);
      if (!isObjectType(type))
        throw new Error(`relayRequest: inline fragments on object types only (${selection.typeCondition.name.value})`);
      return [{ kind: 'InlineFragment', type: type.name, abstractKey: null, selections: self(selection.selectionSet, type) }];
    }
    throw new Error('relayRequest: fields and typed inline fragments only');
  });
}

function fieldFacts(field: FieldNode, parent: GraphQLCompositeType) {
  const name = field.name.value;
  if (name === '__typename') return { name, alias: field.alias?.value ?? null, args: null, plural: false, named: undefined };
  if (isAbstractType(parent) || !('getFields' in parent)) throw new Error(`relayRequest: ${name} asked of an abstract type`);
  const definition = parent.getFields()[name];
  if (!definition) throw new Error(`relayRequest: ${parent.name} has no field ${name}`);
  const args = field.arguments?.length ? [...field.arguments].sort((a, b) => a.name.value.localeCompare(b.name.value)).map(argument) : null;
  return {
    name,
    alias: field.alias?.value ?? null,
    args,
    plural: isListType(getNullableType(definition.type)),
    named: getNamedType(definition.type) as GraphQLCompositeType,
  };
}

function argument(arg: ArgumentNode): Node {
  const name = arg.name.value;
  if (arg.value.kind === Kind.VARIABLE) return { kind: 'Variable', name, variableName: arg.value.name.value };
  return { kind: 'Literal', name, value: valueFromASTUntyped(arg.value) };
}

function connectionKey(field: FieldNode): string | undefined {
  const directive = field.directives?.find((d) => d.name.value === 'connection');
  const key = directive?.arguments?.find((a) => a.name.value === 'key')?.value;
  return key?.kind === Kind.STRING ? key.value : undefined;
}

function reader(set: SelectionSetNode, parent: GraphQLCompositeType): Node[] {
  return walk(
    set,
    parent,
    (field, type) => {
      const { name, alias, args, plural, named } = fieldFacts(field, type);
      if (!field.selectionSet || !named) return [{ kind: 'ScalarField', alias, name, args, storageKey: null }];
      const concreteType = isObjectType(named) ? named.name : null;
      const selections = reader(field.selectionSet, named);
      const key = connectionKey(field);
      // The reader reads the merged connection the handle keeps, under the field's own name.
      if (key)
        return [
          {
            kind: 'LinkedField',
            alias: alias ?? name,
            name: `__${key}_connection`,
            args: null,
            concreteType,
            plural,
            selections,
            storageKey: null,
          },
        ];
      return [{ kind: 'LinkedField', alias, name, args, concreteType, plural, selections, storageKey: null }];
    },
    reader,
  );
}

function normalization(set: SelectionSetNode, parent: GraphQLCompositeType): Node[] {
  return walk(
    set,
    parent,
    (field, type) => {
      const { name, alias, args, plural, named } = fieldFacts(field, type);
      if (!field.selectionSet || !named) return [{ kind: 'ScalarField', alias, name, args, storageKey: null }];
      const concreteType = isObjectType(named) ? named.name : null;
      const linked = {
        kind: 'LinkedField',
        alias,
        name,
        args,
        concreteType,
        plural,
        selections: normalization(field.selectionSet, named),
        storageKey: null,
      };
      const key = connectionKey(field);
      // No filters: one connection whatever the other arguments (enough for these tests).
      return key ? [linked, { kind: 'LinkedHandle', alias, name, args, handle: 'connection', key, filters: [] }] : [linked];
    },
    normalization,
  );
}

/** `__typename` in every selection of an abstract type, as relay-compiler adds it. */
function withTypenames<T extends Parameters<typeof visit>[0]>(document: T): T {
  const typename: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };
  const parents: (GraphQLCompositeType | undefined)[] = [];
  return visit(document, {
    OperationDefinition: {
      enter: (node) => void parents.push(schema().getRootType(node.operation) ?? undefined),
      leave: () => void parents.pop(),
    },
    Field: {
      enter(node) {
        const parent = parents.at(-1);
        const field = parent && 'getFields' in parent ? parent.getFields()[node.name.value] : undefined;
        parents.push(field ? (getNamedType(field.type) as GraphQLCompositeType) : undefined);
      },
      leave(node) {
        const type = parents.pop();
        if (!node.selectionSet || !type || !isAbstractType(type)) return undefined;
        if (node.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) return undefined;
        return { ...node, selectionSet: { ...node.selectionSet, selections: [typename, ...node.selectionSet.selections] } };
      },
    },
    InlineFragment: {
      enter: (node) =>
        void parents.push((node.typeCondition ? schema().getType(node.typeCondition.name.value) : parents.at(-1)) as GraphQLCompositeType),
      leave: () => void parents.pop(),
    },
  }) as T;
}

/** The text sent to the server: @connection is Relay's, not the schema's. */
function withoutConnectionDirectives<T extends Parameters<typeof visit>[0]>(document: T): T {
  return visit(document, { Directive: (node) => (node.name.value === 'connection' ? null : undefined) }) as T;
}
