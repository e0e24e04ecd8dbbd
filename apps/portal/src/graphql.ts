import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

/**
 * `graphql()` for this app: documents are typed from `apps/api/schema.graphql` through the generated
 * `graphql-env.d.ts` (`pnpm --filter @chiso/portal graphql:types` rewrites it; build and typecheck do too).
 */
export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { Date: string; DateTime: string; ID: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';
export { readFragment } from 'gql.tada';
