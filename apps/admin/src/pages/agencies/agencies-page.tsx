import { useLocale } from '@chiso/ui';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Group,
  List,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { transportErrorText } from '../../api-errors.js';
import { FormCard } from '../../components/form-card.js';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql.js';
import { agencyPath, paths } from '../../paths.js';
import { useSession } from '../../session.js';
import { fold, useAgenciesT } from './agencies-messages.js';
import { useOutcome } from './mutation-outcome.js';
import { formText, todayInVietnam, useUnitOptions } from './unit-scope.js';

const UnitHistoryQuery = graphql(`
  query AdminUnitHistory($code: String!) {
    unitHistory(code: $code) {
      id
      code
      name
      nameEn
      validFrom
      validTo
      successors {
        kind
        effectiveOn
        legalBasis
        successor { id code name nameEn }
      }
      predecessors {
        kind
        effectiveOn
        predecessor { id code name nameEn validTo }
      }
    }
  }
`);

const DistrictsQuery = graphql(`
  query AdminDistricts($asOf: Date) {
    units(level: DISTRICT, asOf: $asOf) {
      id
      code
      name
      nameEn
      validTo
      parent { id }
    }
  }
`);

export const UnitAgenciesQuery = graphql(`
  query AdminUnitAgencies($unit: ID!) {
    agencies(unit: $unit, includeRetired: true, first: 100) {
      totalCount
      edges {
        node {
          id
          code
          name
          nameEn
          kind
          retired
          validTo
          parent { code }
        }
      }
    }
  }
`);

const CreateAgencyMutation = graphql(`
  mutation AdminCreateAgency($input: CreateAgencyInput!) {
    createAgency(input: $input) {
      __typename
      ... on MutationCreateAgencySuccess { data { id code } }
      ... on Error { message messageEn }
      ... on ValidationError { message messageEn fieldErrors { path message messageEn } }
    }
  }
`);

type AgencyKind = VariablesOf<typeof CreateAgencyMutation>['input']['kind'];
export const AGENCY_KINDS: AgencyKind[] = [
  'DEPARTMENT',
  'SERVICE_CENTER',
  'COMMUNE_DESK',
  'CENTRAL_VERTICAL',
  'MINISTRY',
  'ENTERPRISE',
  'OTHER',
];
type AgencyNode = NonNullable<ResultOf<typeof UnitAgenciesQuery>['agencies']>['edges'][number]['node'];

function AgencyTree({
  nodes,
  byParent,
  visible,
  depth = 0,
}: {
  nodes: AgencyNode[];
  byParent: Map<string, AgencyNode[]>;
  visible: Set<string>;
  depth?: number;
}) {
  const t = useAgenciesT();
  const { locale } = useLocale();
  const shown = nodes.filter((node) => visible.has(node.code));
  if (shown.length === 0) return null;
  return (
    <Box
      component="ul"
      m={0}
      pl={depth === 0 ? 0 : 'lg'}
      style={{
        listStyle: 'none',
        borderLeft: depth === 0 ? undefined : '1px solid var(--mantine-color-gray-4)',
      }}
    >
      {shown.map((node) => (
        <li key={node.id}>
          <Group gap="xs" wrap="nowrap" py={2}>
            <Anchor
              component={Link}
              to={agencyPath(node.code)}
              td={node.retired ? 'line-through' : undefined}
            >
              {locale === 'vi' ? node.name : node.nameEn}
            </Anchor>
            <Text size="sm" c="dimmed" ff="monospace">
              {node.code}
            </Text>
            {node.validTo ? (
              <Badge color="gray.7" variant="filled">
                {node.retired ? t('agencies.retired') : t('agencies.retiresAfter', { date: node.validTo })}
              </Badge>
            ) : null}
          </Group>
          <AgencyTree
            nodes={byParent.get(node.code) ?? []}
            byParent={byParent}
            visible={visible}
            depth={depth + 1}
          />
        </li>
      ))}
    </Box>
  );
}

