import { useLocale } from '@chiso/ui';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { transportErrorText } from '../../api-errors.js';
import { formatDateTime, localName } from '../../format.js';
import { graphql, type VariablesOf } from '../../graphql.js';
import { dossierPath, paths } from '../../paths.js';
import { DeskAgencySelect, useDeskAgency } from './desk-agency.js';
import { useDeskT } from './desk-messages.js';
import { DossierFields, isOverdue } from './dossier-rules.js';

const QueueQuery = graphql(
  `
  query DossierQueue($agencyId: ID!, $states: [DossierState!], $overdueOnly: Boolean, $first: Int, $after: String) {
    dossierQueue(agencyId: $agencyId, states: $states, overdueOnly: $overdueOnly, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...DossierFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`,
  [DossierFields],
);

type State = NonNullable<VariablesOf<typeof QueueQuery>['states']>[number];
const STATES: State[] = [
  'RECEIVED',
  'PROCESSING',
  'SUPPLEMENT_REQUESTED',
  'AWAITING_PAYMENT',
  'RESULT_READY',
  'RETURNED',
  'REFUSED',
  'WITHDRAWN',
  'STOPPED',
  'REGISTERED_ONLINE',
];
const PAGE_SIZE = 50;

/** The queue of an agency's dossiers, soonest due first, overdue ones marked. */
export default function DeskQueuePage() {
  const t = useDeskT();
  const { locale } = useLocale();
  const desk = useDeskAgency();
  const [search, setSearch] = useSearchParams();
  const stateParam = search.get('state');
  const state = (STATES as string[]).includes(stateParam ?? '') ? (stateParam as State) : null;
  const overdueOnly = search.get('overdue') === '1';
  const [after, setAfter] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({
    query: QueueQuery,
    variables: {
      agencyId: desk.agency?.id ?? '',
      states: state ? [state] : null,
      overdueOnly,
      first: PAGE_SIZE,
      after,
    },
    pause: !desk.agency,
    requestPolicy: 'cache-and-network',
  });
  const edges = data?.dossierQueue?.edges ?? [];
  const now = new Date();

  function setFilter(key: string, value: string | null) {
    setAfter(null);
    setSearch((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('desk.heading')}</Title>
        <Group>
          <Button component={Link} variant="default" to={`${paths.paper}?${search.toString()}`}>
            {t('paper.open')}
          </Button>
          <Button component={Link} to={`${paths.receive}?${search.toString()}`}>
            {t('desk.receive')}
          </Button>
        </Group>
      </Group>
      {!desk.agency && !desk.fetching ? <Alert color="yellow">{t('desk.noAgency')}</Alert> : null}
      <Group align="flex-end">
        <DeskAgencySelect desk={desk} />
        <NativeSelect
          label={t('desk.states')}
          value={state ?? ''}
          onChange={(event) => setFilter('state', event.currentTarget.value || null)}
          data={[
            { value: '', label: t('desk.statesOpen') },
            ...STATES.map((value) => ({ value, label: t(`state.${value}`) })),
          ]}
        />
        <Checkbox
          label={t('desk.overdueOnly')}
          checked={overdueOnly}
          onChange={(event) => setFilter('overdue', event.currentTarget.checked ? '1' : null)}
          mb={8}
        />
        {fetching ? <Loader size="sm" aria-hidden /> : null}
      </Group>
      {error ? (
        <Alert color="red" role="alert">
          {transportErrorText(error, locale)}
        </Alert>
      ) : null}
      <Text fw={600} data-testid="queue-count">
        {data ? (edges.length ? t('desk.count', { count: edges.length }) : t('desk.empty')) : ''}
      </Text>
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder highlightOnHover data-testid="dossier-queue">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('desk.col.receipt')}</Table.Th>
              <Table.Th scope="col">{t('desk.col.procedure')}</Table.Th>
              <Table.Th scope="col">{t('desk.col.channel')}</Table.Th>
              <Table.Th scope="col">{t('desk.col.state')}</Table.Th>
              <Table.Th scope="col">{t('desk.col.received')}</Table.Th>
              <Table.Th scope="col">{t('desk.col.due')}</Table.Th>
              <Table.Th scope="col">{t('desk.col.flags')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {edges.map(({ node }) => {
              const overdue = isOverdue(node, now) || node.lateWithoutApology;
              return (
                <Table.Tr
                  key={node.id}
                  data-overdue={overdue ? 'true' : undefined}
                  bg={overdue ? 'red.0' : undefined}
                >
                  <Table.Td ff="monospace">
                    <Anchor component={Link} to={dossierPath(node.id)}>
                      {node.receiptCode}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{localName(node.procedure, locale)}</Text>
                    {node.case ? (
                      <Text size="xs" c="dimmed">
                        {localName(node.case, locale)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{t(`channel.${node.channel}`)}</Table.Td>
                  <Table.Td>{t(`state.${node.state}`)}</Table.Td>
                  <Table.Td>{formatDateTime(node.receivedAt, locale)}</Table.Td>
                  <Table.Td fw={overdue ? 700 : undefined}>{formatDateTime(node.dueAt, locale)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {overdue ? (
                        <Badge color="red" variant="filled">
                          {t('desk.overdue')}
                        </Badge>
                      ) : null}
                      {node.needsApology ? (
                        <Badge color="orange" variant="light" c="orange.9">
                          {t('desk.needsApology')}
                        </Badge>
                      ) : null}
                      {node.clockStopped ? (
                        <Badge color="gray" variant="light" c="dark.6">
                          {t('desk.clockStopped')}
                        </Badge>
                      ) : null}
                      {node.apology ? (
                        <Badge color="blue" variant="light">
                          {t('desk.apologized')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        {after ? (
          <Button variant="default" onClick={() => setAfter(null)}>
            {t('desk.first')}
          </Button>
        ) : null}
        {data?.dossierQueue?.pageInfo.hasNextPage ? (
          <Button variant="default" onClick={() => setAfter(data.dossierQueue?.pageInfo.endCursor ?? null)}>
            {t('desk.more')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
