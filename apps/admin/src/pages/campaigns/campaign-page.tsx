import { useLocale } from '@chiso/ui';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { type ApiError, apiErrorText, asApiError, transportErrorText } from '../../api-errors.js';
import { formatDateTime, formatNumber } from '../../format.js';
import { graphql, type ResultOf } from '../../graphql.js';
import { campaignImportPath, paths, portalOpenSurveyUrl } from '../../paths.js';
import { QrCode } from '../../qr-code.js';
import { hasRole, useSession } from '../../session.js';
import {
  CampaignScopeFields,
  CampaignSettingsFields,
  INVALID_STYLES,
  SCOPE_ERROR_PATHS,
  SETTINGS_ERROR_PATHS,
} from './campaign-fields.js';
import {
  allFieldErrorsShown,
  fieldErrorAt,
  type ScopeValue,
  type SettingsValue,
  sameScope,
  scopeInput,
  settingsInput,
  settingsValue,
} from './campaign-form.js';
import { useCampaignT } from './campaign-messages.js';
import classes from './campaigns.module.css';
import { RollupRebuild } from './rollup-rebuild.js';

/** How often the coverage is asked again while the page is open. */
const REFRESH_SECONDS = 5;

const CampaignQuery = graphql(`
  query CampaignDetail($code: String!) {
    campaign(code: $code) {
      __typename
      ... on Campaign {
        id
        code
        name
        nameEn
        mode
        status
        startsOn
        endsOn
        instrument { id code version name nameEn itemCount }
        ownerUnit { id code name nameEn }
        scopeUnits { id code name nameEn }
        scopeAgencies { id code name }
        scopeProcedures { id code name }
        settings {
          tokenValidDays
          minSecondsPerItem
          straightLiningMinItems
          burstWindowMinutes
          burstThreshold
          rateLimitPerWindow
        }
      }
      ... on Error { message messageEn }
    }
  }
`);

const CoverageQuery = graphql(`
  query CampaignCoverageLive($code: String!) {
    total: campaignCoverage(campaignCode: $code, groupBy: []) {
      served
      offered
      responded
      responseRate
      coverageRate
    }
    byAgency: campaignCoverage(campaignCode: $code, groupBy: [AGENCY]) {
      agency { id code name }
      served
      offered
      responded
      responseRate
    }
  }
`);

const IssueTokensMutation = graphql(`
  mutation IssueSampleTokens($campaignCode: String!, $count: Int!, $agencyCode: String) {
    issueSampleTokens(campaignCode: $campaignCode, count: $count, agencyCode: $agencyCode) {
      __typename
      ... on MutationIssueSampleTokensSuccess {
        data { expiresAt tokens { token url } agency { id code name } }
      }
      ... on Error { message messageEn }
      ... on ValidationError { fieldErrors { path message messageEn } }
    }
  }
`);

const CloseCampaignMutation = graphql(`
  mutation CloseCampaign($code: String!) {
    closeCampaign(code: $code) {
      __typename
      ... on MutationCloseCampaignSuccess { data { id status } }
      ... on Error { message messageEn }
    }
  }
`);

const UpdateCampaignMutation = graphql(`
  mutation UpdateCampaign($code: String!, $input: UpdateCampaignInput!) {
    updateCampaign(code: $code, input: $input) {
      __typename
      ... on MutationUpdateCampaignSuccess {
        data {
          id
          name
          nameEn
          startsOn
          endsOn
          status
          scopeUnits { id code name nameEn }
          scopeAgencies { id code name }
          scopeProcedures { id code name }
          settings {
            tokenValidDays
            minSecondsPerItem
            straightLiningMinItems
            burstWindowMinutes
            burstThreshold
            rateLimitPerWindow
          }
        }
      }
      ... on ValidationError { message messageEn fieldErrors { path message messageEn } }
      ... on Error { message messageEn }
    }
  }
`);

