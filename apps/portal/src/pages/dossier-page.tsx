import { useLocale, useLocalized } from '@chiso/ui';
import {
  Alert,
  Badge,
  Button,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useClient } from 'urql';
import { formatVietnamDateTime } from '../format.js';
import { graphql, type ResultOf } from '../graphql.js';
import { useT } from '../messages.js';

const DossierStatusQuery = graphql(`
  query DossierStatus($receiptCode: String!, $pin: String!) {
    dossierStatus(receiptCode: $receiptCode, pin: $pin) {
      __typename
      ... on DossierTracking {
        receiptCode
        state
        stateName
        stateNameEn
        receivedAt
        dueAt
        apology {
          reason
          newAppointment
        }
        history {
          action
          at
          state
        }
      }
      ... on TooManyRequestsError {
        retryAfterSeconds
      }
      ... on Error {
        message
        messageEn
      }
    }
  }
`);

const RequestSurveyMutation = graphql(`
  mutation RequestDossierSurvey($receiptCode: String!, $pin: String!) {
    requestDossierSurvey(receiptCode: $receiptCode, pin: $pin) {
      __typename
      ... on MutationRequestDossierSurveySuccess {
        data {
          url
          expiresAt
        }
      }
      ... on TooManyRequestsError {
        retryAfterSeconds
      }
      ... on Error {
        message
        messageEn
      }
    }
  }
`);

type Tracking = Extract<
  ResultOf<typeof DossierStatusQuery>['dossierStatus'],
  { __typename: 'DossierTracking' }
>;

type Outcome =
  | { kind: 'found'; tracking: Tracking; receiptCode: string; pin: string }
  | { kind: 'notFound' }
  | { kind: 'rateLimited'; seconds: number }
  | { kind: 'invalid'; message: string }
  | { kind: 'network' };

const CLOSED_STATES = new Set(['RETURNED', 'REFUSED', 'WITHDRAWN', 'STOPPED']);

/**
 * For a returned dossier: asks for the single-use survey link with the code and PIN just verified, and opens the
 * survey form; otherwise says why not (already answered, no survey open).
 */
function RateService({ receiptCode, pin }: { receiptCode: string; pin: string }) {
  const t = useT();
  const { locale } = useLocale();
  const client = useClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function rate() {
    setBusy(true);
    setProblem(null);
    const result = await client.mutation(RequestSurveyMutation, { receiptCode, pin }).toPromise();
    setBusy(false);
    const outcome = result.data?.requestDossierSurvey;
    if (!outcome) return setProblem(t('common.networkError'));
    if (outcome.__typename === 'MutationRequestDossierSurveySuccess') {
      navigate(outcome.data.url);
      return;
    }
    if (outcome.__typename === 'TooManyRequestsError') {
      return setProblem(t('common.retryAfter', { seconds: outcome.retryAfterSeconds }));
    }
    setProblem(locale === 'en' ? outcome.messageEn : outcome.message);
  }

  return (
    <Stack gap="xs" data-testid="dossier-rate">
      <Text>{t('dossier.rateLead')}</Text>
      <Button onClick={rate} loading={busy} w="fit-content">
        {t('dossier.rate')}
      </Button>
      {problem ? (
        <Alert color="orange" role="alert" data-testid="dossier-rate-problem">
          {problem}
        </Alert>
      ) : null}
    </Stack>
  );
}

