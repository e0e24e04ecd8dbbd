import { useLocale } from '@chiso/ui';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { apiErrorText, asApiError, transportErrorText } from '../../api-errors.js';
import { FormCard } from '../../components/form-card.js';
import {
  codeAndName,
  formatDateTime,
  isoToVietnamLocal,
  localName,
  vietnamLocalToIso,
} from '../../format.js';
import { graphql } from '../../graphql.js';
import { paths } from '../../paths.js';
import { QrCode } from '../../qr-code.js';
import { useDeskT } from './desk-messages.js';
import {
  canApologize,
  DESTRUCTIVE,
  type DeskAction,
  DossierFields,
  isOverdue,
  legalActions,
  NOTE_REQUIRED,
} from './dossier-rules.js';
import classes from './receipt.module.css';

const DossierQuery = graphql(
  `
  query DeskDossier($id: ID!) {
    dossier(id: $id) {
      __typename
      ... on Dossier {
        ...DossierFields
        events {
          at
          action
          fromState
          toState
          actorName
          note
        }
      }
      ... on Error {
        message
        messageEn
      }
    }
  }
`,
  [DossierFields],
);

const ErrorFields = graphql(`
  fragment MutationErrorFields on Error @_unmask {
    __typename
    message
    messageEn
    ... on ValidationError {
      fieldErrors {
        path
        message
        messageEn
      }
    }
  }
`);

const DossierWithEvents = graphql(
  `
  fragment DossierWithEvents on Dossier @_unmask {
    ...DossierFields
    events {
      at
      action
      fromState
      toState
      actorName
      note
    }
  }
`,
  [DossierFields],
);

const TransitionMutation = graphql(
  `
  mutation TransitionDossier($id: ID!, $action: DossierAction!, $note: String) {
    transitionDossier(id: $id, action: $action, note: $note) {
      __typename
      ... on MutationTransitionDossierSuccess {
        data {
          dossier {
            ...DossierWithEvents
          }
        }
      }
      ...MutationErrorFields
    }
  }
`,
  [DossierWithEvents, ErrorFields],
);

const ReturnResultMutation = graphql(
  `
  mutation ReturnResult($id: ID!, $note: String) {
    returnResult(id: $id, note: $note) {
      __typename
      ... on MutationReturnResultSuccess {
        data {
          dossier {
            ...DossierWithEvents
          }
          surveyInvitation {
            token
            url
            expiresAt
          }
        }
      }
      ...MutationErrorFields
    }
  }
`,
  [DossierWithEvents, ErrorFields],
);

const ApologizeMutation = graphql(
  `
  mutation ApologizeDossier($id: ID!, $reason: String!, $newAppointment: DateTime!) {
    apologizeDossier(id: $id, reason: $reason, newAppointment: $newAppointment) {
      __typename
      ... on MutationApologizeDossierSuccess {
        data {
          dossier {
            ...DossierWithEvents
          }
        }
      }
      ...MutationErrorFields
    }
  }
`,
  [DossierWithEvents, ErrorFields],
);

const IssueSurveyTokenMutation = graphql(
  `
  mutation IssueSurveyToken($dossierId: ID!) {
    issueSurveyToken(dossierId: $dossierId) {
      __typename
      ... on MutationIssueSurveyTokenSuccess {
        data {
          token
          url
          expiresAt
        }
      }
      ...MutationErrorFields
    }
  }
`,
  [ErrorFields],
);