/** One campaign: scope and period, tokens or its public link, and coverage refreshed while the page is open. */
export default function CampaignPage() {
  const t = useCampaignT();
  const { locale } = useLocale();
  const { viewer } = useSession();
  const { code = '' } = useParams();
  const [{ data, error }] = useQuery({ query: CampaignQuery, variables: { code } });
  const [closeState, close] = useMutation(CloseCampaignMutation);
  const [closeProblem, setCloseProblem] = useState<ApiError | null>(null);
  const canManage = hasRole(viewer, 'SYSTEM_ADMIN', 'UNIT_ADMIN');

  if (error) {
    return (
      <Alert color="red" role="alert">
        {transportErrorText(error, locale)}
      </Alert>
    );
  }
  const campaign = data?.campaign;
  if (!campaign) return null;
  if (campaign.__typename !== 'Campaign') {
    const problem = asApiError(campaign);
    return (
      <Alert color="red" role="alert">
        {problem ? apiErrorText(problem, locale) : ''}
      </Alert>
    );
  }
  const local = (x: { name: string; nameEn: string }) => (locale === 'vi' ? x.name : x.nameEn);
  const scope = [
    ...campaign.scopeUnits.map((u) => `${u.code} — ${local(u)}`),
    ...campaign.scopeAgencies.map((a) => `${a.code} — ${a.name}`),
    ...campaign.scopeProcedures.map((p) => `${p.code} — ${p.name}`),
  ];
  const active = campaign.status === 'ACTIVE';

  return (
    <Stack>
      <Anchor component={Link} to={paths.campaigns} size="sm" className={classes.noPrint}>
        ← {t('detail.back')}
      </Anchor>
      <Group gap="sm" className={classes.noPrint}>
        <Title order={2}>{local(campaign)}</Title>
        <Badge
          size="lg"
          variant="light"
          c="dark.8"
          color={active ? 'green' : 'gray'}
          data-testid="campaign-status"
        >
          {t(`status.${campaign.status}`)}
        </Badge>
      </Group>
      <Stack gap={2} className={classes.noPrint}>
        <Text size="sm" ff="monospace">
          {campaign.code} · {campaign.instrument.code} {campaign.instrument.version} · {campaign.startsOn} –{' '}
          {campaign.endsOn}
        </Text>
        <Text size="sm">
          {t(`mode.${campaign.mode}`)} · {t('detail.owner', { unit: local(campaign.ownerUnit) })}
        </Text>
        <Text size="sm">
          {t('detail.scope')}: {scope.length > 0 ? scope.join('; ') : t('detail.scopeAll')}
        </Text>
      </Stack>
      {canManage && campaign.status !== 'CLOSED' ? <EditCampaign campaign={campaign} /> : null}
      <Coverage code={campaign.code} live={active} />
      {campaign.mode === 'SAMPLE' && active && canManage ? (
        <SampleTokens code={campaign.code} agencies={campaign.scopeAgencies} />
      ) : null}
      {campaign.mode === 'OPEN' ? <OpenLink code={campaign.code} /> : null}
      {campaign.mode === 'AFTER_DOSSIER' ? (
        <Text size="sm" className={classes.noPrint}>
          {t('tokens.afterDossier')}
        </Text>
      ) : null}
      {!active ? <Text size="sm">{t('tokens.closedNote')}</Text> : null}
      <Group className={classes.noPrint}>
        <Button
          component="a"
          variant="default"
          href={`/exports/campaigns/${encodeURIComponent(campaign.code)}/responses.csv`}
        >
          {t('detail.exportResponses')}
        </Button>
        {canManage ? (
          <Button component={Link} variant="default" to={campaignImportPath(campaign.code)}>
            {t('import.open')}
          </Button>
        ) : null}
        {canManage && active ? (
          <Button
            color="red"
            variant="light"
            loading={closeState.fetching}
            onClick={async () => {
              setCloseProblem(null);
              const result = await close({ code: campaign.code });
              const answer = result.data?.closeCampaign;
              if (answer?.__typename !== 'MutationCloseCampaignSuccess') setCloseProblem(asApiError(answer));
            }}
          >
            {t('detail.close')}
          </Button>
        ) : null}
      </Group>
      {closeProblem ? (
        <Alert color="red" role="alert">
          {apiErrorText(closeProblem, locale)}
        </Alert>
      ) : null}
      {canManage ? <RollupRebuild code={campaign.code} /> : null}
    </Stack>
  );
}

