import { useLocale } from '@chiso/ui';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { type ApiError, apiErrorText, transportErrorText } from '../../api-errors.js';
import { FormCard } from '../../components/form-card.js';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql.js';
import { agencyPath, paths } from '../../paths.js';
import { useAgenciesT } from './agencies-messages.js';
import { AGENCY_KINDS, UnitAgenciesQuery } from './agencies-page.js';
import { useOutcome } from './mutation-outcome.js';
import { formText, todayInVietnam } from './unit-scope.js';

const AgencyQuery = graphql(`
  query AdminAgency($code: String!) {
    agency(code: $code) {
      __typename
      ... on Error { message messageEn }
      ... on Agency {
        id
        code
        name
        nameEn
        shortName
        kind
        receiptPrefix
        address
        phone
        email
        website
        validFrom
        validTo
        retired
        unit { id code name nameEn }
        parent { id code name nameEn }
        children { id code name nameEn retired }
        servicePoints { id name nameEn channel address openingHours phone url ordinal }
        procedures(first: 100) {
          totalCount
          edges { node { id code name nameEn } }
        }
      }
    }
  }
`);

const UpdateAgencyMutation = graphql(`
  mutation AdminUpdateAgency($code: String!, $input: UpdateAgencyInput!) {
    updateAgency(code: $code, input: $input) {
      __typename
      ... on MutationUpdateAgencySuccess { data { id code name nameEn shortName kind receiptPrefix address phone email website } }
      ... on Error { message messageEn }
      ... on ValidationError { message messageEn fieldErrors { path message messageEn } }
    }
  }
`);

const MoveAgencyMutation = graphql(`
  mutation AdminMoveAgency($code: String!, $parent: String) {
    moveAgency(code: $code, parent: $parent) {
      __typename
      ... on MutationMoveAgencySuccess { data { id parent { id code name nameEn } } }
      ... on Error { message messageEn }
      ... on ValidationError { message messageEn fieldErrors { path message messageEn } }
    }
  }
`);

const RetireAgencyMutation = graphql(`
  mutation AdminRetireAgency($code: String!, $on: Date) {
    retireAgency(code: $code, on: $on) {
      __typename
      ... on MutationRetireAgencySuccess { data { id retired validTo } }
      ... on Error { message messageEn }
      ... on ValidationError { message messageEn fieldErrors { path message messageEn } }
    }
  }
`);

const CreateServicePointMutation = graphql(`
  mutation AdminCreateServicePoint($agency: String!, $input: ServicePointInput!) {
    createServicePoint(agency: $agency, input: $input) {
      __typename
      ... on MutationCreateServicePointSuccess { data { id agency { id servicePoints { id name nameEn channel address openingHours phone url ordinal } } } }
      ... on Error { message messageEn }
      ... on ValidationError { message messageEn fieldErrors { path message messageEn } }
    }
  }
`);

const UpdateServicePointMutation = graphql(`
  mutation AdminUpdateServicePoint($id: ID!, $input: ServicePointInput!) {
    updateServicePoint(id: $id, input: $input) {
      __typename
      ... on MutationUpdateServicePointSuccess { data { id name nameEn channel address openingHours phone url ordinal } }
      ... on Error { message messageEn }
      ... on ValidationError { message messageEn fieldErrors { path message messageEn } }
    }
  }
`);

const DeleteServicePointMutation = graphql(`
  mutation AdminDeleteServicePoint($id: ID!) {
    deleteServicePoint(id: $id) {
      __typename
      ... on MutationDeleteServicePointSuccess { data { id servicePoints { id name nameEn channel address openingHours phone url ordinal } } }
      ... on Error { message messageEn }
    }
  }
`);

const AssignMutation = graphql(`
  mutation AdminAssignProcedures($agency: String!, $procedures: [String!]!) {
    assignProcedures(agency: $agency, procedures: $procedures) {
      __typename
      ... on MutationAssignProceduresSuccess { data { id procedures(first: 100) { totalCount edges { node { id code name nameEn } } } } }
      ... on Error { message messageEn }
      ... on ValidationError { message messageEn fieldErrors { path message messageEn } }
    }
  }
`);

