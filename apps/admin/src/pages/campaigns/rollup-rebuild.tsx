import { useLocale } from '@chiso/ui';
import { Alert, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { apiErrorText, asApiError, transportErrorText } from '../../api-errors.js';
import { formatNumber } from '../../format.js';
import { graphql, type ResultOf } from '../../graphql.js';
import { OperationProgress } from '../../import/import-kit.js';
import { useCampaignT } from './campaign-messages.js';
import classes from './campaigns.module.css';

const RebuildRollupsMutation = graphql(`
  mutation RebuildCampaignRollups($campaignCode: String!) {
    rebuildRollups(campaignCode: $campaignCode) {
      __typename
      ... on MutationRebuildRollupsSuccess { data { cells responses durationMs figuresChanged } }
      ... on Error { message messageEn }
    }
  }
`);

type Rebuilt = Extract<
  NonNullable<ResultOf<typeof RebuildRollupsMutation>['rebuildRollups']>,
  { __typename: 'MutationRebuildRollupsSuccess' }
>['data'];

/**
 * Rebuilds a campaign's rollups from its raw responses (admins of its unit): asked for confirmation (it reads
 * every response in one transaction), started once, shown as an indeterminate progress with the time elapsed
 * (the API does it in one call), then its outcome. The report figures in the cache are invalidated by the
 * mutation's Graphcache update, so open reports fetch them again.
 */
export function RollupRebuild({ code }: { code: string }) {
  const t = useCampaignT();
  const { locale } = useLocale();
  const [confirming, setConfirming] = useState(false);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<{ rebuilt: Rebuilt; elapsedMs: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const running = useRef(false);
  const [, rebuild] = useMutation(RebuildRollupsMutation);
  const seconds = (ms: number) => formatNumber(ms / 1000, locale, ms < 10_000 ? 2 : 1);

  async function start() {
    // One rebuild at a time from this page, whatever is clicked meanwhile.
    if (running.current) return;
    running.current = true;
    setConfirming(false);
    setOutcome(null);
    setProblem(null);
    const began = Date.now();
    setStartedAt(began);
    try {
      const result = await rebuild({ campaignCode: code });
      const answer = result.data?.rebuildRollups;
      if (answer?.__typename === 'MutationRebuildRollupsSuccess') {
        setOutcome({ rebuilt: answer.data, elapsedMs: Date.now() - began });
      } else {
        const error = asApiError(answer);
        setProblem(
          error ? apiErrorText(error, locale) : result.error ? transportErrorText(result.error, locale) : '',
        );
      }
    } finally {
      running.current = false;
      setStartedAt(null);
    }
  }

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="rollup-rebuild"
      className={classes.noPrint}
      data-testid="rollup-rebuild"
    >
      <Stack gap="sm">
        <Title order={3} size="h4" id="rollup-rebuild">
          {t('rebuild.heading')}
        </Title>
        <Text size="sm">{t('rebuild.lead')}</Text>
        <Group>
          <Button variant="default" onClick={() => setConfirming(true)} disabled={startedAt !== null}>
            {t('rebuild.start')}
          </Button>
        </Group>
        {startedAt !== null ? (
          <OperationProgress label={t('rebuild.progress')} startedAt={startedAt} />
        ) : null}
        {outcome ? (
          <Alert
            color={outcome.rebuilt.figuresChanged ? 'yellow' : 'green'}
            role="status"
            data-testid="rebuild-outcome"
          >
            <Stack gap={4}>
              <Text size="sm" c="dark.8" fw={600}>
                {t('rebuild.done', {
                  responses: formatNumber(outcome.rebuilt.responses, locale),
                  cells: formatNumber(outcome.rebuilt.cells, locale),
                  server: seconds(outcome.rebuilt.durationMs),
                  elapsed: seconds(outcome.elapsedMs),
                })}
              </Text>
              <Text size="sm" c="dark.8" data-testid="rebuild-changed">
                {t(outcome.rebuilt.figuresChanged ? 'rebuild.changed' : 'rebuild.unchanged')}
              </Text>
            </Stack>
          </Alert>
        ) : null}
        {problem !== null ? (
          <Alert color="red" role="alert" data-testid="rebuild-error">
            <Text size="sm" c="dark.8">
              {t('rebuild.failed', { reason: problem })}
            </Text>
          </Alert>
        ) : null}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('rebuild.confirmTitle', { code })}
        closeButtonProps={{ 'aria-label': t('rebuild.cancel') }}
      >
        <Stack>
          <Text size="sm">{t('rebuild.confirmBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('rebuild.cancel')}
            </Button>
            <Button onClick={start} disabled={startedAt !== null}>
              {t('rebuild.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
