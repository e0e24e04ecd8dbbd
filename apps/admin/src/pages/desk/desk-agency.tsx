import { useLocale } from '@chiso/ui';
import { NativeSelect } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { codeAndName } from '../../format.js';
import { graphql } from '../../graphql.js';
import { deskAgencies, isSystemAdmin, useSession } from '../../session.js';
import { useDeskT } from './desk-messages.js';

const AllAgenciesQuery = graphql(`
  query DeskAgencies {
    agencies(first: 100) {
      edges {
        node {
          id
          code
          name
          nameEn
        }
      }
    }
  }
`);

export interface DeskAgency {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

/**
 * The agencies whose desk the viewer may work at (an officer's grants; every agency for a system admin) and the
 * chosen one, kept in the address (`?agency=<global ID>`) so a link opens the same desk.
 */
export function useDeskAgency(): {
  options: DeskAgency[];
  agency: DeskAgency | null;
  setAgency: (id: string) => void;
  fetching: boolean;
} {
  const { viewer } = useSession();
  const admin = isSystemAdmin(viewer);
  const [{ data, fetching }] = useQuery({ query: AllAgenciesQuery, pause: !admin });
  const [search, setSearch] = useSearchParams();
  const own = deskAgencies(viewer);
  const options = own.length > 0 ? own : (data?.agencies?.edges.map((edge) => edge.node) ?? []);
  const wanted = search.get('agency');
  const agency = options.find((option) => option.id === wanted) ?? options[0] ?? null;
  return {
    options,
    agency,
    fetching,
    setAgency: (id) =>
      setSearch((previous) => {
        const next = new URLSearchParams(previous);
        next.set('agency', id);
        return next;
      }),
  };
}

export function DeskAgencySelect({ desk }: { desk: ReturnType<typeof useDeskAgency> }) {
  const t = useDeskT();
  const { locale } = useLocale();
  if (desk.options.length <= 1) return null;
  return (
    <NativeSelect
      label={t('desk.agency')}
      value={desk.agency?.id ?? ''}
      onChange={(event) => desk.setAgency(event.currentTarget.value)}
      data={desk.options.map((option) => ({ value: option.id, label: codeAndName(option, locale) }))}
      maw={420}
    />
  );
}