const UnassignMutation = graphql(`
  mutation AdminUnassignProcedures($agency: String!, $procedures: [String!]!) {
    unassignProcedures(agency: $agency, procedures: $procedures) {
      __typename
      ... on MutationUnassignProceduresSuccess { data { id procedures(first: 100) { totalCount edges { node { id code name nameEn } } } } }
      ... on Error { message messageEn }
      ... on ValidationError { message messageEn fieldErrors { path message messageEn } }
    }
  }
`);

const CatalogSearchQuery = graphql(`
  query AdminAgencyCatalogSearch($search: String) {
    procedures(search: $search, first: 10) {
      edges { node { id code name nameEn } }
    }
  }
`);

type Agency = Extract<NonNullable<ResultOf<typeof AgencyQuery>['agency']>, { __typename: 'Agency' }>;
type ServicePoint = Agency['servicePoints'][number];
type Channel = NonNullable<VariablesOf<typeof CreateServicePointMutation>['input']['channel']>;
const CHANNELS: Channel[] = ['IN_PERSON', 'ONLINE', 'POSTAL'];
type Kind = NonNullable<VariablesOf<typeof UpdateAgencyMutation>['input']['kind']>;

function EditSection({ agency }: { agency: Agency }) {
  const t = useAgenciesT();
  const navigate = useNavigate();
  const [{ fetching }, update] = useMutation(UpdateAgencyMutation);
  const outcome = useOutcome();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const code = formText(form, 'code');
    const result = await update({
      code: agency.code,
      input: {
        code: code !== agency.code ? code : null,
        name: formText(form, 'name'),
        nameEn: formText(form, 'nameEn'),
        shortName: formText(form, 'shortName'),
        kind: formText(form, 'kind') as Kind,
        receiptPrefix: formText(form, 'receiptPrefix'),
        address: formText(form, 'address'),
        phone: formText(form, 'phone'),
        email: formText(form, 'email'),
        website: formText(form, 'website'),
      },
    });
    const payload = result.data?.updateAgency;
    if (
      outcome.settle(payload, result.error, t('agency.saved')) &&
      payload?.__typename === 'MutationUpdateAgencySuccess'
    ) {
      if (payload.data.code !== agency.code) navigate(agencyPath(payload.data.code), { replace: true });
    }
  }
  const f = outcome.field;
  return (
    <FormCard
      id="edit-heading"
      title={t('agency.edit')}
      onSubmit={submit}
      noValidate
      submitLabel={t('agency.save')}
      submitting={fetching}
      after={outcome.view('edit-error')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput name="code" label={t('field.code')} defaultValue={agency.code} error={f('code')} />
        <TextInput
          name="receiptPrefix"
          label={t('field.receiptPrefix')}
          defaultValue={agency.receiptPrefix}
          error={f('receiptPrefix')}
        />
        <TextInput name="name" label={t('field.name')} defaultValue={agency.name} error={f('name')} />
        <TextInput name="nameEn" label={t('field.nameEn')} defaultValue={agency.nameEn} error={f('nameEn')} />
        <TextInput
          name="shortName"
          label={t('field.shortName')}
          defaultValue={agency.shortName ?? ''}
          error={f('shortName')}
        />
        <NativeSelect
          name="kind"
          label={t('field.kind')}
          defaultValue={agency.kind}
          data={AGENCY_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
        />
        <TextInput
          name="address"
          label={t('field.address')}
          defaultValue={agency.address ?? ''}
          error={f('address')}
        />
        <TextInput
          name="phone"
          label={t('field.phone')}
          defaultValue={agency.phone ?? ''}
          error={f('phone')}
        />
        <TextInput
          name="email"
          label={t('field.email')}
          defaultValue={agency.email ?? ''}
          error={f('email')}
        />
        <TextInput
          name="website"
          label={t('field.website')}
          defaultValue={agency.website ?? ''}
          error={f('website')}
        />
      </SimpleGrid>
    </FormCard>
  );
}

function MoveSection({ agency }: { agency: Agency }) {
  const t = useAgenciesT();
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: UnitAgenciesQuery, variables: { unit: agency.unit.id } });
  const [{ fetching }, move] = useMutation(MoveAgencyMutation);
  const outcome = useOutcome();
  const [parent, setParent] = useState(agency.parent?.code ?? '');
  const candidates = (data?.agencies?.edges ?? [])
    .map((edge) => edge.node)
    .filter((node) => !node.retired && node.code !== agency.code);
  return (
    <FormCard
      id="move-heading"
      title={t('agency.move')}
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await move({ code: agency.code, parent: parent || null });
        outcome.settle(result.data?.moveAgency, result.error, t('agency.moved'));
      }}
      submitLabel={t('agency.moveSubmit')}
      submitting={fetching}
      submit={{ variant: 'light' }}
      after={outcome.view('move-error')}
    >
      <Text size="sm">{t('agency.moveLead')}</Text>
      <NativeSelect
        label={t('field.parent')}
        value={parent}
        error={outcome.field('parent')}
        onChange={(event) => setParent(event.currentTarget.value)}
        data={[
          { value: '', label: t('field.topLevel') },
          ...candidates.map((a) => ({
            value: a.code,
            label: `${a.code} · ${locale === 'vi' ? a.name : a.nameEn}`,
          })),
        ]}
      />
    </FormCard>
  );
}