/** One dossier: its facts, the legal next steps, the apology (form 04) and its history. */
export default function DossierPage() {
  const t = useDeskT();
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const [{ data, error }] = useQuery({ query: DossierQuery, variables: { id } });
  const [transitionState, transition] = useMutation(TransitionMutation);
  const [returnState, returnResult] = useMutation(ReturnResultMutation);
  const [, issueSurveyToken] = useMutation(IssueSurveyTokenMutation);
  const [notes, setNotes] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [survey, setSurvey] = useState<{ ok: boolean; text: string } | null>(null);

  if (error) {
    return (
      <Alert color="red" role="alert">
        {transportErrorText(error, locale)}
      </Alert>
    );
  }
  const dossier = data?.dossier;
  if (!dossier) return null;
  if (dossier.__typename !== 'Dossier') {
    const problem = asApiError(dossier);
    return (
      <Alert color="red" role="alert">
        {problem ? apiErrorText(problem, locale) : ''}
      </Alert>
    );
  }

  const now = new Date();
  const overdue = isOverdue(dossier, now);
  const actions = legalActions(dossier);
  const busy = transitionState.fetching || returnState.fetching;

  async function act(action: DeskAction) {
    if (dossier?.__typename !== 'Dossier') return;
    setOutcome(null);
    const note = notes.trim() || null;
    const result =
      action === 'RETURN_RESULT'
        ? await returnResult({ id: dossier.id, note })
        : await transition({ id: dossier.id, action, note });
    const answer =
      result.data && 'returnResult' in result.data
        ? result.data.returnResult
        : result.data?.transitionDossier;
    if (answer && 'data' in answer) {
      setNotes('');
      setOutcome({ ok: true, text: t('dossier.done', { state: t(`state.${answer.data.dossier.state}`) }) });
      if (action === 'RETURN_RESULT') {
        // Under an open after-dossier campaign the return itself issues the token; otherwise ask for one.
        const invitation =
          result.data &&
          'returnResult' in result.data &&
          result.data.returnResult.__typename === 'MutationReturnResultSuccess'
            ? result.data.returnResult.data.surveyInvitation
            : null;
        if (invitation) {
          setSurvey({ ok: true, text: new URL(invitation.url, window.location.origin).href });
          return;
        }
        const issued = await issueSurveyToken({ dossierId: dossier.id });
        const token = issued.data?.issueSurveyToken;
        if (token?.__typename === 'MutationIssueSurveyTokenSuccess') {
          setSurvey({ ok: true, text: new URL(token.data.url, window.location.origin).href });
        } else {
          const problem = asApiError(token);
          setSurvey({ ok: false, text: problem ? apiErrorText(problem, locale) : '' });
        }
      }
      return;
    }
    const problem = asApiError(answer);
    setOutcome({
      ok: false,
      text: problem
        ? apiErrorText(problem, locale)
        : result.error
          ? transportErrorText(result.error, locale)
          : '',
    });
  }

  const facts: [string, string][] = [
    [t('dossier.agency'), codeAndName(dossier.agency, locale)],
    [t('dossier.procedure'), codeAndName(dossier.procedure, locale)],
    [t('dossier.case'), dossier.case ? localName(dossier.case, locale) : '—'],
    [t('dossier.channel'), t(`channel.${dossier.channel}`)],
    [t('dossier.receivedAt'), formatDateTime(dossier.receivedAt, locale)],
    [t('dossier.dueAt'), formatDateTime(dossier.dueAt, locale)],
    [t('dossier.finishedAt'), formatDateTime(dossier.finishedAt, locale)],
    [t('dossier.returnedAt'), formatDateTime(dossier.returnedAt, locale)],
  ];

  return (
    <Stack>
      <Anchor component={Link} to={`${paths.desk}?agency=${encodeURIComponent(dossier.agency.id)}`} size="sm">
        ← {t('dossier.back')}
      </Anchor>
      <Group gap="sm">
        <Title order={2}>{t('dossier.heading', { code: dossier.receiptCode })}</Title>
        <Badge size="lg" variant="light" data-testid="dossier-state">
          {t(`state.${dossier.state}`)}
        </Badge>
        {overdue ? (
          <Badge size="lg" color="red" variant="filled">
            {t('desk.overdue')}
          </Badge>
        ) : null}
        {dossier.clockStopped ? (
          <Badge size="lg" color="gray" variant="light" c="dark.6">
            {t('desk.clockStopped')}
          </Badge>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md" radius="md">
          <Table variant="vertical" withRowBorders={false}>
            <Table.Tbody>
              {facts.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={160}>{label}</Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {dossier.apology ? (
            <Alert color="blue" mt="sm" data-testid="apology-notice">
              <Text size="sm" c="dark.8">
                {t('dossier.apology', {
                  reason: dossier.apology.reason,
                  time: formatDateTime(dossier.apology.newAppointment, locale),
                })}
              </Text>
            </Alert>
          ) : null}
        </Paper>
        <Stack>
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Title order={3} size="h4">
                {t('dossier.actions')}
              </Title>
              {actions.length === 0 ? (
                <Text size="sm">{t('dossier.noActions')}</Text>
              ) : (
                <>
                  <Textarea
                    label={
                      actions.some((a) => NOTE_REQUIRED.has(a))
                        ? t('dossier.noteRequired')
                        : t('dossier.note')
                    }
                    value={notes}
                    onChange={(event) => setNotes(event.currentTarget.value)}
                    autosize
                    minRows={2}
                  />
                  <Group gap="xs">
                    {actions.map((action) => (
                      <Button
                        key={action}
                        variant={DESTRUCTIVE.has(action) ? 'outline' : 'filled'}
                        color={DESTRUCTIVE.has(action) ? 'red.8' : undefined}
                        disabled={busy || (NOTE_REQUIRED.has(action) && !notes.trim())}
                        onClick={() => act(action)}
                      >
                        {t(`action.${action}`)}
                      </Button>
                    ))}
                  </Group>
                  {dossier.supplementRequested && dossier.state === 'PROCESSING' ? (
                    <Text size="xs" c="dimmed">
                      {t('dossier.supplementOnce')}
                    </Text>
                  ) : null}
                </>
              )}
              {outcome ? (
                <Alert
                  color={outcome.ok ? 'green' : 'red'}
                  role={outcome.ok ? 'status' : 'alert'}
                  data-testid="action-outcome"
                >
                  <Text size="sm" c="dark.8">
                    {outcome.text}
                  </Text>
                </Alert>
              ) : null}
              {survey?.ok ? <SurveySlip receiptCode={dossier.receiptCode} url={survey.text} /> : null}
              {survey && !survey.ok ? (
                <Alert color="gray" title={t('survey.heading')} data-testid="survey-token">
                  <Text size="sm" c="dark.8">
                    {t('survey.none', { reason: survey.text })}
                  </Text>
                </Alert>
              ) : null}
            </Stack>
          </Paper>
          {canApologize(dossier, now) ? <ApologyForm dossierId={dossier.id} dueAt={dossier.dueAt!} /> : null}
        </Stack>
      </SimpleGrid>
      <Title order={3} size="h4">
        {t('dossier.history')}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table striped withTableBorder data-testid="dossier-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('dossier.col.at')}</Table.Th>
              <Table.Th scope="col">{t('dossier.col.action')}</Table.Th>
              <Table.Th scope="col">{t('dossier.col.from')}</Table.Th>
              <Table.Th scope="col">{t('dossier.col.to')}</Table.Th>
              <Table.Th scope="col">{t('dossier.col.actor')}</Table.Th>
              <Table.Th scope="col">{t('dossier.col.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {dossier.events.map((event, index) => (
              // Events are append-only and never reordered: their position is their identity.
              <Table.Tr key={`${index}-${event.at}`}>
                <Table.Td>{formatDateTime(event.at, locale)}</Table.Td>
                <Table.Td>{t(`action.${event.action}`)}</Table.Td>
                <Table.Td>{event.fromState ? t(`state.${event.fromState}`) : '—'}</Table.Td>
                <Table.Td>{t(`state.${event.toState}`)}</Table.Td>
                <Table.Td>{event.actorName ?? '—'}</Table.Td>
                <Table.Td>{event.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function ApologyForm({ dossierId, dueAt }: { dossierId: string; dueAt: string }) {
  const t = useDeskT();
  const { locale } = useLocale();
  const [{ fetching }, apologize] = useMutation(ApologizeMutation);
  const [problem, setProblem] = useState<string | null>(null);
  // Default: two days after the current due time.
  const defaultAppointment = isoToVietnamLocal(
    new Date(new Date(dueAt).getTime() + 2 * 86_400_000).toISOString(),
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setProblem(null);
    const result = await apologize({
      id: dossierId,
      reason: String(form.get('reason') ?? '').trim(),
      newAppointment: vietnamLocalToIso(String(form.get('newAppointment') ?? '')),
    });
    const answer = result.data?.apologizeDossier;
    if (answer && 'data' in answer) return;
    const error = asApiError(answer);
    setProblem(
      error ? apiErrorText(error, locale) : result.error ? transportErrorText(result.error, locale) : '',
    );
  }

  return (
    <FormCard
      id="apology-heading"
      title={t('apology.heading')}
      onSubmit={onSubmit}
      submitLabel={t('apology.submit')}
      submitting={fetching}
      submit={{ variant: 'outline' }}
      after={
        problem ? (
          <Alert color="red" role="alert">
            <Text size="sm" c="dark.8">
              {problem}
            </Text>
          </Alert>
        ) : null
      }
    >
      <Text size="sm" c="dimmed">
        {t('apology.lead')}
      </Text>
      <Textarea name="reason" label={t('apology.reason')} required autosize minRows={2} />
      <TextInput
        name="newAppointment"
        type="datetime-local"
        label={t('apology.newAppointment')}
        defaultValue={defaultAppointment}
        required
      />
    </FormCard>
  );
}

/** The survey invitation handed over with the result: the single-use link as a QR code, printable on its own. */
function SurveySlip({ receiptCode, url }: { receiptCode: string; url: string }) {
  const t = useDeskT();
  function print() {
    document.body.classList.add(classes.printingSlip ?? '');
    window.addEventListener('afterprint', () => document.body.classList.remove(classes.printingSlip ?? ''), {
      once: true,
    });
    window.print();
  }
  return (
    <Paper withBorder p="md" radius="md" className={classes.slip} data-testid="survey-token">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('survey.slipHeading')}
        </Title>
        <Group align="flex-start" wrap="wrap" gap="md">
          <QrCode value={url} label={t('survey.qr')} size={140} />
          <Stack gap={4} style={{ flex: '1 1 200px', minWidth: 0 }}>
            <Text size="sm">{t('survey.slipLead', { code: receiptCode })}</Text>
            <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="survey-url">
              {url}
            </Text>
          </Stack>
        </Group>
        <Group className={classes.noPrint}>
          <Button size="compact-sm" variant="default" onClick={print}>
            {t('survey.print')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
