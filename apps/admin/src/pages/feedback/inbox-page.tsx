import { useLocale } from '@chiso/ui';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { transportErrorText } from '../../api-errors.js';
import { codeAndName, formatDateTime } from '../../format.js';
import { graphql } from '../../graphql.js';
import { feedbackPath } from '../../paths.js';
import { deskAgencies, useSession } from '../../session.js';
import { useFeedbackT } from './feedback-messages.js';

const InboxQuery = graphql(`
  query FeedbackInbox(
    $agencyCode: String
    $unitId: ID
    $status: [FeedbackStatus!]
    $overdueOnly: Boolean
    $first: Int
  ) {
    feedbackInbox(agencyCode: $agencyCode, unitId: $unitId, status: $status, overdueOnly: $overdueOnly, first: $first) {
      edges {
        node {
          id
          code
          title
          status
          category
          receivedAt
          dueAt
          overdue
          agency { id code name nameEn }
        }
      }
      pageInfo { hasNextPage }
    }
  }
`);

const ProvincesQuery = graphql(`
  query FeedbackProvinces {
    units(level: PROVINCE) { id code name nameEn }
  }
`);

const OPEN = ['RECEIVED', 'CLASSIFIED', 'TRANSFERRED'] as const;
const STATUSES = [
  'RECEIVED',
  'CLASSIFIED',
  'TRANSFERRED',
  'ANSWERED',
  'PUBLISHED',
  'REJECTED',
  'CLOSED',
] as const;
type Status = (typeof STATUSES)[number];
const PAGE = 50;

/** The inboxes a viewer may open: their desk agencies, then the units they administer (every province for a system admin). */
function useInboxes() {
  const t = useFeedbackT();
  const { locale } = useLocale();
  const { viewer } = useSession();
  const systemAdmin = viewer?.grants.some((g) => g.role === 'SYSTEM_ADMIN') ?? false;
  const [{ data }] = useQuery({ query: ProvincesQuery, pause: !systemAdmin });
  const agencies = deskAgencies(viewer).map((a) => ({
    value: `agency:${a.code}`,
    label: t('inbox.scopeAgency', { name: codeAndName(a, locale) }),
  }));
  const adminUnits = (viewer?.grants ?? []).flatMap((g) =>
    g.role === 'UNIT_ADMIN' && g.unit ? [g.unit] : [],
  );
  const units = [...adminUnits, ...(systemAdmin ? (data?.units ?? []) : [])].map((u) => ({
    value: `unit:${u.id}`,
    label: t('inbox.scopeUnit', { name: locale === 'vi' ? u.name : u.nameEn }),
  }));
  return [...agencies, ...units];
}

/** The feedback inbox of an agency or a unit: filters by status and overdue, overdue items flagged. */
export default function FeedbackInboxPage() {
  const t = useFeedbackT();
  const { locale } = useLocale();
  const [search, setSearch] = useSearchParams();
  const inboxes = useInboxes();
  const scope = inboxes.find((i) => i.value === search.get('hop-thu'))?.value ?? inboxes[0]?.value ?? '';
  const statusParam = search.get('trang-thai') ?? 'open';
  const overdueOnly = search.get('qua-han') === '1';
  const first = Number(search.get('so')) || PAGE;
  const status: readonly Status[] | null =
    statusParam === 'open' ? OPEN : STATUSES.includes(statusParam as Status) ? [statusParam as Status] : null;
  const [kind, key] = scope.split(/:(.*)/s);
  const [{ data, error, fetching }] = useQuery({
    query: InboxQuery,
    variables: {
      agencyCode: kind === 'agency' ? key : null,
      unitId: kind === 'unit' ? key : null,
      status: status ? [...status] : null,
      overdueOnly,
      first,
    },
    pause: !scope,
    requestPolicy: 'cache-and-network',
  });
  const edges = data?.feedbackInbox?.edges ?? [];

  function setParam(name: string, value: string | null) {
    setSearch((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(name, value);
      else next.delete(name);
      if (name !== 'so') next.delete('so');
      return next;
    });
  }

  return (
    <Stack>
      <Title order={2}>{t('inbox.heading')}</Title>
      <Text size="sm" c="dimmed">
        {t('inbox.lead')}
      </Text>
      <Group align="flex-end">
        <NativeSelect
          label={t('inbox.scope')}
          value={scope}
          onChange={(event) => setParam('hop-thu', event.currentTarget.value)}
          data={inboxes}
        />
        <NativeSelect
          label={t('inbox.status')}
          value={statusParam}
          onChange={(event) => setParam('trang-thai', event.currentTarget.value)}
          data={[
            { value: 'open', label: t('inbox.statusOpen') },
            { value: 'all', label: t('inbox.statusAll') },
            ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        <Checkbox
          label={t('inbox.overdueOnly')}
          checked={overdueOnly}
          onChange={(event) => setParam('qua-han', event.currentTarget.checked ? '1' : null)}
          mb={8}
        />
      </Group>
      {error ? (
        <Alert color="red" role="alert">
          {transportErrorText(error, locale)}
        </Alert>
      ) : null}
      {data && edges.length === 0 ? <Text>{t('inbox.none')}</Text> : null}
      {edges.length > 0 ? (
        <>
          <Text size="sm" c="dimmed">
            {t('inbox.count', { count: edges.length })}
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table striped withTableBorder data-testid="feedback-table" aria-busy={fetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('inbox.col.code')}</Table.Th>
                  <Table.Th scope="col">{t('inbox.col.title')}</Table.Th>
                  <Table.Th scope="col">{t('inbox.col.status')}</Table.Th>
                  <Table.Th scope="col">{t('inbox.col.category')}</Table.Th>
                  <Table.Th scope="col">{t('inbox.col.agency')}</Table.Th>
                  <Table.Th scope="col">{t('inbox.col.receivedAt')}</Table.Th>
                  <Table.Th scope="col">{t('inbox.col.dueAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {edges.map(({ node }) => (
                  <Table.Tr
                    key={node.id}
                    data-overdue={node.overdue || undefined}
                    bg={node.overdue ? 'red.0' : undefined}
                  >
                    <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={feedbackPath(node.id)}>
                        {node.code}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{node.title}</Table.Td>
                    <Table.Td>{t(`status.${node.status}`)}</Table.Td>
                    <Table.Td>{node.category ? t(`category.${node.category}`) : t('category.none')}</Table.Td>
                    <Table.Td>{node.agency?.code ?? '—'}</Table.Td>
                    <Table.Td>{formatDateTime(node.receivedAt, locale)}</Table.Td>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <span>{formatDateTime(node.dueAt, locale)}</span>
                        {node.overdue ? (
                          <Badge
                            color="red.9"
                            variant="filled"
                            data-testid="overdue-badge"
                            style={{ flex: 'none' }}
                          >
                            {t('overdue')}
                          </Badge>
                        ) : null}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {data?.feedbackInbox?.pageInfo.hasNextPage ? (
            <Group>
              <Button variant="default" onClick={() => setParam('so', String(first + PAGE))}>
                {t('inbox.more')}
              </Button>
            </Group>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