function CreateAgencyForm({
  unitId,
  agencies,
  onCreated,
}: {
  unitId: string;
  agencies: AgencyNode[];
  onCreated: (code: string) => void;
}) {
  const t = useAgenciesT();
  const { locale } = useLocale();
  const [{ fetching }, create] = useMutation(CreateAgencyMutation);
  const outcome = useOutcome();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => formText(form, name);
    const result = await create({
      input: {
        unit: unitId,
        code: text('code'),
        name: text('name'),
        nameEn: text('nameEn'),
        kind: text('kind') as AgencyKind,
        receiptPrefix: text('receiptPrefix'),
        parent: text('parent') || null,
        shortName: text('shortName') || null,
      },
    });
    const payload = result.data?.createAgency;
    if (outcome.settle(payload, result.error, '') && payload?.__typename === 'MutationCreateAgencySuccess') {
      onCreated(payload.data.code);
    }
  }

  const f = outcome.field;
  return (
    <FormCard
      id="create-agency-heading"
      title={t('agencies.create')}
      onSubmit={submit}
      noValidate
      submitLabel={t('agencies.create')}
      submitting={fetching}
      after={outcome.view('create-agency-error')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput name="code" label={t('field.code')} required error={f('code')} />
        <TextInput
          name="receiptPrefix"
          label={t('field.receiptPrefix')}
          required
          error={f('receiptPrefix')}
        />
        <TextInput name="name" label={t('field.name')} required error={f('name')} />
        <TextInput name="nameEn" label={t('field.nameEn')} required error={f('nameEn')} />
        <TextInput name="shortName" label={t('field.shortName')} error={f('shortName')} />
        <NativeSelect
          name="kind"
          label={t('field.kind')}
          error={f('kind')}
          data={AGENCY_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
        />
        <NativeSelect
          name="parent"
          label={t('field.parent')}
          error={f('parent')}
          data={[
            { value: '', label: t('field.topLevel') },
            ...agencies
              .filter((a) => !a.retired)
              .map((a) => ({
                value: a.code,
                label: `${a.code} · ${locale === 'vi' ? a.name : a.nameEn}`,
              })),
          ]}
        />
      </SimpleGrid>
    </FormCard>
  );
}

/** The units the viewer administers, their 2025 reorganisation, and each unit's agencies as a tree. */
export default function AgenciesPage() {
  const t = useAgenciesT();
  const { locale } = useLocale();
  const { viewer } = useSession();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const [text, setText] = useState('');
  const options = useUnitOptions(viewer);
  const unitId = search.get('unit') ?? options[0]?.id ?? null;
  const code = search.get('code') ?? options.find((u) => u.id === unitId)?.code ?? null;

  const [{ data: history, error: historyError }] = useQuery({
    query: UnitHistoryQuery,
    variables: { code: code ?? '' },
    pause: !code,
  });
  const versions = history?.unitHistory ?? [];
  const version = versions.find((v) => v.id === unitId) ?? versions[versions.length - 1] ?? null;

  const [{ data: districts }] = useQuery({
    query: DistrictsQuery,
    variables: { asOf: version?.validTo ?? todayInVietnam() },
    pause: !version,
  });
  const childUnits = (districts?.units ?? []).filter((u) => u.parent?.id === version?.id);

  const [{ data, fetching, error }] = useQuery({
    query: UnitAgenciesQuery,
    variables: { unit: version?.id ?? '' },
    pause: !version,
  });
  const agencies = useMemo(() => (data?.agencies?.edges ?? []).map((edge) => edge.node), [data]);
  const { roots, byParent, visible } = useMemo(() => {
    const codes = new Set(agencies.map((a) => a.code));
    const byParent = new Map<string, AgencyNode[]>();
    const roots: AgencyNode[] = [];
    const parentOf = new Map<string, string>();
    for (const agency of agencies) {
      const parent = agency.parent?.code;
      if (parent && codes.has(parent)) {
        byParent.set(parent, [...(byParent.get(parent) ?? []), agency]);
        parentOf.set(agency.code, parent);
      } else roots.push(agency);
    }
    const needle = fold(text.trim());
    const visible = new Set<string>();
    for (const agency of agencies) {
      if (needle && !fold(`${agency.code} ${agency.name} ${agency.nameEn}`).includes(needle)) continue;
      // A match shows its ancestors too, so it stays in its place in the tree.
      for (let c: string | undefined = agency.code; c && !visible.has(c); c = parentOf.get(c)) visible.add(c);
    }
    return { roots, byParent, visible };
  }, [agencies, text]);

  const name = (u: { name: string; nameEn: string }) => (locale === 'vi' ? u.name : u.nameEn);
  const pick = (u: { id: string; code: string }) => setSearch({ unit: u.id, code: u.code });

  return (
    <Stack>
      <Title order={2}>{t('agencies.heading')}</Title>
      <Group align="flex-end">
        <NativeSelect
          label={t('agencies.unit')}
          value={options.some((u) => u.id === unitId) ? (unitId ?? '') : ''}
          onChange={(event) => {
            const unit = options.find((u) => u.id === event.currentTarget.value);
            if (unit) pick(unit);
          }}
          data={[
            ...(options.some((u) => u.id === unitId)
              ? []
              : [{ value: '', label: version ? name(version) : '—' }]),
            ...options.map((u) => ({ value: u.id, label: `${u.code} · ${name(u)}` })),
          ]}
        />
        {version ? (
          <Button variant="light" component={Link} to={`${paths.calendar}?unit=${version.id}`}>
            {t('agencies.calendar')}
          </Button>
        ) : null}
      </Group>
      {historyError ? (
        <Alert color="red" role="alert">
          {transportErrorText(historyError, locale)}
        </Alert>
      ) : null}
      {!code ? <Text>{t('agencies.noUnit')}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack component="section" aria-labelledby="units-heading" gap="sm">
          <Title order={3} id="units-heading">
            {t('agencies.units')}
          </Title>
          {versions.map((v) => (
            <Card
              key={v.id}
              withBorder
              data-testid="unit-version"
              bg={v.id === version?.id ? 'var(--mantine-color-blue-light)' : undefined}
            >
              <Group gap="xs">
                <Anchor component="button" type="button" fw={600} onClick={() => pick(v)}>
                  {name(v)}
                </Anchor>
                <Text size="sm" ff="monospace">
                  {v.code}
                </Text>
                {v.validTo ? (
                  <Badge color="orange" variant="light" c="dark.8">
                    {t('agencies.retiredUnit', { date: v.validTo })}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" c="dimmed">
                {v.validFrom} – {v.validTo ?? '…'}
              </Text>
              {v.successors.length > 0 ? (
                <Text size="sm" mt={4}>
                  {t('agencies.successors')}:{' '}
                  {v.successors.map((s, index) => (
                    <span key={s.successor.id}>
                      {index > 0 ? ', ' : ''}
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        underline="always"
                        onClick={() => pick(s.successor)}
                        data-testid="unit-successor"
                      >
                        {name(s.successor)}
                      </Anchor>{' '}
                      ({t('agencies.succession', { kind: t(`succession.${s.kind}`), date: s.effectiveOn })}
                      {s.legalBasis ? `, ${s.legalBasis}` : ''})
                    </span>
                  ))}
                </Text>
              ) : null}
              {v.predecessors.length > 0 ? (
                <Text size="sm" mt={4}>
                  {t('agencies.predecessors')}:{' '}
                  {v.predecessors.map((p, index) => (
                    <span key={p.predecessor.id}>
                      {index > 0 ? ', ' : ''}
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        underline="always"
                        onClick={() => pick(p.predecessor)}
                      >
                        {name(p.predecessor)}
                      </Anchor>{' '}
                      ({t('agencies.succession', { kind: t(`succession.${p.kind}`), date: p.effectiveOn })})
                    </span>
                  ))}
                </Text>
              ) : null}
              {v.id === version?.id && childUnits.length > 0 ? (
                <>
                  <Text size="sm" fw={600} mt="xs">
                    {t('agencies.districts')}
                  </Text>
                  <List size="sm" withPadding>
                    {childUnits.map((u) => (
                      <List.Item key={u.id}>
                        {name(u)}{' '}
                        {u.validTo ? (
                          <Badge size="xs" color="orange" variant="light" c="dark.8">
                            {t('agencies.retiredUnit', { date: u.validTo })}
                          </Badge>
                        ) : null}
                      </List.Item>
                    ))}
                  </List>
                </>
              ) : null}
            </Card>
          ))}
        </Stack>
        <Stack component="section" aria-labelledby="agencies-heading" gap="sm">
          <Title order={3} id="agencies-heading">
            {t('agencies.tree')}
          </Title>
          <Group align="flex-end">
            <TextInput
              type="search"
              label={t('agencies.search')}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
              w={320}
            />
            {fetching ? <Loader size="sm" aria-hidden /> : null}
          </Group>
          {error ? (
            <Alert color="red" role="alert">
              {transportErrorText(error, locale)}
            </Alert>
          ) : null}
          <Text fw={600} data-testid="agency-count">
            {data ? t('agencies.count', { count: agencies.length }) : ''}
          </Text>
          <div data-testid="agency-tree">
            <AgencyTree nodes={roots} byParent={byParent} visible={visible} />
          </div>
        </Stack>
      </SimpleGrid>
      {version ? (
        <CreateAgencyForm
          unitId={version.id}
          agencies={agencies}
          onCreated={(created) => navigate(agencyPath(created))}
        />
      ) : null}
    </Stack>
  );
}
