import { useQuery } from 'urql';
import { graphql } from './graphql.js';

const PlatformQuery = graphql(`
  query Platform {
    platform {
      demoData
    }
  }
`);

/** True when the API says its data is demo data (the footer then says so). */
export function useDemoData(): boolean {
  const [{ data }] = useQuery({ query: PlatformQuery });
  return data?.platform.demoData ?? false;
}
