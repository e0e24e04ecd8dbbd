import { useLocale } from '@chiso/ui';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { apiErrorText, asApiError, transportErrorText } from '../../api-errors.js';
import { FormCard } from '../../components/form-card.js';
import { codeAndName, formatDateTime } from '../../format.js';
import { graphql, type ResultOf } from '../../graphql.js';
import { paths } from '../../paths.js';
import { useFeedbackT } from './feedback-messages.js';

const FeedbackFields = graphql(`
  fragment FeedbackFields on Feedback @_unmask {
    id
    code
    title
    body
    status
    category
    channel
    subject
    anonymous
    receivedAt
    dueAt
    overdue
    answer
    answeredAt
    publishAllowed
    publishedAt
    citizenRating
    agency { id code name nameEn }
    procedure { id code name nameEn }
    events { action actorName at fromStatus toStatus note }
  }
`);

const FeedbackQuery = graphql(
  `
  query FeedbackItem($id: ID!) {
    feedback(id: $id) {
      __typename
      ... on Feedback { ...FeedbackFields }
      ... on Error { message messageEn }
    }
  }
`,
  [FeedbackFields],
);

const AgenciesQuery = graphql(`
  query FeedbackAgencies {
    agencies(first: 100) { edges { node { id code name nameEn } } }
  }
`);

const ClassifyMutation = graphql(
  `
  mutation ClassifyFeedback($id: ID!, $category: FeedbackCategory!, $note: String) {
    classifyFeedback(id: $id, category: $category, note: $note) {
      __typename
      ... on MutationClassifyFeedbackSuccess { data { ...FeedbackFields } }
      ... on Error { message messageEn }
      ... on ValidationError { fieldErrors { path message messageEn } }
    }
  }
`,
  [FeedbackFields],
);

const TransferMutation = graphql(
  `
  mutation TransferFeedback($id: ID!, $toAgencyCode: String!, $note: String) {
    transferFeedback(id: $id, toAgencyCode: $toAgencyCode, note: $note) {
      __typename
      ... on MutationTransferFeedbackSuccess { data { ...FeedbackFields } }
      ... on Error { message messageEn }
      ... on ValidationError { fieldErrors { path message messageEn } }
    }
  }
`,
  [FeedbackFields],
);

const AnswerMutation = graphql(
  `
  mutation AnswerFeedback($id: ID!, $answer: String!, $publishAllowed: Boolean!) {
    answerFeedback(id: $id, answer: $answer, publishAllowed: $publishAllowed) {
      __typename
      ... on MutationAnswerFeedbackSuccess { data { ...FeedbackFields } }
      ... on Error { message messageEn }
      ... on ValidationError { fieldErrors { path message messageEn } }
    }
  }
`,
  [FeedbackFields],
);

const PublishMutation = graphql(
  `
  mutation PublishFeedbackAnswer($id: ID!) {
    publishFeedbackAnswer(id: $id) {
      __typename
      ... on MutationPublishFeedbackAnswerSuccess { data { ...FeedbackFields } }
      ... on Error { message messageEn }
    }
  }
`,
  [FeedbackFields],
);

const RejectMutation = graphql(
  `
  mutation RejectFeedback($id: ID!, $reason: String!) {
    rejectFeedback(id: $id, reason: $reason) {
      __typename
      ... on MutationRejectFeedbackSuccess { data { ...FeedbackFields } }
      ... on Error { message messageEn }
      ... on ValidationError { fieldErrors { path message messageEn } }
    }
  }
`,
  [FeedbackFields],
);

type Item = Extract<NonNullable<ResultOf<typeof FeedbackQuery>['feedback']>, { __typename: 'Feedback' }>;
type Outcome = { ok: boolean; text: string } | null;
type Answer = { __typename: string; data?: { status: Item['status'] } } | null | undefined;

