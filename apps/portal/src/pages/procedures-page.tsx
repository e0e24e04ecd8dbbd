import { useLocale, useLocalized } from '@chiso/ui';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { paths } from '../app-paths.js';
import { graphql, type ResultOf } from '../graphql.js';
import { useT } from '../messages.js';
import {
  isOnlineLevel,
  isProcedureLevel,
  levelLabel,
  ONLINE_LEVELS,
  onlineLabel,
  PROCEDURE_LEVELS,
} from './procedure-labels.js';

const PAGE_SIZE = 20;

const ProceduresQuery = graphql(`
  query Procedures(
    $search: String
    $field: String
    $agency: String
    $level: ProcedureLevel
    $onlineLevel: OnlineLevel
    $first: Int
    $after: String
  ) {
    procedures(
      search: $search
      field: $field
      agency: $agency
      level: $level
      onlineLevel: $onlineLevel
      first: $first
      after: $after
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          code
          name
          nameEn
          level
          onlineLevel
          field {
            code
            name
            nameEn
          }
          agencies {
            agency {
              code
              name
              nameEn
            }
          }
        }
      }
    }
  }
`);

const AgencyOptionsQuery = graphql(`
  query AgencyOptions {
    agencies(first: 100) {
      edges {
        node {
          code
          name
          nameEn
        }
      }
    }
  }
`);

const FieldOptionsQuery = graphql(`
  query FieldOptions($agency: String) {
    procedureFields(agency: $agency) {
      code
      name
      nameEn
    }
  }
`);

type ProcedureNode = NonNullable<ResultOf<typeof ProceduresQuery>['procedures']>['edges'][number]['node'];

interface Filters {
  search: string;
  field: string | null;
  agency: string | null;
  level: ReturnType<typeof levelOrNull>;
  onlineLevel: ReturnType<typeof onlineOrNull>;
}

const levelOrNull = (value: string | null) => (isProcedureLevel(value) ? value : null);
const onlineOrNull = (value: string | null) => (isOnlineLevel(value) ? value : null);

function ProcedureCard({ procedure }: { procedure: ProcedureNode }) {
  const t = useT();
  const { locale } = useLocale();
  const localized = useLocalized();
  const name = locale === 'en' && procedure.nameEn ? procedure.nameEn : procedure.name;
  return (
    <Card withBorder padding="md" radius="md" component="li" data-testid="procedure-result">
      <Stack gap={6}>
        <Anchor
          component={Link}
          to={paths.procedure(procedure.code)}
          fw={600}
          lang={name === procedure.name ? 'vi' : undefined}
        >
          {name}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('procedures.codeAndField', {
            code: procedure.code,
            field: localized({ vi: procedure.field.name, en: procedure.field.nameEn }),
          })}
        </Text>
        {procedure.agencies.length > 0 ? (
          <Text size="sm">
            {procedure.agencies.map((a) => localized({ vi: a.agency.name, en: a.agency.nameEn })).join('; ')}
          </Text>
        ) : null}
        <Group gap="xs">
          <Badge variant="light" color="gray" c="dark.7">
            {levelLabel(t, procedure.level)}
          </Badge>
          <Badge variant="light" color={procedure.onlineLevel === 'FULL' ? 'green' : 'gray'} c="dark.7">
            {onlineLabel(t, procedure.onlineLevel)}
          </Badge>
        </Group>
      </Stack>
    </Card>
  );
}

/** One page of results; the next page starts at `after`. Reports what it learnt to the list above it. */
function ResultsPage({
  filters,
  after,
  isLast,
  onLoadMore,
}: {
  filters: Filters;
  after: string | null;
  isLast: boolean;
  onLoadMore: (cursor: string) => void;
}) {
  const t = useT();
  const [{ data, fetching, error }] = useQuery({
    query: ProceduresQuery,
    variables: {
      search: filters.search || null,
      field: filters.field,
      agency: filters.agency,
      level: filters.level,
      onlineLevel: filters.onlineLevel,
      first: PAGE_SIZE,
      after,
    },
  });
  const connection = data?.procedures;

  return (
    <>
      {after === null ? (
        <Text role="status" aria-live="polite" fw={600} data-testid="procedure-count">
          {error
            ? ''
            : connection
              ? connection.edges.length === 0
                ? t('procedures.none')
                : t('procedures.count', { count: connection.totalCount ?? connection.edges.length })
              : t('procedures.searching')}
        </Text>
      ) : null}
      {error ? (
        <Alert color="red" role="alert">
          {t('common.loadError')}
        </Alert>
      ) : null}
      {connection && connection.edges.length > 0 ? (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
          {connection.edges.map((edge) => (
            <ProcedureCard key={edge.node.id} procedure={edge.node} />
          ))}
        </Stack>
      ) : null}
      {fetching && !connection ? <Loader aria-hidden size="sm" /> : null}
      {isLast && connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
        <Button variant="light" onClick={() => onLoadMore(connection.pageInfo.endCursor as string)}>
          {t('procedures.loadMore')}
        </Button>
      ) : null}
    </>
  );
}