function DossierResult({
  tracking,
  receiptCode,
  pin,
}: {
  tracking: Tracking;
  receiptCode: string;
  pin: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  const localized = useLocalized();
  const when = (iso: string) => formatVietnamDateTime(iso, locale);
  const open = !CLOSED_STATES.has(tracking.state);
  const late = open && tracking.dueAt !== null && new Date(tracking.dueAt).getTime() < Date.now();

  return (
    <Paper
      component="section"
      withBorder
      p="md"
      radius="md"
      aria-labelledby="dossier-heading"
      data-testid="dossier-result"
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id="dossier-heading">
          {t('dossier.resultHeading', { code: tracking.receiptCode })}
        </Title>
        <Text>
          {t('dossier.state')}{' '}
          <Badge
            size="lg"
            variant="light"
            color={late ? 'red' : 'blue'}
            c="dark.8"
            data-testid="dossier-state"
          >
            {localized({ vi: tracking.stateName, en: tracking.stateNameEn })}
          </Badge>
        </Text>
        <Text>{t('dossier.receivedAt', { time: when(tracking.receivedAt) })}</Text>
        {tracking.dueAt ? (
          <Text fw={600} data-testid="dossier-due">
            {t('dossier.dueAt', { time: when(tracking.dueAt) })}
          </Text>
        ) : null}
        {late && !tracking.apology ? <Alert color="red">{t('dossier.late')}</Alert> : null}
        {tracking.apology ? (
          <Alert color="yellow" title={t('dossier.apologyTitle')} data-testid="dossier-apology">
            <Text size="sm">{tracking.apology.reason}</Text>
            <Text size="sm" fw={600}>
              {t('dossier.newAppointment', { time: when(tracking.apology.newAppointment) })}
            </Text>
          </Alert>
        ) : null}
        {tracking.state === 'RETURNED' ? <RateService receiptCode={receiptCode} pin={pin} /> : null}
        <Title order={4} size="h5">
          {t('dossier.history')}
        </Title>
        <Timeline
          bulletSize={14}
          lineWidth={2}
          active={tracking.history.length - 1}
          data-testid="dossier-history"
        >
          {tracking.history.map((event) => (
            <Timeline.Item key={`${event.at}-${event.action}`} title={t(`dossier.action.${event.action}`)}>
              <Text size="sm" c="dimmed">
                {when(event.at)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
        <Text size="sm" c="dimmed">
          {t('dossier.timeZone')}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Track a dossier with its receipt code and PIN (`?ma=` fills the code, as printed in a receipt's QR code). */
export default function DossierPage() {
  const t = useT();
  const { locale } = useLocale();
  const client = useClient();
  const [params] = useSearchParams();
  const [receiptCode, setReceiptCode] = useState(params.get('ma') ?? '');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    document.title = `${t('dossier.heading')} — ${t('app.title')}`;
  }, [t]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const credentials = { receiptCode: receiptCode.trim(), pin: pin.trim() };
    const result = await client
      .query(DossierStatusQuery, credentials, { requestPolicy: 'network-only' })
      .toPromise();
    setBusy(false);
    const status = result.data?.dossierStatus;
    if (!status) setOutcome({ kind: 'network' });
    else if (status.__typename === 'DossierTracking')
      setOutcome({ kind: 'found', tracking: status, ...credentials });
    else if (status.__typename === 'TooManyRequestsError')
      setOutcome({ kind: 'rateLimited', seconds: status.retryAfterSeconds });
    else if (status.__typename === 'ValidationError')
      setOutcome({ kind: 'invalid', message: locale === 'en' ? status.messageEn : status.message });
    else setOutcome({ kind: 'notFound' });
  }

  return (
    <Stack gap="lg">
      <Title order={2}>{t('dossier.heading')}</Title>
      <Text>{t('dossier.lead')}</Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm" maw={420}>
          <TextInput
            label={t('dossier.receiptCode')}
            description={t('dossier.receiptCodeHint')}
            value={receiptCode}
            onChange={(event) => setReceiptCode(event.currentTarget.value)}
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            size="md"
          />
          <PasswordInput
            label={t('dossier.pin')}
            description={t('dossier.pinHint')}
            value={pin}
            onChange={(event) => setPin(event.currentTarget.value)}
            required
            inputMode="numeric"
            autoComplete="off"
            size="md"
          />
          <Button type="submit" size="md" loading={busy} disabled={!receiptCode.trim() || !pin.trim()}>
            {t('dossier.submit')}
          </Button>
        </Stack>
      </form>
      <div aria-live="polite">
        {outcome?.kind === 'notFound' ? (
          <Alert color="red" role="alert" data-testid="dossier-error">
            {t('dossier.notFound')}
          </Alert>
        ) : null}
        {outcome?.kind === 'rateLimited' ? (
          <Alert color="orange" role="alert" data-testid="dossier-error">
            {t('common.retryAfter', { seconds: outcome.seconds })}
          </Alert>
        ) : null}
        {outcome?.kind === 'invalid' ? (
          <Alert color="red" role="alert" data-testid="dossier-error">
            {outcome.message}
          </Alert>
        ) : null}
        {outcome?.kind === 'network' ? (
          <Alert color="red" role="alert" data-testid="dossier-error">
            {t('common.networkError')}
          </Alert>
        ) : null}
        {outcome?.kind === 'found' ? (
          <DossierResult tracking={outcome.tracking} receiptCode={outcome.receiptCode} pin={outcome.pin} />
        ) : null}
      </div>
    </Stack>
  );
}
