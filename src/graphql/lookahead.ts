// What a query selects below a field, read from the resolver's info (through fragments and
// inline fragments; @skip and @include are not evaluated: a skipped field counts as selected,
// which can only read something early, never miss it). Lets a list read, with its page, what
// the page's fields will ask for anyway (flow-lists.ts).
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

type Selections = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/** The names of the fields selected at `path` below the resolver's field, e.g. ['edges', 'node']. */
export function selectedAt(info: Selections, path: readonly string[]): Set<string> {
  let sets = info.fieldNodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  for (const name of path) {
    sets = fieldsOf(sets, info).flatMap((field) => (field.name.value === name && field.selectionSet ? [field.selectionSet] : []));
  }
  return new Set(fieldsOf(sets, info).map((field) => field.name.value));
}

function fieldsOf(sets: readonly SelectionSetNode[], info: Selections): FieldNode[] {
  const fields: FieldNode[] = [];
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return fields;
}
