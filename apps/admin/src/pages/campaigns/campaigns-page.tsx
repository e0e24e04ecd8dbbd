import { useLocale } from '@chiso/ui';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { type ApiError, apiErrorText, asApiError, transportErrorText } from '../../api-errors.js';
import { graphql } from '../../graphql.js';
import { campaignPath } from '../../paths.js';
import { hasRole, useSession } from '../../session.js';
import { CampaignScopeFields, CampaignSettingsFields } from './campaign-fields.js';
import {
  EMPTY_SETTINGS,
  type ScopeValue,
  type SettingsValue,
  scopeInput,
  settingsInput,
} from './campaign-form.js';
import { useCampaignT } from './campaign-messages.js';

const CampaignsQuery = graphql(`
  query Campaigns($status: [CampaignStatus!]) {
    campaigns(status: $status) {
      id
      code
      name
      nameEn
      mode
      status
      startsOn
      endsOn
      instrument { id code version }
      ownerUnit { id code name nameEn }
    }
  }
`);

const InstrumentsQuery = graphql(`
  query PublishedInstruments {
    instruments(status: PUBLISHED) {
      id
      code
      version
      name
      nameEn
      itemCount
      dimensions { code items { code text textEn } }
    }
  }
`);

const ProvincesQuery = graphql(`
  query CampaignProvinces {
    units(level: PROVINCE) { id code name nameEn }
  }
`);

const CreateCampaignMutation = graphql(`
  mutation CreateCampaign($input: CreateCampaignInput!) {
    createCampaign(input: $input) {
      __typename
      ... on MutationCreateCampaignSuccess { data { id code } }
      ... on Error { message messageEn }
      ... on ValidationError { fieldErrors { path message messageEn } }
    }
  }
`);

const CreateInstrumentMutation = graphql(`
  mutation CreateCustomInstrument(
    $template: InstrumentKeyInput!
    $ownerUnit: ID!
    $code: String!
    $version: String!
    $overrides: InstrumentChangesInput
  ) {
    createCustomInstrument(template: $template, ownerUnit: $ownerUnit, code: $code, version: $version, overrides: $overrides) {
      __typename
      ... on MutationCreateCustomInstrumentSuccess { data { id code version } }
      ... on Error { message messageEn }
      ... on ValidationError { fieldErrors { path message messageEn } }
    }
  }
`);

const PublishInstrumentMutation = graphql(`
  mutation PublishCustomInstrument($code: String!, $version: String!) {
    publishInstrument(code: $code, version: $version) {
      __typename
      ... on MutationPublishInstrumentSuccess { data { id code version status } }
      ... on Error { message messageEn }
    }
  }
`);

const MODES = ['AFTER_DOSSIER', 'SAMPLE', 'OPEN'] as const;
const STATUSES = ['ACTIVE', 'CLOSED', 'DRAFT'] as const;
type Status = (typeof STATUSES)[number];

