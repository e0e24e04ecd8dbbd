import { useLocale } from '@chiso/ui';
import { Alert, Badge, Button, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { apiErrorText, asApiError, transportErrorText } from '../../api-errors.js';
import { formatNumber } from '../../format.js';
import { graphql, type ResultOf } from '../../graphql.js';
import { fileToBase64, ImportFilePicker, ImportRowReport } from '../../import/import-kit.js';
import { useCatalogT } from './catalog-messages.js';

const ImportMutation = graphql(`
  mutation ImportProcedures($file: ImportFileInput!, $dryRun: Boolean) {
    importProcedures(file: $file, dryRun: $dryRun) {
      __typename
      ... on MutationImportProceduresSuccess {
        data {
          dryRun
          created
          updated
          unchanged
          rejected
          rows {
            row
            code
            outcome
            errors { column message messageEn }
          }
        }
      }
      ... on Error { message messageEn }
      ... on ValidationError { fieldErrors { path message messageEn } }
    }
  }
`);

type Report = Extract<
  NonNullable<ResultOf<typeof ImportMutation>['importProcedures']>,
  { __typename: 'MutationImportProceduresSuccess' }
>['data'];

/** Where a running import is: reading the file (with its share read), or waiting for the server. */
type Phase = { step: 'read'; share: number } | { step: 'check' | 'write' } | null;

function ImportProgress({ phase, size }: { phase: NonNullable<Phase>; size: number }) {
  const t = useCatalogT();
  const { locale } = useLocale();
  const label =
    phase.step === 'read'
      ? t('import.reading', { percent: Math.round(phase.share * 100) })
      : t(phase.step === 'check' ? 'import.checking' : 'import.writing', {
          size: `${formatNumber(size / 1024, locale, 1)} KB`,
        });
  return (
    <Stack gap={4} maw={420} data-testid="import-progress">
      <Text size="sm" role="status">
        {label}
      </Text>
      <Progress
        aria-label={t('import.progress')}
        value={phase.step === 'read' ? phase.share * 100 : 100}
        striped={phase.step !== 'read'}
        animated={phase.step !== 'read'}
      />
    </Stack>
  );
}

const OUTCOME_COLORS = { CREATED: 'green', UPDATED: 'blue', UNCHANGED: 'gray', REJECTED: 'red' } as const;

/** Import a catalog file: a dry run with a per-row report first, then the write. */
export default function ImportPage() {
  const t = useCatalogT();
  const { locale } = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>(null);
  const [, importProcedures] = useMutation(ImportMutation);
  const [writing, setWriting] = useState(false);
  const fetching = phase !== null;

  async function run(dryRun: boolean) {
    if (!file) return;
    setProblem(null);
    setWriting(!dryRun);
    setPhase({ step: 'read', share: 0 });
    const contentBase64 = await fileToBase64(file, (share) => setPhase({ step: 'read', share }));
    setPhase({ step: dryRun ? 'check' : 'write' });
    const result = await importProcedures({ file: { name: file.name, contentBase64 }, dryRun }).finally(() =>
      setPhase(null),
    );
    const answer = result.data?.importProcedures;
    if (answer?.__typename === 'MutationImportProceduresSuccess') {
      setReport(answer.data);
      return;
    }
    setReport(null);
    const error = asApiError(answer);
    setProblem(
      error ? apiErrorText(error, locale) : result.error ? transportErrorText(result.error, locale) : '',
    );
  }

  return (
    <Stack maw={1000}>
      <Title order={2}>{t('import.heading')}</Title>
      <Text size="sm">{t('import.lead')}</Text>
      <ImportFilePicker
        label={t('import.file')}
        accept=".csv,.xlsx,text/csv"
        file={file}
        onChange={(next) => {
          setFile(next);
          setReport(null);
        }}
      />
      <Group>
        <Button onClick={() => run(true)} disabled={!file || fetching} loading={fetching && !writing}>
          {t('import.preview')}
        </Button>
        <Button
          variant="outline"
          onClick={() => run(false)}
          disabled={!file || fetching || !report?.dryRun || report.rejected === report.rows.length}
          loading={fetching && writing}
        >
          {t('import.commit')}
        </Button>
      </Group>
      {phase && file ? <ImportProgress phase={phase} size={file.size} /> : null}
      {problem ? (
        <Alert color="red" role="alert">
          <Text size="sm" c="dark.8">
            {problem}
          </Text>
        </Alert>
      ) : null}
      {report ? (
        <>
          <Alert color={report.rejected ? 'yellow' : 'green'} data-testid="import-summary">
            <Text size="sm" c="dark.8">
              {t(report.dryRun ? 'import.summaryPreview' : 'import.summaryDone', {
                created: report.created,
                updated: report.updated,
                unchanged: report.unchanged,
                rejected: report.rejected,
              })}
            </Text>
          </Alert>
          <ImportRowReport
            lineLabel={t('import.col.row')}
            headers={[t('import.col.code'), t('import.col.outcome')]}
            rows={report.rows.map((row) => ({
              line: row.row,
              cells: [
                <Text span ff="monospace" size="sm" key="code">
                  {row.code}
                </Text>,
                <Badge key="outcome" variant="light" color={OUTCOME_COLORS[row.outcome]} c="dark.8">
                  {t(`outcome.${row.outcome}`)}
                </Badge>,
              ],
              errors: row.errors,
            }))}
          />
        </>
      ) : null}
    </Stack>
  );
}
