import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, fetchExchange } from 'urql';

/**
 * urql with Graphcache: a normalized cache, so an object edited by one screen is up to date on every other.
 * Types without an `id` name their key here (or `null` when they are only ever embedded in a parent).
 */
export const urqlClient = new Client({
  url: '/graphql',
  // POST: the API's CSRF prevention refuses simple GET requests (urql sends queries as GET by default).
  preferGetMethod: false,
  // The session cookie (accounts module) rides along on same-origin requests.
  fetchOptions: { credentials: 'same-origin' },
  exchanges: [
    cacheExchange({
      keys: {
        AdministrativeLevel: (level) => (level.code as string | undefined) ?? null,
        Region: (region) => (region.code as string | undefined) ?? null,
        UnitSuccession: () => null,
        Platform: () => null,
        FieldError: () => null,
        NotFoundError: () => null,
        ValidationError: () => null,
        ForbiddenError: () => null,
      },
    }),
    fetchExchange,
  ],
});