/** A civil date in Vietnam, `days` after today. */
function vietnamDate(days = 0): string {
  return new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** The units a viewer may create campaigns for: their unit-admin grants, or every province for a system admin. */
function useOwnerUnits() {
  const { viewer } = useSession();
  const own = (viewer?.grants ?? []).flatMap((g) => (g.role === 'UNIT_ADMIN' && g.unit ? [g.unit] : []));
  const [{ data }] = useQuery({ query: ProvincesQuery, pause: own.length > 0 });
  return own.length > 0 ? own : (data?.units ?? []);
}

/** Survey campaigns: the list (filtered by status), a new campaign, a custom instrument from a template. */
export default function CampaignsPage() {
  const t = useCampaignT();
  const { locale } = useLocale();
  const { viewer } = useSession();
  const [search, setSearch] = useSearchParams();
  const status = STATUSES.includes(search.get('trang-thai') as Status)
    ? (search.get('trang-thai') as Status)
    : null;
  const [{ data, error, fetching }] = useQuery({
    query: CampaignsQuery,
    variables: { status: status ? [status] : null },
  });
  const [creating, setCreating] = useState(false);
  const canManage = hasRole(viewer, 'SYSTEM_ADMIN', 'UNIT_ADMIN');
  const local = (x: { name: string; nameEn: string }) => (locale === 'vi' ? x.name : x.nameEn);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('campaigns.heading')}</Title>
          <Text size="sm" c="dimmed">
            {t('campaigns.lead')}
          </Text>
        </div>
        {canManage && !creating ? (
          <Button onClick={() => setCreating(true)}>{t('campaigns.new')}</Button>
        ) : null}
      </Group>
      {creating ? <CreateCampaignForm onCancel={() => setCreating(false)} /> : null}
      <NativeSelect
        label={t('campaigns.filterStatus')}
        maw={240}
        value={status ?? ''}
        onChange={(event) =>
          setSearch((previous) => {
            const next = new URLSearchParams(previous);
            if (event.currentTarget.value) next.set('trang-thai', event.currentTarget.value);
            else next.delete('trang-thai');
            return next;
          })
        }
        data={[
          { value: '', label: t('campaigns.allStatuses') },
          ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
        ]}
      />
      {error ? (
        <Alert color="red" role="alert">
          {transportErrorText(error, locale)}
        </Alert>
      ) : null}
      {data?.campaigns && data.campaigns.length === 0 ? <Text>{t('campaigns.none')}</Text> : null}
      {data?.campaigns && data.campaigns.length > 0 ? (
        <Table.ScrollContainer minWidth={820}>
          <Table striped withTableBorder data-testid="campaign-table" aria-busy={fetching}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('campaigns.col.code')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.col.name')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.col.mode')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.col.status')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.col.period')}</Table.Th>
                <Table.Th scope="col">{t('campaigns.col.instrument')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.campaigns.map((campaign) => (
                <Table.Tr key={campaign.id}>
                  <Table.Td ff="monospace">
                    <Anchor component={Link} to={campaignPath(campaign.code)}>
                      {campaign.code}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{local(campaign)}</Table.Td>
                  <Table.Td>{t(`mode.${campaign.mode}`)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" c="dark.8" color={campaign.status === 'ACTIVE' ? 'green' : 'gray'}>
                      {t(`status.${campaign.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {campaign.startsOn} – {campaign.endsOn}
                  </Table.Td>
                  <Table.Td ff="monospace">
                    {campaign.instrument.code} {campaign.instrument.version}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

function ErrorAlert({ error }: { error: ApiError | string | null }) {
  const { locale } = useLocale();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" data-testid="form-error">
      <Text size="sm" c="dark.8">
        {typeof error === 'string' ? error : apiErrorText(error, locale)}
      </Text>
    </Alert>
  );
}

function CreateCampaignForm({ onCancel }: { onCancel: () => void }) {
  const t = useCampaignT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const units = useOwnerUnits();
  const [{ data: instruments }, refetchInstruments] = useQuery({ query: InstrumentsQuery });
  const [state, create] = useMutation(CreateCampaignMutation);
  const [ownerUnit, setOwnerUnit] = useState('');
  const unitId = ownerUnit || units[0]?.id || '';
  const [instrument, setInstrument] = useState('');
  const [mode, setMode] = useState<(typeof MODES)[number]>('SAMPLE');
  const [scope, setScope] = useState<ScopeValue>({ unitIds: [], agencyCodes: [], procedureCodes: '' });
  const [settings, setSettings] = useState<SettingsValue>(EMPTY_SETTINGS);
  const [problem, setProblem] = useState<ApiError | string | null>(null);
  const instrumentList = instruments?.instruments ?? [];
  const chosen =
    instrument || (instrumentList[0] ? `${instrumentList[0].code}@${instrumentList[0].version}` : '');
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const [code, version] = chosen.split('@');
    const result = await create({
      input: {
        code: text('code'),
        ownerUnit: unitId,
        instrument: { code: code ?? '', version: version ?? '' },
        name: text('name'),
        nameEn: text('nameEn'),
        mode,
        startsOn: text('startsOn'),
        endsOn: text('endsOn'),
        scope: scopeInput(scope),
        settings: settingsInput(settings),
      },
    });
    const answer = result.data?.createCampaign;
    if (answer?.__typename === 'MutationCreateCampaignSuccess') {
      navigate(campaignPath(answer.data.code));
      return;
    }
    setProblem(asApiError(answer) ?? (result.error ? transportErrorText(result.error, locale) : null));
  }

  return (
    <Stack>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="new-campaign-heading">
        <form onSubmit={onSubmit}>
          <Stack>
            <Title order={3} size="h4" id="new-campaign-heading">
              {t('form.heading')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput name="code" label={t('form.code')} description={t('form.codeHint')} required />
              <NativeSelect
                label={t('form.ownerUnit')}
                value={unitId}
                onChange={(event) => {
                  setOwnerUnit(event.currentTarget.value);
                  setScope({ unitIds: [], agencyCodes: [], procedureCodes: '' });
                }}
                data={units.map((u) => ({ value: u.id, label: locale === 'vi' ? u.name : u.nameEn }))}
              />
              <TextInput name="name" label={t('form.name')} required />
              <TextInput name="nameEn" label={t('form.nameEn')} required />
              <NativeSelect
                label={t('form.instrument')}
                value={chosen}
                onChange={(event) => setInstrument(event.currentTarget.value)}
                data={instrumentList.map((i) => ({
                  value: `${i.code}@${i.version}`,
                  label: `${i.code} ${i.version} — ${locale === 'vi' ? i.name : i.nameEn} (${i.itemCount})`,
                }))}
              />
              <TextInput
                name="startsOn"
                type="date"
                label={t('form.startsOn')}
                defaultValue={vietnamDate()}
                required
              />
              <TextInput
                name="endsOn"
                type="date"
                label={t('form.endsOn')}
                defaultValue={vietnamDate(30)}
                required
              />
            </SimpleGrid>
            <Radio.Group label={t('form.mode')} value={mode} onChange={(v) => setMode(v as typeof mode)}>
              <Group mt="xs">
                {MODES.map((m) => (
                  <Radio key={m} value={m} label={t(`mode.${m}`)} />
                ))}
              </Group>
            </Radio.Group>
            <CampaignScopeFields
              ownerUnitId={unitId}
              unitOptions={units.filter((u) => u.id === unitId)}
              value={scope}
              onChange={setScope}
              problem={typeof problem === 'string' ? null : problem}
            />
            <CampaignSettingsFields
              value={settings}
              onChange={setSettings}
              problem={typeof problem === 'string' ? null : problem}
              editing={false}
            />
            <ErrorAlert error={problem} />
            <Group>
              <Button type="submit" loading={state.fetching}>
                {t('form.submit')}
              </Button>
              <Button variant="default" onClick={onCancel}>
                {t('form.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <CustomInstrumentForm
        ownerUnit={unitId}
        templates={instrumentList}
        onCreated={(key) => {
          refetchInstruments({ requestPolicy: 'network-only' });
          setInstrument(key);
        }}
      />
    </Stack>
  );
}

type Template = {
  code: string;
  version: string;
  name: string;
  nameEn: string;
  dimensions: readonly { code: string; items: readonly { code: string; text: string; textEn: string }[] }[];
};

/** A custom instrument: a template's copy, minus some items, published at once under a new code and version. */
function CustomInstrumentForm({
  ownerUnit,
  templates,
  onCreated,
}: {
  ownerUnit: string;
  templates: readonly Template[];
  onCreated: (key: string) => void;
}) {
  const t = useCampaignT();
  const { locale } = useLocale();
  const [templateKey, setTemplateKey] = useState('');
  const [omit, setOmit] = useState<string[]>([]);
  const [problem, setProblem] = useState<ApiError | string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [createState, createInstrument] = useMutation(CreateInstrumentMutation);
  const [publishState, publishInstrument] = useMutation(PublishInstrumentMutation);
  const template = templates.find((i) => `${i.code}@${i.version}` === templateKey) ?? templates[0] ?? null;
  const items = (template?.dimensions ?? []).flatMap((d) =>
    d.items.map((i) => ({ value: i.code, label: `${i.code} ${locale === 'vi' ? i.text : i.textEn}` })),
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!template) return;
    setProblem(null);
    setDone(null);
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const code = text('code');
    const version = text('version');
    const created = await createInstrument({
      template: { code: template.code, version: template.version },
      ownerUnit,
      code,
      version,
      overrides: {
        name: { vi: text('name'), en: text('nameEn') },
        ...(omit.length > 0 ? { omitItems: omit } : {}),
      },
    });
    const answer = created.data?.createCustomInstrument;
    if (answer?.__typename !== 'MutationCreateCustomInstrumentSuccess') {
      setProblem(asApiError(answer) ?? (created.error ? transportErrorText(created.error, locale) : null));
      return;
    }
    const published = await publishInstrument({ code, version });
    const publishAnswer = published.data?.publishInstrument;
    if (publishAnswer?.__typename !== 'MutationPublishInstrumentSuccess') {
      setProblem(
        asApiError(publishAnswer) ?? (published.error ? transportErrorText(published.error, locale) : null),
      );
      return;
    }
    setDone(t('custom.created', { code, version }));
    onCreated(`${code}@${version}`);
  }

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="custom-instrument-heading">
      <form onSubmit={onSubmit}>
        <Stack>
          <Title order={3} size="h4" id="custom-instrument-heading">
            {t('custom.heading')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('custom.lead')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('custom.template')}
              value={template ? `${template.code}@${template.version}` : ''}
              onChange={(event) => {
                setTemplateKey(event.currentTarget.value);
                setOmit([]);
              }}
              data={templates.map((i) => ({
                value: `${i.code}@${i.version}`,
                label: `${i.code} ${i.version} — ${locale === 'vi' ? i.name : i.nameEn}`,
              }))}
            />
            <MultiSelect
              label={t('custom.omit')}
              data={items}
              value={omit}
              onChange={setOmit}
              searchable
              clearable
            />
            <TextInput name="code" label={t('custom.code')} required />
            <TextInput name="version" label={t('custom.version')} required />
            <TextInput name="name" label={t('form.name')} required />
            <TextInput name="nameEn" label={t('form.nameEn')} required />
          </SimpleGrid>
          <ErrorAlert error={problem} />
          {done ? (
            <Alert color="green" role="status">
              <Text size="sm" c="dark.8">
                {done}
              </Text>
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" variant="default" loading={createState.fetching || publishState.fetching}>
              {t('custom.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
