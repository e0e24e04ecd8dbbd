import { useLocale } from '@chiso/ui';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Loader,
  Paper,
  Radio,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { paths } from '../app-paths.js';
import { newIdempotencyKey } from '../format.js';
import { graphql } from '../graphql.js';
import { useT } from '../messages.js';
import { feedbackStatusLabel, vietnamDate } from './feedback-labels.js';

const FeedbackStatusQuery = graphql(`
  query FeedbackStatus($code: String!) {
    feedbackStatus(code: $code) {
      __typename
      ... on FeedbackFollowUp {
        code
        status
        receivedAt
        dueAt
        overdue
        answer
        answeredAt
        publishedAt
        canRate
        rated
      }
      ... on Error {
        message
        messageEn
      }
    }
  }
`);

const RateHandlingMutation = graphql(`
  mutation RateFeedbackHandling($code: String!, $idempotencyKey: String!, $rating: Int!) {
    rateFeedbackHandling(code: $code, idempotencyKey: $idempotencyKey, rating: $rating) {
      __typename
      ... on Error {
        message
        messageEn
      }
    }
  }
`);

/** After the answer: how satisfied the citizen is with the handling (criterion 5.3 of SIPAS measures it). */
function RateHandling({ code, rated }: { code: string; rated: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const [rating, setRating] = useState<string | null>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [{ fetching }, rate] = useMutation(RateHandlingMutation);
  const [done, setDone] = useState(rated);
  const [problem, setProblem] = useState<string | null>(null);

  if (done) return <Text data-testid="feedback-rated">{t('feedback.rated')}</Text>;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!rating) return;
    const result = await rate({ code, idempotencyKey, rating: Number(rating) });
    const outcome = result.data?.rateFeedbackHandling;
    if (!outcome) return setProblem(t('common.networkError'));
    if (outcome.__typename === 'MutationRateFeedbackHandlingSuccess') return setDone(true);
    return setProblem(locale === 'en' ? outcome.messageEn : outcome.message);
  }

  return (
    <form onSubmit={onSubmit}>
      <Stack gap="xs">
        <Radio.Group label={t('feedback.rateLabel')} value={rating} onChange={setRating}>
          <Stack gap={6} mt="xs">
            {[5, 4, 3, 2, 1].map((value) => (
              <Radio
                key={value}
                value={String(value)}
                label={t(`feedback.rate.${value as 1 | 2 | 3 | 4 | 5}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        {problem ? (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        ) : null}
        <Button type="submit" loading={fetching} disabled={!rating} w="fit-content">
          {t('feedback.rateSubmit')}
        </Button>
      </Stack>
    </form>
  );
}

/** Follow up one's feedback by its code: where it stands, its due date, the answer once given. */
export default function FeedbackStatusPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { code = '' } = useParams();
  const [input, setInput] = useState(code);
  const [{ data, fetching, error }] = useQuery({
    query: FeedbackStatusQuery,
    variables: { code },
    pause: !code,
    requestPolicy: 'cache-and-network',
  });
  const result = data?.feedbackStatus;

  useEffect(() => {
    document.title = `${t('feedback.followHeading')} — ${t('app.title')}`;
  }, [t]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (input.trim()) navigate(paths.feedbackStatus(input.trim()));
  }

  return (
    <Stack gap="lg">
      <Title order={2}>{t('feedback.followHeading')}</Title>
      <form onSubmit={onSubmit}>
        <Stack gap="sm" maw={420}>
          <TextInput
            label={t('feedback.codeLabel')}
            value={input}
            onChange={(e) => setInput(e.currentTarget.value)}
            autoComplete="off"
          />
          <Button type="submit" w="fit-content">
            {t('feedback.follow')}
          </Button>
        </Stack>
      </form>
      {fetching && !data ? <Loader aria-label={t('common.loading')} /> : null}
      {error && !data ? (
        <Alert color="red" role="alert">
          {t('common.networkError')}
        </Alert>
      ) : null}
      {result && result.__typename !== 'FeedbackFollowUp' ? (
        <Alert color="red" role="alert" data-testid="feedback-status-error">
          {t('feedback.unknownCode')}
        </Alert>
      ) : null}
      {result?.__typename === 'FeedbackFollowUp' ? (
        <Paper withBorder p="md" radius="md" data-testid="feedback-status">
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('feedback.statusOf', { code: result.code })}
            </Title>
            <Text>
              {t('dossier.state')}{' '}
              <Badge variant="light" size="lg" c="dark.8" data-testid="feedback-status-badge">
                {feedbackStatusLabel(t, result.status)}
              </Badge>
            </Text>
            <Text>{t('feedback.receivedAt', { date: vietnamDate(result.receivedAt, locale) })}</Text>
            {result.dueAt ? (
              <Text fw={600} c={result.overdue ? 'red.9' : undefined}>
                {t(result.overdue ? 'feedback.overdue' : 'feedback.dueAt', {
                  date: vietnamDate(result.dueAt, locale),
                })}
              </Text>
            ) : null}
            {result.answer ? (
              <Paper bg="gray.0" p="sm" radius="sm">
                <Text fw={600}>
                  {t('feedback.answer')}
                  {result.answeredAt ? ` (${vietnamDate(result.answeredAt, locale)})` : ''}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{result.answer}</Text>
              </Paper>
            ) : (
              <Text>{t('feedback.noAnswerYet')}</Text>
            )}
            {result.canRate || result.rated ? <RateHandling code={result.code} rated={result.rated} /> : null}
          </Stack>
        </Paper>
      ) : null}
      <Anchor component={Link} to={paths.publishedFeedback}>
        {t('feedback.publishedLink')}
      </Anchor>
    </Stack>
  );
}