const NAME_FIELDS = ['name', 'nameEn', 'startsOn', 'endsOn'] as const;
type NameField = (typeof NAME_FIELDS)[number];

type EditableCampaign = ResultOf<typeof CampaignQuery>['campaign'] & { __typename: 'Campaign' };

/** The form's scope from what the campaign holds. */
function scopeOfCampaign(campaign: EditableCampaign): ScopeValue {
  return {
    unitIds: campaign.scopeUnits.map((u) => u.id),
    agencyCodes: campaign.scopeAgencies.map((a) => a.code),
    procedureCodes: campaign.scopeProcedures.map((p) => p.code).join(', '),
  };
}

/**
 * The campaign's names, period, scope and thresholds, edited by its unit's admins while it is not closed (the
 * API refuses changes to a closed campaign). Only what changed is sent; the API's field errors show beside
 * their field.
 */
function EditCampaign({ campaign }: { campaign: EditableCampaign }) {
  const t = useCampaignT();
  const { locale } = useLocale();
  const [open, setOpen] = useState(false);
  const [names, setNames] = useState<Record<NameField, string>>(campaign);
  const [scope, setScope] = useState<ScopeValue>(() => scopeOfCampaign(campaign));
  const [settings, setSettings] = useState<SettingsValue>(() => settingsValue(campaign.settings));
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [state, update] = useMutation(UpdateCampaignMutation);
  const fieldError = (field: NameField) => fieldErrorAt(problem, [field], locale);
  const set = (field: NameField) => (value: string) =>
    setNames((previous) => ({ ...previous, [field]: value }));
  const unitOptions = [campaign.ownerUnit, ...campaign.scopeUnits];

  function reset() {
    setNames(campaign);
    setScope(scopeOfCampaign(campaign));
    setSettings(settingsValue(campaign.settings));
    setProblem(null);
  }

  if (!open) {
    return (
      <Group className={classes.noPrint}>
        <Button
          variant="default"
          onClick={() => {
            reset();
            setSaved(false);
            setOpen(true);
          }}
        >
          {t('edit.open')}
        </Button>
        {saved ? (
          <Text size="sm" role="status" data-testid="campaign-saved">
            {t('edit.saved')}
          </Text>
        ) : null}
      </Group>
    );
  }
  const shownPaths = [...NAME_FIELDS.map((f) => [f]), ...SCOPE_ERROR_PATHS, ...SETTINGS_ERROR_PATHS];
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="campaign-edit" className={classes.noPrint}>
      <form
        onSubmit={async (event) => {
          event.preventDefault();
          setProblem(null);
          const scopeChanged = !sameScope(scope, scopeOfCampaign(campaign));
          const result = await update({
            code: campaign.code,
            input: {
              name: names.name,
              nameEn: names.nameEn,
              startsOn: names.startsOn,
              endsOn: names.endsOn,
              scope: scopeChanged ? scopeInput(scope) : null,
              settings: settingsInput(settings, settingsValue(campaign.settings)),
            },
          });
          const answer = result.data?.updateCampaign;
          if (answer?.__typename === 'MutationUpdateCampaignSuccess') {
            setSaved(true);
            setOpen(false);
          } else {
            setProblem(
              asApiError(answer) ?? {
                __typename: 'Error',
                message: result.error ? transportErrorText(result.error, 'vi') : undefined,
                messageEn: result.error ? transportErrorText(result.error, 'en') : undefined,
              },
            );
          }
        }}
      >
        <Stack gap="md">
          <Title order={3} size="h4" id="campaign-edit">
            {t('edit.heading')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('form.name')}
              value={names.name}
              onChange={(event) => set('name')(event.currentTarget.value)}
              error={fieldError('name')}
              styles={INVALID_STYLES}
              required
            />
            <TextInput
              label={t('form.nameEn')}
              value={names.nameEn}
              onChange={(event) => set('nameEn')(event.currentTarget.value)}
              error={fieldError('nameEn')}
              styles={INVALID_STYLES}
              required
            />
            <TextInput
              type="date"
              label={t('form.startsOn')}
              value={names.startsOn}
              onChange={(event) => set('startsOn')(event.currentTarget.value)}
              error={fieldError('startsOn')}
              styles={INVALID_STYLES}
              required
            />
            <TextInput
              type="date"
              label={t('form.endsOn')}
              value={names.endsOn}
              onChange={(event) => set('endsOn')(event.currentTarget.value)}
              error={fieldError('endsOn')}
              styles={INVALID_STYLES}
              required
            />
          </SimpleGrid>
          <CampaignScopeFields
            ownerUnitId={campaign.ownerUnit.id}
            unitOptions={unitOptions}
            value={scope}
            onChange={setScope}
            problem={problem}
          />
          <CampaignSettingsFields value={settings} onChange={setSettings} problem={problem} editing />
          {problem && !allFieldErrorsShown(problem, shownPaths) ? (
            <Alert color="red" role="alert" data-testid="campaign-edit-error">
              <Text size="sm" c="dark.8">
                {apiErrorText(problem, locale)}
              </Text>
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" loading={state.fetching}>
              {t('edit.save')}
            </Button>
            <Button variant="default" onClick={() => setOpen(false)}>
              {t('edit.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** Coverage totals and per agency, asked again every few seconds (bypassing the cache) while the campaign runs. */
function Coverage({ code, live }: { code: string; live: boolean }) {
  const t = useCampaignT();
  const { locale } = useLocale();
  const [{ data, error }, refetch] = useQuery({
    query: CoverageQuery,
    variables: { code },
    requestPolicy: 'network-only',
  });
  const [updatedAt, setUpdatedAt] = useState<string | null>(null);
  useEffect(() => {
    if (data) setUpdatedAt(new Date().toISOString());
  }, [data]);
  useEffect(() => {
    if (!live) return;
    const timer = window.setInterval(
      () => refetch({ requestPolicy: 'network-only' }),
      REFRESH_SECONDS * 1000,
    );
    return () => window.clearInterval(timer);
  }, [live, refetch]);
  const total = data?.total?.[0];
  const rate = (x: number | null | undefined) => (x == null ? '—' : `${formatNumber(x * 100, locale, 1)}%`);
  const figures: [string, string, string][] = total
    ? [
        ['served', t('detail.served'), formatNumber(total.served, locale)],
        ['offered', t('detail.offered'), formatNumber(total.offered, locale)],
        ['responded', t('detail.responded'), formatNumber(total.responded, locale)],
        ['response-rate', t('detail.responseRate'), rate(total.responseRate)],
        ['coverage-rate', t('detail.coverageRate'), rate(total.coverageRate)],
      ]
    : [];
  const rows = (data?.byAgency ?? []).filter((row) => row !== null);

  return (
    <Stack gap="sm" className={classes.noPrint}>
      <Title order={3} size="h4">
        {t('detail.coverage', { seconds: REFRESH_SECONDS })}
      </Title>
      {error ? (
        <Alert color="red" role="alert">
          {transportErrorText(error, locale)}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} data-testid="coverage" aria-live="polite">
        {figures.map(([key, label, value]) => (
          <Paper key={key} withBorder p="sm" radius="md" data-testid={`coverage-${key}`}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text size="xl" fw={700}>
              {value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {updatedAt ? (
        <Text size="xs" c="dimmed">
          {t('detail.updatedAt', { time: formatDateTime(updatedAt, locale) })}
        </Text>
      ) : null}
      {rows.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table striped withTableBorder data-testid="coverage-by-agency">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('detail.col.agency')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('detail.served')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('detail.offered')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('detail.responded')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('detail.responseRate')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.agency?.id ?? 'none'}>
                  <Table.Td>
                    {row.agency ? `${row.agency.code} — ${row.agency.name}` : t('detail.noAgency')}
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(row.served, locale)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(row.offered, locale)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(row.responded, locale)}</Table.Td>
                  <Table.Td ta="right">{rate(row.responseRate)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : total && total.served + total.offered + total.responded === 0 ? (
        <Text size="sm">{t('detail.noCoverage')}</Text>
      ) : null}
    </Stack>
  );
}

/** Issue a batch of single-use tokens (optionally for one agency) and print them with their QR codes. */
function SampleTokens({
  code,
  agencies,
}: {
  code: string;
  agencies: readonly { code: string; name: string }[];
}) {
  const t = useCampaignT();
  const { locale } = useLocale();
  const [state, issue] = useMutation(IssueTokensMutation);
  const [count, setCount] = useState<number | string>(10);
  const [agency, setAgency] = useState('');
  const [problem, setProblem] = useState<ApiError | string | null>(null);
  const [issued, setIssued] = useState<{
    expiresAt: string;
    tokens: { token: string; url: string }[];
  } | null>(null);

  async function onIssue() {
    setProblem(null);
    const result = await issue({ campaignCode: code, count: Number(count), agencyCode: agency || null });
    const answer = result.data?.issueSampleTokens;
    if (answer?.__typename === 'MutationIssueSampleTokensSuccess') {
      setIssued({ expiresAt: answer.data.expiresAt, tokens: [...answer.data.tokens] });
      return;
    }
    setProblem(asApiError(answer) ?? (result.error ? transportErrorText(result.error, locale) : null));
  }

  return (
    <Stack gap="sm">
      <Title order={3} size="h4" className={classes.noPrint}>
        {t('tokens.heading')}
      </Title>
      <Group align="flex-end" className={classes.noPrint}>
        <NumberInput label={t('tokens.count')} min={1} max={500} value={count} onChange={setCount} w={160} />
        <NativeSelect
          label={t('tokens.agency')}
          value={agency}
          onChange={(event) => setAgency(event.currentTarget.value)}
          data={[
            { value: '', label: t('tokens.anyAgency') },
            ...agencies.map((a) => ({ value: a.code, label: `${a.code} — ${a.name}` })),
          ]}
        />
        <Button onClick={onIssue} loading={state.fetching}>
          {t('tokens.issue')}
        </Button>
      </Group>
      {problem ? (
        <Alert color="red" role="alert" className={classes.noPrint}>
          {typeof problem === 'string' ? problem : apiErrorText(problem, locale)}
        </Alert>
      ) : null}
      {issued ? (
        <>
          <Alert color="blue" role="status" className={classes.noPrint} data-testid="tokens-issued">
            <Text size="sm" c="dark.8">
              {t('tokens.issued', {
                count: issued.tokens.length,
                time: formatDateTime(issued.expiresAt, locale),
              })}
            </Text>
          </Alert>
          <Group className={classes.noPrint}>
            <Button variant="default" onClick={() => window.print()}>
              {t('tokens.print')}
            </Button>
          </Group>
          <div className={classes.tokens} data-testid="token-list">
            {issued.tokens.map((token) => {
              const url = new URL(token.url, window.location.origin).href;
              return (
                <Paper key={token.token} withBorder p="sm" radius="md" className={classes.token}>
                  <Group wrap="nowrap" align="center">
                    <QrCode value={url} label={t('tokens.qr', { token: token.token })} size={96} />
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Text
                        ff="monospace"
                        fw={700}
                        style={{ wordBreak: 'break-all' }}
                        data-testid="survey-token-value"
                      >
                        {token.token}
                      </Text>
                      <Text size="xs" style={{ wordBreak: 'break-all' }}>
                        {url}
                      </Text>
                    </Stack>
                  </Group>
                </Paper>
              );
            })}
          </div>
        </>
      ) : null}
    </Stack>
  );
}

/** An open campaign's public link with its QR code, ready to print on a poster. */
function OpenLink({ code }: { code: string }) {
  const t = useCampaignT();
  const url = portalOpenSurveyUrl(window.location.origin, code);
  return (
    <Paper withBorder p="md" radius="md" className={classes.token}>
      <Group align="flex-start">
        <QrCode value={url} label={t('tokens.openQr')} size={160} />
        <Stack gap={4} style={{ flex: '1 1 240px', minWidth: 0 }}>
          <Title order={3} size="h5">
            {t('tokens.openLink')}
          </Title>
          <Text size="sm">{t('tokens.openLinkLead')}</Text>
          <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }} data-testid="open-link">
            {url}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}