function RetireSection({ agency }: { agency: Agency }) {
  const t = useAgenciesT();
  const { locale } = useLocale();
  const [{ fetching }, retire] = useMutation(RetireAgencyMutation);
  const outcome = useOutcome();
  const [on, setOn] = useState(todayInVietnam());
  const [confirming, setConfirming] = useState(false);
  return (
    <Card withBorder component="section" aria-labelledby="retire-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="retire-heading">
          {t('agency.retire')}
        </Title>
        <Text size="sm">{t('agency.retireLead')}</Text>
        <TextInput
          type="date"
          label={t('agency.retireOn')}
          value={on}
          error={outcome.field('on')}
          onChange={(event) => setOn(event.currentTarget.value)}
          w={220}
        />
        {outcome.view('retire-error')}
        <Group>
          <Button
            color="red"
            variant="light"
            onClick={() => setConfirming(true)}
            disabled={agency.validTo !== null}
          >
            {t('agency.retireSubmit')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('agency.retireConfirmTitle')}>
        <Stack>
          <Text>
            {t('agency.retireConfirm', {
              name: locale === 'vi' ? agency.name : agency.nameEn,
              code: agency.code,
              date: on,
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('agency.cancel')}
            </Button>
            <Button
              color="red"
              loading={fetching}
              onClick={async () => {
                const result = await retire({ code: agency.code, on: on || null });
                outcome.settle(
                  result.data?.retireAgency,
                  result.error,
                  t('agency.retiredDone', { date: on }),
                );
                setConfirming(false);
              }}
            >
              {t('agency.retireYes')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function ServicePointForm({
  agency,
  point,
  onDone,
}: {
  agency: Agency;
  point: ServicePoint | null;
  onDone: () => void;
}) {
  const t = useAgenciesT();
  const [{ fetching: creating }, create] = useMutation(CreateServicePointMutation);
  const [{ fetching: updating }, update] = useMutation(UpdateServicePointMutation);
  const outcome = useOutcome();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: formText(form, 'name'),
      nameEn: formText(form, 'nameEn') || null,
      channel: formText(form, 'channel') as Channel,
      address: formText(form, 'address') || null,
      openingHours: formText(form, 'openingHours') || null,
      phone: formText(form, 'phone') || null,
      url: formText(form, 'url') || null,
    };
    const result = point
      ? await update({ id: point.id, input })
      : await create({ agency: agency.code, input });
    const payload =
      result.data && 'updateServicePoint' in result.data
        ? result.data.updateServicePoint
        : result.data && 'createServicePoint' in result.data
          ? result.data.createServicePoint
          : null;
    if (outcome.settle(payload, result.error, '')) onDone();
  }
  const f = outcome.field;
  return (
    <form onSubmit={submit} noValidate data-testid="service-point-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            name="name"
            label={t('sp.name')}
            defaultValue={point?.name ?? ''}
            error={f('name')}
            required
          />
          <NativeSelect
            name="channel"
            label={t('sp.channel')}
            defaultValue={point?.channel ?? 'IN_PERSON'}
            data={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          />
          <TextInput
            name="address"
            label={t('sp.address')}
            defaultValue={point?.address ?? ''}
            error={f('address')}
          />
          <TextInput
            name="openingHours"
            label={t('sp.openingHours')}
            defaultValue={point?.openingHours ?? ''}
            error={f('openingHours')}
          />
          <TextInput
            name="phone"
            label={t('sp.phone')}
            defaultValue={point?.phone ?? ''}
            error={f('phone')}
          />
          <TextInput name="url" label={t('sp.url')} defaultValue={point?.url ?? ''} error={f('url')} />
        </SimpleGrid>
        {outcome.view('service-point-error')}
        <Group>
          <Button type="submit" loading={creating || updating}>
            {t('sp.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('agency.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ServicePointsSection({ agency }: { agency: Agency }) {
  const t = useAgenciesT();
  const { locale } = useLocale();
  const [editing, setEditing] = useState<ServicePoint | 'new' | null>(null);
  const [{ fetching }, remove] = useMutation(DeleteServicePointMutation);
  const outcome = useOutcome();
  return (
    <Card withBorder component="section" aria-labelledby="sp-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id="sp-heading">
            {t('sp.heading')}
          </Title>
          <Button variant="light" onClick={() => setEditing('new')} disabled={editing !== null}>
            {t('sp.add')}
          </Button>
        </Group>
        {agency.servicePoints.length === 0 ? (
          <Text c="dimmed">{t('sp.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder data-testid="service-points">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('sp.name')}</Table.Th>
                  <Table.Th scope="col">{t('sp.channel')}</Table.Th>
                  <Table.Th scope="col">{t('sp.address')}</Table.Th>
                  <Table.Th scope="col">{t('sp.openingHours')}</Table.Th>
                  <Table.Th scope="col">{t('sp.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {agency.servicePoints.map((point) => {
                  const name = locale === 'vi' ? point.name : (point.nameEn ?? point.name);
                  return (
                    <Table.Tr key={point.id}>
                      <Table.Td>{name}</Table.Td>
                      <Table.Td>{t(`channel.${point.channel}`)}</Table.Td>
                      <Table.Td>{point.address ?? '—'}</Table.Td>
                      <Table.Td>{point.openingHours ?? '—'}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            aria-label={t('sp.editLabel', { name })}
                            onClick={() => setEditing(point)}
                          >
                            {t('sp.edit')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            loading={fetching}
                            aria-label={t('sp.deleteLabel', { name })}
                            onClick={async () => {
                              const result = await remove({ id: point.id });
                              outcome.settle(result.data?.deleteServicePoint, result.error, '');
                            }}
                          >
                            {t('sp.delete')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {outcome.view('service-point-delete-error')}
        {editing ? (
          <ServicePointForm
            key={editing === 'new' ? 'new' : editing.id}
            agency={agency}
            point={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Stack>
    </Card>
  );
}

function ProceduresSection({ agency }: { agency: Agency }) {
  const t = useAgenciesT();
  const { locale } = useLocale();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text.trim(), 250);
  const [{ data: catalog }] = useQuery({
    query: CatalogSearchQuery,
    variables: { search: debounced },
    pause: debounced.length < 2,
  });
  const [{ fetching: assigning }, assign] = useMutation(AssignMutation);
  const [{ fetching: unassigning }, unassign] = useMutation(UnassignMutation);
  const outcome = useOutcome();
  const assigned = agency.procedures.edges.map((edge) => edge.node);
  const assignedCodes = new Set(assigned.map((p) => p.code));
  const name = (p: { name: string; nameEn: string | null }) =>
    locale === 'vi' ? p.name : (p.nameEn ?? p.name);
  return (
    <Card withBorder component="section" aria-labelledby="proc-heading">
      <Stack gap="sm">
        <Title order={3} size="h4" id="proc-heading">
          {t('proc.heading')}
        </Title>
        <Text fw={600} data-testid="assigned-count">
          {t('proc.count', { count: agency.procedures.totalCount ?? assigned.length })}
        </Text>
        {assigned.length > 0 ? (
          <Table.ScrollContainer minWidth={560}>
            <Table withTableBorder striped data-testid="assigned-procedures">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('proc.code')}</Table.Th>
                  <Table.Th scope="col">{t('proc.name')}</Table.Th>
                  <Table.Th scope="col">{t('sp.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {assigned.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td ff="monospace">{p.code}</Table.Td>
                    <Table.Td>{name(p)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        loading={unassigning}
                        aria-label={t('proc.unassignLabel', { code: p.code })}
                        onClick={async () => {
                          const result = await unassign({ agency: agency.code, procedures: [p.code] });
                          outcome.settle(result.data?.unassignProcedures, result.error, '');
                        }}
                      >
                        {t('proc.unassign')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
        {outcome.view('procedures-error')}
        <Title order={4}>{t('proc.catalog')}</Title>
        <TextInput
          type="search"
          label={t('proc.search')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={360}
        />
        {debounced.length >= 2 ? (
          <Table withTableBorder data-testid="catalog-results">
            <Table.Tbody>
              {(catalog?.procedures?.edges ?? []).map(({ node }) => (
                <Table.Tr key={node.id}>
                  <Table.Td ff="monospace">{node.code}</Table.Td>
                  <Table.Td>{name(node)}</Table.Td>
                  <Table.Td>
                    {assignedCodes.has(node.code) ? (
                      <Badge variant="light" c="dark.8">
                        {t('proc.assigned')}
                      </Badge>
                    ) : (
                      <Button
                        size="compact-sm"
                        variant="light"
                        loading={assigning}
                        aria-label={t('proc.assignLabel', { code: node.code })}
                        onClick={async () => {
                          const result = await assign({ agency: agency.code, procedures: [node.code] });
                          outcome.settle(result.data?.assignProcedures, result.error, '');
                        }}
                      >
                        {t('proc.assign')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Card>
  );
}

/** One agency: its details, place in the tree, service points and procedures, with every edit. */
export default function AgencyPage() {
  const t = useAgenciesT();
  const { locale } = useLocale();
  const { code = '' } = useParams();
  const [{ data, error }] = useQuery({ query: AgencyQuery, variables: { code } });
  const result = data?.agency;
  const name = (a: { name: string; nameEn: string }) => (locale === 'vi' ? a.name : a.nameEn);
  if (error) {
    return (
      <Alert color="red" role="alert">
        {transportErrorText(error, locale)}
      </Alert>
    );
  }
  if (!result) return null;
  if (result.__typename !== 'Agency') {
    return (
      <Stack>
        <Anchor component={Link} to={paths.agencies}>
          {t('agency.back')}
        </Anchor>
        <Alert color="red" role="alert">
          {apiErrorText(result as ApiError, locale)}
        </Alert>
      </Stack>
    );
  }
  const agency = result;
  return (
    <Stack>
      <Anchor component={Link} to={`${paths.agencies}?unit=${agency.unit.id}&code=${agency.unit.code}`}>
        {t('agency.back')}
      </Anchor>
      <Group gap="sm">
        <Title order={2}>{name(agency)}</Title>
        <Text ff="monospace" c="dimmed">
          {agency.code}
        </Text>
        {agency.validTo ? (
          <Badge color="gray.7" data-testid="agency-retired">
            {agency.retired ? t('agencies.retired') : t('agencies.retiresAfter', { date: agency.validTo })}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" data-testid="agency-summary">
        {t('agency.unit', { unit: name(agency.unit) })} · {t('field.parent')}:{' '}
        {agency.parent ? (
          <Anchor
            component={Link}
            to={agencyPath(agency.parent.code)}
            data-testid="agency-parent"
            underline="always"
          >
            {name(agency.parent)}
          </Anchor>
        ) : (
          '—'
        )}{' '}
        · {t('agency.validity', { from: agency.validFrom })}
        {agency.validTo ? ` ${t('agency.validTo', { to: agency.validTo })}` : ''}
      </Text>
      {agency.children.length > 0 ? (
        <Text size="sm">
          {t('agency.children')}:{' '}
          {agency.children.map((child, index) => (
            <span key={child.id}>
              {index > 0 ? ', ' : ''}
              <Anchor
                component={Link}
                to={agencyPath(child.code)}
                td={child.retired ? 'underline line-through' : 'underline'}
              >
                {name(child)}
              </Anchor>
            </span>
          ))}
        </Text>
      ) : null}
      <EditSection key={`edit-${agency.code}`} agency={agency} />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <MoveSection key={`move-${agency.code}`} agency={agency} />
        <RetireSection agency={agency} />
      </SimpleGrid>
      <ServicePointsSection agency={agency} />
      <ProceduresSection agency={agency} />
    </Stack>
  );
}
