import { useLocale } from '@chiso/ui';
import { Alert, Button, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../graphql.js';
import { useT } from '../messages.js';
import { vietnamDate } from './feedback-labels.js';

const PAGE_SIZE = 10;

const PublishedFeedbackQuery = graphql(`
  query PublishedFeedback($search: String, $first: Int, $after: String) {
    publishedFeedback(search: $search, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          code
          title
          answer
          agency {
            code
            name
          }
          procedure {
            code
            name
          }
          receivedAt
          publishedAt
        }
      }
    }
  }
`);

function AnswersPage({
  search,
  after,
  isLast,
  onLoadMore,
}: {
  search: string;
  after: string | null;
  isLast: boolean;
  onLoadMore: (cursor: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [{ data, fetching, error }] = useQuery({
    query: PublishedFeedbackQuery,
    variables: { search: search || null, first: PAGE_SIZE, after },
  });
  const connection = data?.publishedFeedback;
  return (
    <>
      {error ? (
        <Alert color="red" role="alert">
          {t('common.loadError')}
        </Alert>
      ) : null}
      {fetching && !connection ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {after === null && connection && connection.edges.length === 0 ? (
        <Text data-testid="published-empty">{t('published.none')}</Text>
      ) : null}
      {connection?.edges.map(({ node }) => (
        <Paper key={node.code} withBorder p="md" radius="md" component="article" data-testid="published-item">
          <Stack gap={6}>
            <Title order={3} size="h5">
              {node.title}
            </Title>
            <Text size="sm" c="dimmed">
              {[node.agency?.name, node.procedure?.name, vietnamDate(node.receivedAt, locale)]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            <Text fw={600} size="sm">
              {t('feedback.answer')}
            </Text>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{node.answer}</Text>
          </Stack>
        </Paper>
      ))}
      {isLast && connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor ? (
        <Button
          variant="light"
          onClick={() => onLoadMore(connection.pageInfo.endCursor as string)}
          w="fit-content"
        >
          {t('procedures.loadMore')}
        </Button>
      ) : null}
    </>
  );
}

/** Published answers to feedback, newest first, searchable without diacritics. */
export default function PublishedFeedbackPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [input, setInput] = useState(params.get('q') ?? '');
  const [search] = useDebouncedValue(input.trim(), 250);
  const [pages, setPages] = useState<{ search: string; cursors: (string | null)[] }>({
    search,
    cursors: [null],
  });
  const cursors = pages.search === search ? pages.cursors : [null];

  useEffect(() => {
    document.title = `${t('published.heading')} — ${t('app.title')}`;
  }, [t]);
  useEffect(() => {
    setParams(search ? { q: search } : {}, { replace: true });
  }, [search, setParams]);

  return (
    <Stack gap="lg">
      <Title order={2}>{t('published.heading')}</Title>
      <Text>{t('published.lead')}</Text>
      <search>
        <TextInput
          label={t('published.search')}
          value={input}
          onChange={(e) => setInput(e.currentTarget.value)}
          type="search"
          size="md"
        />
      </search>
      <Stack gap="sm" aria-live="polite">
        {cursors.map((after, index) => (
          <AnswersPage
            key={`${search}|${after ?? ''}`}
            search={search}
            after={after}
            isLast={index === cursors.length - 1}
            onLoadMore={(cursor) => setPages({ search, cursors: [...cursors, cursor] })}
          />
        ))}
      </Stack>
    </Stack>
  );
}
