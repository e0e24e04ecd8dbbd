import { useLocale } from '@chiso/ui';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { transportErrorText } from '../../api-errors.js';
import { graphql, type VariablesOf } from '../../graphql.js';
import { paths, procedurePath } from '../../paths.js';
import { useCatalogT } from './catalog-messages.js';

const ProceduresQuery = graphql(`
  query CatalogProcedures($search: String, $level: ProcedureLevel, $onlineLevel: OnlineLevel) {
    procedures(search: $search, level: $level, onlineLevel: $onlineLevel, first: 100) {
      totalCount
      edges {
        node {
          id
          code
          name
          nameEn
          level
          onlineLevel
          field { code name nameEn }
        }
      }
    }
  }
`);

type Level = NonNullable<VariablesOf<typeof ProceduresQuery>['level']>;
type OnlineLevel = NonNullable<VariablesOf<typeof ProceduresQuery>['onlineLevel']>;
const LEVELS: Level[] = ['CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE'];
const ONLINE_LEVELS: OnlineLevel[] = ['FULL', 'PARTIAL', 'NONE'];

/** The procedure catalog: diacritic-insensitive search and filters, with a way to import a file. */
export default function CatalogPage() {
  const t = useCatalogT();
  const { locale } = useLocale();
  const [search, setSearch] = useSearchParams();
  const text = search.get('q') ?? '';
  const [debounced] = useDebouncedValue(text, 250);
  const level = (LEVELS as string[]).includes(search.get('level') ?? '')
    ? (search.get('level') as Level)
    : null;
  const onlineLevel = (ONLINE_LEVELS as string[]).includes(search.get('online') ?? '')
    ? (search.get('online') as OnlineLevel)
    : null;
  const [{ data, fetching, error }] = useQuery({
    query: ProceduresQuery,
    variables: { search: debounced.trim() || null, level, onlineLevel },
  });
  const edges = data?.procedures?.edges ?? [];

  function setParam(key: string, value: string | null) {
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('catalog.heading')}</Title>
        <Button component={Link} to={paths.catalogImport}>
          {t('catalog.import')}
        </Button>
      </Group>
      <Group align="flex-end">
        <TextInput
          type="search"
          label={t('catalog.search')}
          value={text}
          onChange={(event) => setParam('q', event.currentTarget.value || null)}
          w={360}
        />
        <NativeSelect
          label={t('catalog.level')}
          value={level ?? ''}
          onChange={(event) => setParam('level', event.currentTarget.value || null)}
          data={[
            { value: '', label: t('catalog.all') },
            ...LEVELS.map((v) => ({ value: v, label: t(`level.${v}`) })),
          ]}
        />
        <NativeSelect
          label={t('catalog.onlineLevel')}
          value={onlineLevel ?? ''}
          onChange={(event) => setParam('online', event.currentTarget.value || null)}
          data={[
            { value: '', label: t('catalog.all') },
            ...ONLINE_LEVELS.map((v) => ({ value: v, label: t(`online.${v}`) })),
          ]}
        />
        {fetching ? <Loader size="sm" aria-hidden /> : null}
      </Group>
      {error ? (
        <Alert color="red" role="alert">
          {transportErrorText(error, locale)}
        </Alert>
      ) : null}
      <Text fw={600} data-testid="procedure-count">
        {data ? t('catalog.count', { count: data.procedures?.totalCount ?? 0 }) : ''}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder data-testid="procedure-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('catalog.col.code')}</Table.Th>
              <Table.Th scope="col">{t('catalog.col.name')}</Table.Th>
              <Table.Th scope="col">{t('catalog.col.field')}</Table.Th>
              <Table.Th scope="col">{t('catalog.col.level')}</Table.Th>
              <Table.Th scope="col">{t('catalog.col.online')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {edges.map(({ node }) => (
              <Table.Tr key={node.id}>
                <Table.Td ff="monospace">
                  <Anchor component={Link} to={procedurePath(node.code)}>
                    {node.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>{locale === 'vi' ? node.name : (node.nameEn ?? node.name)}</Table.Td>
                <Table.Td>{locale === 'vi' ? node.field.name : node.field.nameEn}</Table.Td>
                <Table.Td>{t(`level.${node.level}`)}</Table.Td>
                <Table.Td>{t(`online.${node.onlineLevel}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