const CATEGORIES = ['CONDUCT', 'REGULATION', 'OUT_OF_SCOPE'] as const;
const CAN_CLASSIFY = ['RECEIVED', 'TRANSFERRED'];
const CAN_TRANSFER = ['RECEIVED', 'CLASSIFIED', 'TRANSFERRED'];
const CAN_ANSWER = ['CLASSIFIED', 'TRANSFERRED'];

/** Whole days from now to `iso` (negative when past). */
function daysUntil(iso: string, now = Date.now()): number {
  return Math.round((new Date(iso).getTime() - now) / 86_400_000);
}

/** One feedback item: facts, the steps its status allows (classify, transfer, answer, publish, refuse), history. */
export default function FeedbackPage() {
  const t = useFeedbackT();
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const [{ data, error }] = useQuery({ query: FeedbackQuery, variables: { id } });
  const [outcome, setOutcome] = useState<Outcome>(null);

  if (error) {
    return (
      <Alert color="red" role="alert">
        {transportErrorText(error, locale)}
      </Alert>
    );
  }
  const item = data?.feedback;
  if (!item) return null;
  if (item.__typename !== 'Feedback') {
    const problem = asApiError(item);
    return (
      <Alert color="red" role="alert">
        {problem ? apiErrorText(problem, locale) : ''}
      </Alert>
    );
  }

  /** Turns a mutation's answer into the outcome line. */
  function report(answer: Answer, transport: Parameters<typeof transportErrorText>[0] | undefined) {
    if (answer?.data) {
      setOutcome({ ok: true, text: t('done', { status: t(`status.${answer.data.status}`) }) });
      return true;
    }
    const problem = asApiError(answer);
    setOutcome({
      ok: false,
      text: problem ? apiErrorText(problem, locale) : transport ? transportErrorText(transport, locale) : '',
    });
    return false;
  }

  const facts: [string, string][] = [
    [t('item.channel'), t(`channel.${item.channel}`)],
    [t('item.receivedAt'), formatDateTime(item.receivedAt, locale)],
    [t('item.agency'), item.agency ? codeAndName(item.agency, locale) : '—'],
    [t('item.procedure'), item.procedure ? codeAndName(item.procedure, locale) : '—'],
    [t('item.category'), item.category ? t(`category.${item.category}`) : t('category.none')],
    [t('item.dueAt'), formatDateTime(item.dueAt, locale)],
    [t('item.answeredAt'), formatDateTime(item.answeredAt, locale)],
    [t('item.publishedAt'), formatDateTime(item.publishedAt, locale)],
    [t('item.rating'), item.citizenRating ? `${item.citizenRating}/5` : '—'],
  ];

  return (
    <Stack>
      <Anchor component={Link} to={paths.feedback} size="sm">
        ← {t('item.back')}
      </Anchor>
      <Group gap="sm">
        <Title order={2}>{t('item.heading', { code: item.code })}</Title>
        <Badge size="lg" variant="light" c="dark.8" data-testid="feedback-status">
          {t(`status.${item.status}`)}
        </Badge>
        {item.overdue ? (
          <Badge size="lg" color="red.9" variant="filled" data-testid="overdue-badge">
            {t('overdue')}
          </Badge>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Stack gap="xs">
            <Title order={3} size="h4">
              {item.title}
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{item.body}</Text>
            {item.anonymous ? (
              <Text size="sm" c="dimmed">
                {t('item.anonymous')}
              </Text>
            ) : null}
            <Table withRowBorders={false} data-testid="feedback-facts">
              <Table.Tbody>
                {facts.map(([label, value]) => (
                  <Table.Tr key={label}>
                    <Table.Th scope="row" fw={400} c="dimmed" w="40%">
                      {label}
                    </Table.Th>
                    <Table.Td>{value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {item.answer ? (
              <Alert color="blue" title={t('item.answer')} data-testid="feedback-answer">
                <Text size="sm" c="dark.8" style={{ whiteSpace: 'pre-wrap' }}>
                  {item.answer}
                </Text>
              </Alert>
            ) : null}
          </Stack>
        </Paper>
        <Stack>
          {outcome ? (
            <Alert
              color={outcome.ok ? 'green' : 'red'}
              role={outcome.ok ? 'status' : 'alert'}
              data-testid="feedback-outcome"
            >
              <Text size="sm" c="dark.8">
                {outcome.text}
              </Text>
            </Alert>
          ) : null}
          {CAN_CLASSIFY.includes(item.status) ? <ClassifyForm item={item} report={report} /> : null}
          {CAN_ANSWER.includes(item.status) ? <AnswerForm item={item} report={report} /> : null}
          {item.status === 'ANSWERED' ? <PublishAction item={item} report={report} /> : null}
          {CAN_TRANSFER.includes(item.status) ? <TransferForm item={item} report={report} /> : null}
          {CAN_TRANSFER.includes(item.status) ? <RejectForm item={item} report={report} /> : null}
        </Stack>
      </SimpleGrid>
      <History item={item} />
    </Stack>
  );
}

type Report = (answer: Answer, transport: Parameters<typeof transportErrorText>[0] | undefined) => boolean;

/** The officer's optional note on a step of the lifecycle. */
function NoteField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useFeedbackT();
  return (
    <Textarea
      label={t('item.note')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      autosize
      minRows={1}
    />
  );
}

function ClassifyForm({ item, report }: { item: Item; report: Report }) {
  const t = useFeedbackT();
  const [state, classify] = useMutation(ClassifyMutation);
  const [category, setCategory] = useState<(typeof CATEGORIES)[number]>(item.category ?? 'CONDUCT');
  const [note, setNote] = useState('');
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await classify({ id: item.id, category, note: note.trim() || null });
    if (report(result.data?.classifyFeedback as Answer, result.error)) setNote('');
  }
  return (
    <FormCard
      id="classify-heading"
      title={t('classify.heading')}
      titleSize="h5"
      onSubmit={onSubmit}
      submitLabel={t('classify.submit')}
      submitting={state.fetching}
    >
      <NativeSelect
        label={t('item.category')}
        value={category}
        onChange={(event) => setCategory(event.currentTarget.value as typeof category)}
        data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        description={t('classify.hint')}
      />
      <NoteField value={note} onChange={setNote} />
    </FormCard>
  );
}

function AnswerForm({ item, report }: { item: Item; report: Report }) {
  const t = useFeedbackT();
  const { locale } = useLocale();
  const [state, answer] = useMutation(AnswerMutation);
  const [text, setText] = useState('');
  const [publishAllowed, setPublishAllowed] = useState(true);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await answer({ id: item.id, answer: text, publishAllowed });
    if (report(result.data?.answerFeedback as Answer, result.error)) setText('');
  }
  const days = item.dueAt ? daysUntil(item.dueAt) : null;
  return (
    <FormCard
      id="answer-heading"
      title={t('answer.heading')}
      titleSize="h5"
      onSubmit={onSubmit}
      submitLabel={t('answer.submit')}
      submitting={state.fetching}
      submit={{ disabled: !item.category }}
    >
      {item.dueAt && days !== null ? (
        <Text
          size="sm"
          c={item.overdue ? 'red.9' : undefined}
          fw={item.overdue ? 700 : undefined}
          data-testid="answer-deadline"
        >
          {t('answer.deadline', {
            time: formatDateTime(item.dueAt, locale),
            left: days < 0 ? t('answer.daysLate', { days: -days }) : t('answer.daysLeft', { days }),
          })}
        </Text>
      ) : null}
      {item.category ? null : (
        <Text size="sm" c="dimmed">
          {t('answer.needsCategory')}
        </Text>
      )}
      <Textarea
        label={t('answer.text')}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        autosize
        minRows={3}
        required
      />
      <Checkbox
        label={t('answer.publishAllowed')}
        checked={publishAllowed}
        onChange={(event) => setPublishAllowed(event.currentTarget.checked)}
      />
    </FormCard>
  );
}

function PublishAction({ item, report }: { item: Item; report: Report }) {
  const t = useFeedbackT();
  const [state, publish] = useMutation(PublishMutation);
  if (!item.publishAllowed) {
    return (
      <Text size="sm" c="dimmed">
        {t('publish.notAllowed')}
      </Text>
    );
  }
  return (
    <Group>
      <Button
        loading={state.fetching}
        onClick={async () => {
          const result = await publish({ id: item.id });
          report(result.data?.publishFeedbackAnswer as Answer, result.error);
        }}
      >
        {t('publish.submit')}
      </Button>
    </Group>
  );
}

function TransferForm({ item, report }: { item: Item; report: Report }) {
  const t = useFeedbackT();
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: AgenciesQuery });
  const [state, transfer] = useMutation(TransferMutation);
  const options = (data?.agencies?.edges ?? [])
    .map(({ node }) => node)
    .filter((agency) => agency.id !== item.agency?.id);
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const chosen = target || options[0]?.code || '';
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await transfer({ id: item.id, toAgencyCode: chosen, note: note.trim() || null });
    if (report(result.data?.transferFeedback as Answer, result.error)) setNote('');
  }
  return (
    <FormCard
      id="transfer-heading"
      title={t('transfer.heading')}
      titleSize="h5"
      onSubmit={onSubmit}
      submitLabel={t('transfer.submit')}
      submitting={state.fetching}
      submit={{ variant: 'default', disabled: !chosen }}
    >
      <NativeSelect
        label={t('transfer.agency')}
        value={chosen}
        onChange={(event) => setTarget(event.currentTarget.value)}
        data={options.map((a) => ({ value: a.code, label: codeAndName(a, locale) }))}
      />
      <NoteField value={note} onChange={setNote} />
    </FormCard>
  );
}

function RejectForm({ item, report }: { item: Item; report: Report }) {
  const t = useFeedbackT();
  const [state, reject] = useMutation(RejectMutation);
  const [reason, setReason] = useState('');
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const result = await reject({ id: item.id, reason });
    if (report(result.data?.rejectFeedback as Answer, result.error)) setReason('');
  }
  return (
    <FormCard
      id="reject-heading"
      title={t('reject.heading')}
      titleSize="h5"
      onSubmit={onSubmit}
      submitLabel={t('reject.submit')}
      submitting={state.fetching}
      submit={{ color: 'red', variant: 'light' }}
    >
      <Textarea
        label={t('reject.reason')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        autosize
        minRows={1}
        required
      />
    </FormCard>
  );
}

function History({ item }: { item: Item }) {
  const t = useFeedbackT();
  const { locale } = useLocale();
  return (
    <>
      <Title order={3} size="h4">
        {t('history.heading')}
      </Title>
      <Table.ScrollContainer minWidth={720}>
        <Table striped withTableBorder data-testid="feedback-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('history.col.at')}</Table.Th>
              <Table.Th scope="col">{t('history.col.action')}</Table.Th>
              <Table.Th scope="col">{t('history.col.status')}</Table.Th>
              <Table.Th scope="col">{t('history.col.actor')}</Table.Th>
              <Table.Th scope="col">{t('history.col.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {item.events.map((event, index) => (
              <Table.Tr key={`${event.at}-${index}`}>
                <Table.Td>{formatDateTime(event.at, locale)}</Table.Td>
                <Table.Td>{actionLabel(t, event.action)}</Table.Td>
                <Table.Td>
                  {event.fromStatus ? `${t(`status.${event.fromStatus}`)} → ` : ''}
                  {t(`status.${event.toStatus}`)}
                </Table.Td>
                <Table.Td>{event.actorName ?? t('history.citizen')}</Table.Td>
                <Table.Td>{event.note ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

const ACTIONS = ['receive', 'classify', 'transfer', 'answer', 'publish', 'reject', 'rate'] as const;

function actionLabel(t: ReturnType<typeof useFeedbackT>, action: string): string {
  return (ACTIONS as readonly string[]).includes(action)
    ? t(`action.${action as (typeof ACTIONS)[number]}`)
    : action;
}
