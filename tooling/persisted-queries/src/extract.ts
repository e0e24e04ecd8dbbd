/**
 * Finds the GraphQL documents an app sends: every `graphql(`…`, [Fragment, …])` call (gql.tada) in its
 * TypeScript sources, with the fragments it names resolved by identifier across the app, and turns the
 * operations into an Apollo persisted-query manifest (id = SHA-256 of the body, the format Apollo's tooling
 * reads). The API's allow-list mode (apps/api/src/persisted-queries.ts) compares documents in a canonical form,
 * so the client's exact whitespace or added `__typename` selections do not matter.
 */
import { createHash } from 'node:crypto';
import { type DefinitionNode, Kind, parse, print } from 'graphql';
import ts from 'typescript';

export interface SourceFile {
  path: string;
  text: string;
}

export interface FoundDocument {
  /** The variable it is assigned to (fragments are referenced by it), when there is one. */
  name: string | null;
  text: string;
  /** Identifiers of the fragments passed as the second argument. */
  fragments: string[];
  path: string;
}

export interface ManifestOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: ManifestOperation[];
}

/** The `graphql(…)` calls of one file whose first argument is a literal without substitutions. */
export function findDocuments(file: SourceFile): FoundDocument[] {
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: FoundDocument[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'graphql' &&
      node.arguments[0] &&
      (ts.isNoSubstitutionTemplateLiteral(node.arguments[0]) || ts.isStringLiteral(node.arguments[0]))
    ) {
      const list = node.arguments[1];
      const fragments =
        list && ts.isArrayLiteralExpression(list)
          ? list.elements.filter(ts.isIdentifier).map((element) => element.text)
          : [];
      const name =
        ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)
          ? node.parent.name.text
          : null;
      found.push({ name, text: node.arguments[0].text, fragments, path: file.path });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The manifest of the operations in `files` (one app or several), sorted by name. Each body is the operation
 * followed by every fragment it needs, transitively, printed by graphql-js.
 */
export function buildManifest(files: readonly SourceFile[]): PersistedQueryManifest {
  const documents = files.flatMap(findDocuments);
  const byName = new Map<string, FoundDocument[]>();
  for (const document of documents) {
    if (document.name) byName.set(document.name, [...(byName.get(document.name) ?? []), document]);
  }
  const resolve = (from: FoundDocument, name: string): FoundDocument => {
    const candidates = byName.get(name) ?? [];
    const sameFile = candidates.filter((c) => c.path === from.path);
    const pick = sameFile.length === 1 ? sameFile[0] : candidates.length === 1 ? candidates[0] : undefined;
    if (!pick)
      throw new Error(`${from.path}: cannot resolve the fragment ${name} (found ${candidates.length})`);
    return pick;
  };

  const operations = new Map<string, ManifestOperation>();
  for (const document of documents) {
    const definitions = new Map<string, DefinitionNode>();
    const operationsOf: DefinitionNode[] = [];
    const seen = new Set<FoundDocument>();
    const collect = (doc: FoundDocument) => {
      if (seen.has(doc)) return;
      seen.add(doc);
      for (const definition of parse(doc.text, { noLocation: true }).definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) definitions.set(definition.name.value, definition);
        else if (doc === document) operationsOf.push(definition);
      }
      for (const fragment of doc.fragments) collect(resolve(doc, fragment));
    };
    collect(document);
    for (const operation of operationsOf) {
      if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
      if (!operation.name) throw new Error(`${document.path}: every operation needs a name`);
      const body = print({ kind: Kind.DOCUMENT, definitions: [operation, ...definitions.values()] });
      const entry: ManifestOperation = {
        id: sha256Hex(body),
        name: operation.name.value,
        type: operation.operation,
        body,
      };
      const clash = operations.get(entry.id);
      if (!clash) operations.set(entry.id, entry);
    }
  }
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [...operations.values()].sort(
      (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    ),
  };
}
