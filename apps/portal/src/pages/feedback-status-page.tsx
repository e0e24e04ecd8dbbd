import { useLocale } from '@chiso/ui';
import { Alert, Anchor, Badge, Button, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { paths } from '../app-paths.js';
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
      }
      ... on Error {
        message
        messageEn
      }
    }
  }
`);

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
          </Stack>
        </Paper>
      ) : null}
      <Anchor component={Link} to={paths.publishedFeedback}>
        {t('feedback.publishedLink')}
      </Anchor>
    </Stack>
  );
}
