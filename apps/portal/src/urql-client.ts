import { Client, cacheExchange, fetchExchange } from 'urql';

/** The API is on the same origin: served together in production, proxied by Vite in development. */
export const urqlClient = new Client({
  url: '/graphql',
  // POST: the API's CSRF prevention refuses simple GET requests (urql sends queries as GET by default).
  preferGetMethod: false,
  exchanges: [cacheExchange, fetchExchange],
  requestPolicy: 'cache-first',
});