/** Find a procedure: instant results as one types, filters, and "load more" along the cursor. */
export default function ProceduresPage() {
  const t = useT();
  const localized = useLocalized();
  const [params, setParams] = useSearchParams();
  const [input, setInput] = useState(params.get('q') ?? '');
  const [search] = useDebouncedValue(input.trim(), 250);
  const field = params.get('linh-vuc');
  const agency = params.get('co-quan');
  const level = levelOrNull(params.get('cap'));
  const onlineLevel = onlineOrNull(params.get('truc-tuyen'));
  const filters = useMemo<Filters>(
    () => ({ search, field, agency, level, onlineLevel }),
    [search, field, agency, level, onlineLevel],
  );
  const filterKey = JSON.stringify(filters);
  const [pages, setPages] = useState<{ key: string; cursors: (string | null)[] }>({
    key: filterKey,
    cursors: [null],
  });
  const cursors = pages.key === filterKey ? pages.cursors : [null];
  const [{ data: agencyData }] = useQuery({ query: AgencyOptionsQuery });
  // The fields of the chosen agency (all fields without one), so every choice leads to some procedure.
  const [{ data: fieldData }] = useQuery({ query: FieldOptionsQuery, variables: { agency } });
  // On a phone the filters fold away behind one button, so results start on the first screen.
  const phone = useMediaQuery('(max-width: 48em)', true, { getInitialValueInEffect: false });
  const activeFilters = [field, agency, level, onlineLevel].filter(Boolean).length;
  const [filtersOpen, setFiltersOpen] = useState(activeFilters > 0);

  // The search box writes `q` into the address, so a result list can be shared and comes back on "back".
  useEffect(() => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (search) next.set('q', search);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [search, setParams]);

  useEffect(() => {
    document.title = `${t('procedures.heading')} — ${t('app.title')}`;
  }, [t]);

  function setFilter(name: string, value: string) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  const agencyOptions = (agencyData?.agencies?.edges ?? []).map((edge) => ({
    value: edge.node.code,
    label: localized({ vi: edge.node.name, en: edge.node.nameEn }),
  }));
  const fieldOptions = (fieldData?.procedureFields ?? [])
    .map((f) => ({ value: f.code, label: localized({ vi: f.name, en: f.nameEn }) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'vi'));
  // A field chosen before its list has loaded (a shared link) still shows as chosen.
  if (field && !fieldOptions.some((o) => o.value === field))
    fieldOptions.unshift({ value: field, label: field });

  return (
    <Stack gap="lg">
      <Title order={2}>{t('procedures.heading')}</Title>
      <search>
        <Stack gap="sm">
          <TextInput
            label={t('home.searchLabel')}
            description={t('procedures.searchHint')}
            placeholder={t('home.searchPlaceholder')}
            value={input}
            onChange={(event) => setInput(event.currentTarget.value)}
            type="search"
            size="md"
            autoComplete="off"
          />
          {phone ? (
            <Button
              variant="default"
              onClick={() => setFiltersOpen((open) => !open)}
              aria-expanded={filtersOpen}
              aria-controls="procedure-filters"
              w="fit-content"
            >
              {activeFilters > 0
                ? t('procedures.filtersActive', { count: activeFilters })
                : t('procedures.filters')}
            </Button>
          ) : null}
          <Collapse expanded={!phone || filtersOpen} id="procedure-filters">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('procedures.filterField')}
                value={field ?? ''}
                onChange={(event) => setFilter('linh-vuc', event.currentTarget.value)}
                data={[{ value: '', label: t('procedures.all') }, ...fieldOptions]}
              />
              <NativeSelect
                label={t('procedures.filterAgency')}
                value={agency ?? ''}
                onChange={(event) => setFilter('co-quan', event.currentTarget.value)}
                data={[{ value: '', label: t('procedures.all') }, ...agencyOptions]}
              />
              <NativeSelect
                label={t('procedures.filterLevel')}
                value={level ?? ''}
                onChange={(event) => setFilter('cap', event.currentTarget.value)}
                data={[
                  { value: '', label: t('procedures.all') },
                  ...PROCEDURE_LEVELS.map((l) => ({ value: l, label: levelLabel(t, l) })),
                ]}
              />
              <NativeSelect
                label={t('procedures.filterOnline')}
                value={onlineLevel ?? ''}
                onChange={(event) => setFilter('truc-tuyen', event.currentTarget.value)}
                data={[
                  { value: '', label: t('procedures.all') },
                  ...ONLINE_LEVELS.map((l) => ({ value: l, label: onlineLabel(t, l) })),
                ]}
              />
            </SimpleGrid>
          </Collapse>
        </Stack>
      </search>
      <Stack gap="sm" data-testid="procedure-results">
        {cursors.map((after, index) => (
          <ResultsPage
            key={`${filterKey}|${after ?? ''}`}
            filters={filters}
            after={after}
            isLast={index === cursors.length - 1}
            onLoadMore={(cursor) => setPages({ key: filterKey, cursors: [...cursors, cursor] })}
          />
        ))}
      </Stack>
    </Stack>
  );
}
