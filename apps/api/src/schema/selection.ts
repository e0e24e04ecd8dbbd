import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * The names of every field selected anywhere below the resolved field (through fragments and inline fragments),
 * for a resolver that reads related rows in its own statement only when the operation asks for them. A name may
 * appear at another depth than the one meant: the answer can only be too wide, never too narrow.
 */
export function selectedFieldNames(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const seenFragments = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        names.add(selection.name.value);
        walk(selection.selectionSet);
      } else if (selection.kind === 'InlineFragment') {
        walk(selection.selectionSet);
      } else if (!seenFragments.has(selection.name.value)) {
        seenFragments.add(selection.name.value);
        walk(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return names;
}
