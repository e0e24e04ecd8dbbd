import { useLocale } from '@chiso/ui';
import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { apiErrorText, asApiError, transportErrorText } from '../../api-errors.js';
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

const OUTCOME_COLORS = { CREATED: 'green', UPDATED: 'blue', UNCHANGED: 'gray', REJECTED: 'red' } as const;

/** Import a catalog file: a dry run with a per-row report first, then the write. */
export default function ImportPage() {
  const t = useCatalogT();
  const { locale } = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, importProcedures] = useMutation(ImportMutation);

  async function run(dryRun: boolean) {
    if (!file) return;
    setProblem(null);
    const result = await importProcedures({
      file: { name: file.name, contentBase64: await fileToBase64(file) },
      dryRun,
    });
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
        <Button onClick={() => run(true)} disabled={!file} loading={fetching}>
          {t('import.preview')}
        </Button>
        <Button
          variant="outline"
          onClick={() => run(false)}
          disabled={!file || !report?.dryRun || report.rejected === report.rows.length}
          loading={fetching}
        >
          {t('import.commit')}
        </Button>
      </Group>
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
