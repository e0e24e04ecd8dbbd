/**
 * The persisted-query allow-list (production mode `CHISO_PERSISTED_QUERIES=allowlist`): anonymous browser
 * traffic may only run the documents the portal and admin apps were built with. The list is an Apollo
 * persisted-query manifest written by `pnpm persisted:generate` (tooling/persisted-queries).
 *
 * Decision: the list binds anonymous requests only. API keys (third parties need ad-hoc queries) and signed-in
 * staff may send any document; graphql-armor's depth, alias and cost limits and the transport rate limits still
 * apply to them, and every field keeps its own authorization.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type DocumentNode, Kind, parse, print, visit } from 'graphql';

export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: { id: string; name: string; type: 'query' | 'mutation' | 'subscription'; body: string }[];
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * A document in a canonical form, so that clients may differ in whitespace, comments, the order of fragment
 * definitions or added `__typename` selections (urql's cache adds them) and still match: parsed, plain
 * `__typename` fields dropped, operations first then fragments by name, printed.
 */
export function canonicalDocument(document: DocumentNode): string {
  const stripped = visit(document, {
    Field: (node) => (node.name.value === '__typename' && !node.alias ? null : undefined),
  });
  const operations = stripped.definitions.filter((d) => d.kind !== Kind.FRAGMENT_DEFINITION);
  const fragments = stripped.definitions
    .filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
    .sort((a, b) => (a.name.value < b.name.value ? -1 : a.name.value > b.name.value ? 1 : 0));
  return print({ ...stripped, definitions: [...operations, ...fragments] });
}

/** The SHA-256 of the canonical form; null when the text does not parse (Apollo will answer the syntax error). */
export function canonicalHash(query: string): string | null {
  try {
    return sha256Hex(canonicalDocument(parse(query, { noLocation: true })));
  } catch {
    return null;
  }
}

/** Verdicts on document texts an allow-list remembers (see `PersistedQueryAllowList#verdicts`). */
export const VERDICTS = 1_000;

export class PersistedQueryAllowList {
  /** Hash of a body as written in the manifest → body (the `sha256Hash` of APQ-style requests). */
  readonly #bodies = new Map<string, string>();
  /** Hashes of the canonical forms of the listed documents. */
  readonly #canonical = new Set<string>();
  /**
   * SHA-256 of a document text already judged → whether it is listed: the canonical form costs a parse and a
   * print (hundreds of microseconds), and the apps send the same few texts again and again (urql adds
   * `__typename`, so their texts differ from the manifest's). The list never changes while the process runs,
   * so a verdict stays true; at most `VERDICTS` are kept (the oldest go first), so strangers' texts cannot grow it.
   */
  readonly #verdicts = new Map<string, boolean>();

  constructor(manifest: PersistedQueryManifest) {
    if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1) {
      throw new Error('The persisted-query file is not an apollo-persisted-query-manifest, version 1');
    }
    for (const operation of manifest.operations) {
      const id = sha256Hex(operation.body);
      if (id !== operation.id)
        throw new Error(`Persisted query ${operation.name}: id is not the body's SHA-256`);
      this.#bodies.set(id, operation.body);
      const canonical = canonicalHash(operation.body);
      if (!canonical) throw new Error(`Persisted query ${operation.name} does not parse`);
      this.#canonical.add(canonical);
    }
  }

  static fromFile(path: string): PersistedQueryAllowList {
    return new PersistedQueryAllowList(JSON.parse(readFileSync(path, 'utf8')) as PersistedQueryManifest);
  }

  get size(): number {
    return this.#bodies.size;
  }

  /** The listed body with this SHA-256 (hex), if any. */
  bodyOf(hash: string): string | undefined {
    return this.#bodies.get(hash.toLowerCase());
  }

  /** True when `query` is a listed document: the same text, or the same canonical form. */
  allowsDocument(query: string): boolean {
    const hash = sha256Hex(query);
    if (this.#bodies.has(hash)) return true;
    const known = this.#verdicts.get(hash);
    if (known !== undefined) return known;
    const canonical = canonicalHash(query);
    const allowed = canonical !== null && this.#canonical.has(canonical);
    if (this.#verdicts.size >= VERDICTS) this.#verdicts.delete(this.#verdicts.keys().next().value!);
    this.#verdicts.set(hash, allowed);
    return allowed;
  }

  /** How many document texts have their verdict remembered (at most `VERDICTS`). */
  get rememberedVerdicts(): number {
    return this.#verdicts.size;
  }

  /**
   * True when one GraphQL-over-HTTP request (the parsed POST body or the GET parameters) names only listed
   * documents: by text (`query`), or, APQ-style, by `extensions.persistedQuery.sha256Hash` alone. A batch is
   * allowed when each of its operations is.
   */
  allowsRequest(request: unknown): boolean {
    if (Array.isArray(request)) return request.length > 0 && request.every((r) => this.allowsRequest(r));
    if (!request || typeof request !== 'object') return false;
    const { query, extensions } = request as { query?: unknown; extensions?: unknown };
    if (typeof query === 'string' && query.length > 0) return this.allowsDocument(query);
    const hash = persistedQueryHash(extensions);
    return hash !== null && this.#bodies.has(hash.toLowerCase());
  }

  /**
   * A store for Apollo's automatic persisted queries (`persistedQueries.cache`) that already knows the listed
   * documents, so an APQ-style request carrying only a listed hash runs without a first round trip; other
   * documents (registered by API keys and staff) are kept in a bounded map.
   */
  apolloCache(maxEntries = 1_000) {
    const registered = new Map<string, string>();
    const bodies = this.#bodies;
    return {
      async get(key: string): Promise<string | undefined> {
        return bodies.get(key.replace(/^apq:/, '')) ?? registered.get(key);
      },
      async set(key: string, value: string): Promise<void> {
        if (registered.size >= maxEntries) registered.delete(registered.keys().next().value!);
        registered.set(key, value);
      },
      async delete(key: string): Promise<boolean | undefined> {
        return registered.delete(key);
      },
    };
  }
}

/** `extensions.persistedQuery.sha256Hash` of a request (GET sends `extensions` as JSON text). */
function persistedQueryHash(extensions: unknown): string | null {
  let value = extensions;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const hash = (value as { persistedQuery?: { sha256Hash?: unknown } } | null)?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' && /^[0-9a-fA-F]{64}$/.test(hash) ? hash : null;
}
