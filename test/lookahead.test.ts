// What a query selects below a field (src/graphql/lookahead.ts): through fragments and inline
// fragments, at a path, and nothing where the path is not selected.
import { parse, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedAt } from '../src/graphql/lookahead.js';

function infoOf(document: string) {
  const definitions = parse(document).definitions;
  const operation = definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(
    definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selectedAt', () => {
  it('names the fields at a path, through fragments and inline fragments', () => {
    const info = infoOf(`
      { myFlows { totalCount edges { cursor node { id ...Deep ... on Flow { actions { name } } } } } }
      fragment Deep on Flow { owners { totalCount } ...More }
      fragment More on Flow { viewerAccess { level } }`);
    expect([...selectedAt(info, ['edges', 'node'])].sort()).toEqual(['actions', 'id', 'owners', 'viewerAccess']);
    expect([...selectedAt(info, ['edges'])].sort()).toEqual(['cursor', 'node']);
    expect([...selectedAt(info, [])].sort()).toEqual(['edges', 'totalCount']);
  });

  it('is empty where the path is not selected, and survives a fragment spread twice', () => {
    const info = infoOf(`{ myFlows { totalCount ...A ...A } } fragment A on FlowConnection { pageInfo { hasNextPage } }`);
    expect(selectedAt(info, ['edges', 'node']).size).toBe(0);
    expect([...selectedAt(info, [])].sort()).toEqual(['pageInfo', 'totalCount']);
  });
});
