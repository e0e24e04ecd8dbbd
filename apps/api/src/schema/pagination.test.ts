import { createTestDatabase } from '@chiso/testing';
import { getNamedType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../test/graphql.js';
import { globalId, viewerFor } from '../test/viewers.js';
import { schema } from './index.js';
import { checkPageSize, MAX_PAGE_SIZE } from './pagination.js';

const { db } = await createTestDatabase({ demo: true });
const admin = await createTestApi(db, {
  viewer: await viewerFor(db, 'trang@paging.test', [{ role: 'system_admin', unitId: null, agencyId: null }]),
});
const agency = await db.selectFrom('agency').select(['id', 'code']).orderBy('id').executeTakeFirstOrThrow();
const agencyId = globalId('Agency', agency.id);

/**
 * How to reach each connection field with a page-size argument: `Query` fields directly (with their required
 * arguments), others through `node(id:)` on an object that has them. A new connection field fails the coverage test
 * until it has a line here, so the paging rule is checked on every one.
 */
const REACH: Record<string, (page: string) => { document: string; variables?: Record<string, unknown> }> = {
  'Query.agencies': (page) => ({ document: `{ agencies(${page}) { edges { cursor } } }` }),
  'Query.auditLog': (page) => ({ document: `{ auditLog(${page}) { edges { cursor } } }` }),
  'Query.dossierQueue': (page) => ({
    document: `query($a: ID!) { dossierQueue(agencyId: $a, ${page}) { edges { cursor } } }`,
    variables: { a: agencyId },
  }),
  'Query.feedbackInbox': (page) => ({
    document: `{ feedbackInbox(agencyCode: "${agency.code}", ${page}) { edges { cursor } } }`,
  }),
  'Query.procedures': (page) => ({ document: `{ procedures(${page}) { edges { cursor } } }` }),
  'Query.publishedFeedback': (page) => ({ document: `{ publishedFeedback(${page}) { edges { cursor } } }` }),
  'Agency.procedures': (page) => ({
    document: `query($id: ID!) { node(id: $id) { ... on Agency { procedures(${page}) { edges { cursor } } } } }`,
    variables: { id: agencyId },
  }),
};

/** Every `Type.field` of the schema whose type is a `…Connection`. */
function connectionFields(): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (getNamedType(field.type).name.endsWith('Connection')) found.push(`${type.name}.${field.name}`);
    }
  }
  return found.sort();
}

describe('the paging rule', () => {
  it('knows how to reach every connection field of the schema', () => {
    expect(connectionFields()).toEqual(Object.keys(REACH).sort());
  });

  for (const name of connectionFields()) {
    const reach = REACH[name];
    it.skipIf(!reach)(
      `${name} refuses first/last above ${MAX_PAGE_SIZE} and serves ${MAX_PAGE_SIZE}`,
      async () => {
        for (const argument of ['first', 'last']) {
          const { document, variables } = reach!(`${argument}: ${MAX_PAGE_SIZE + 1}`);
          const refused = await admin.query(document, variables);
          expect(refused.errors, `${name}(${argument})`).toHaveLength(1);
          expect(refused.errors![0]!.extensions).toMatchObject({
            code: 'BAD_USER_INPUT',
            fieldErrors: [
              {
                path: [argument],
                message: `\`${argument}\` phải từ 0 đến ${MAX_PAGE_SIZE}: mỗi trang có tối đa ${MAX_PAGE_SIZE} mục.`,
                messageEn: `\`${argument}\` must be 0 to ${MAX_PAGE_SIZE}: a page holds at most ${MAX_PAGE_SIZE} items.`,
              },
            ],
          });
        }
        const full = reach!(`first: ${MAX_PAGE_SIZE}`);
        const served = await admin.query(full.document, full.variables);
        expect(served.errors, name).toBeUndefined();
      },
    );
  }

  it('refuses a negative size and names each bad argument', () => {
    expect(() => checkPageSize({ first: 10, last: MAX_PAGE_SIZE })).not.toThrow();
    try {
      checkPageSize({ first: -1, last: MAX_PAGE_SIZE + 1 });
      expect.unreachable();
    } catch (error) {
      expect((error as { fieldErrors: { path: string[] }[] }).fieldErrors.map((e) => e.path)).toEqual([
        ['first'],
        ['last'],
      ]);
    }
  });
});
