import { useLocale } from '@chiso/ui';
import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { type ApiError, apiErrorText, asApiError, transportErrorText } from '../../api-errors.js';
import { formatNumber } from '../../format.js';
import { graphql, type ResultOf } from '../../graphql.js';
import { type CsvPreview, isBatchKey, newBatchKey, previewCsv } from '../../import/csv-preview.js';
import {
  type ImportCellError,
  ImportFilePicker,
  ImportRowReport,
  OperationProgress,
} from '../../import/import-kit.js';
import { campaignPath } from '../../paths.js';
import { downloadText } from '../reports/report-csv.js';
import { INVALID_STYLES } from './campaign-fields.js';
import { fieldErrorAt } from './campaign-form.js';
import { useCampaignT } from './campaign-messages.js';

const ImportCampaignQuery = graphql(`
  query CampaignImportColumns($code: String!) {
    campaign(code: $code) {
      __typename
      ... on Campaign {
        id
        code
        name
        nameEn
        instrument { id code version }
        importColumns
      }
      ... on Error { message messageEn }
    }
  }
`);

const ImportResponsesMutation = graphql(`
  mutation ImportSurveyResponses($campaignCode: String!, $batchKey: String!, $csv: String!) {
    importSurveyResponses(campaignCode: $campaignCode, batchKey: $batchKey, csv: $csv) {
      __typename
      ... on MutationImportSurveyResponsesSuccess {
        data { rows inserted alreadyImported rowErrors { line path message messageEn } }
      }
      ... on ValidationError { message messageEn fieldErrors { path message messageEn } }
      ... on Error { message messageEn }
    }
  }
`);

type ImportReport = Extract<
  NonNullable<ResultOf<typeof ImportResponsesMutation>['importSurveyResponses']>,
  { __typename: 'MutationImportSurveyResponsesSuccess' }
>['data'];

/** The columns before the answers, each explained (the answers follow, one column per item code). */
const FIXED_COLUMNS = [
  'row_key',
  'agency_code',
  'month',
  'channel',
  'weight',
  'gender',
  'age_band',
  'education',
] as const;

/** How many data rows the preview shows. */
const PREVIEW_ROWS = 5;

/**
 * Imports responses of a survey run elsewhere from a CSV file (admins of the campaign's unit): the template from
 * the API's columns, a client-side preview and header check, a batch key that makes a re-import harmless, the
 * import with an honest progress, then the per-row report.
 */
export default function ImportResponsesPage() {
  const t = useCampaignT();
  const { locale } = useLocale();
  const { code = '' } = useParams();
  const [{ data, error }] = useQuery({ query: ImportCampaignQuery, variables: { code } });
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [batchKey, setBatchKey] = useState('');
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [report, setReport] = useState<{ data: ImportReport; batchKey: string } | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const running = useRef(false);
  const [, importResponses] = useMutation(ImportResponsesMutation);

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
    const refused = asApiError(campaign);
    return (
      <Alert color="red" role="alert">
        {refused ? apiErrorText(refused, locale) : ''}
      </Alert>
    );
  }
  const columns = campaign.importColumns;
  const keyError =
    batchKey !== '' && !isBatchKey(batchKey)
      ? t('import.batchKeyInvalid')
      : fieldErrorAt(problem, ['batchKey'], locale);
  const canImport = !!text && !!preview?.headerMatches && preview.records > 0 && isBatchKey(batchKey);

  async function onFile(next: File | null) {
    setFile(next);
    setReport(null);
    setProblem(null);
    if (!next) {
      setText(null);
      setPreview(null);
      return;
    }
    // Blob.text() decodes UTF-8 and drops a byte-order mark, as the API expects.
    const content = await next.text();
    setText(content);
    setPreview(previewCsv(content, columns, PREVIEW_ROWS));
    setBatchKey(newBatchKey(code));
  }

  async function onImport() {
    if (!text || running.current || !campaign || campaign.__typename !== 'Campaign') return;
    running.current = true;
    setProblem(null);
    setReport(null);
    setStartedAt(Date.now());
    try {
      const result = await importResponses({ campaignCode: campaign.code, batchKey, csv: text });
      const answer = result.data?.importSurveyResponses;
      if (answer?.__typename === 'MutationImportSurveyResponsesSuccess') {
        setReport({ data: answer.data, batchKey });
      } else {
        setProblem(
          asApiError(answer) ?? {
            __typename: 'Error',
            message: result.error ? transportErrorText(result.error, 'vi') : undefined,
            messageEn: result.error ? transportErrorText(result.error, 'en') : undefined,
          },
        );
      }
    } finally {
      running.current = false;
      setStartedAt(null);
    }
  }

  const badLines = report ? new Set(report.data.rowErrors.map((e) => e.line)).size : 0;
  const reportRows = report
    ? report.data.rowErrors.reduce<{ line: number; errors: ImportCellError[] }[]>((rows, e) => {
        const error = { column: e.path.join('.'), message: e.message, messageEn: e.messageEn };
        const last = rows[rows.length - 1];
        if (last?.line === e.line) last.errors.push(error);
        else rows.push({ line: e.line, errors: [error] });
        return rows;
      }, [])
    : [];
  const csvError = fieldErrorAt(problem, ['csv'], locale);
  const otherProblem =
    problem && (problem.fieldErrors ?? []).every((e) => e.path[0] === 'csv' || e.path[0] === 'batchKey')
      ? (problem.fieldErrors ?? []).length === 0
      : !!problem;

  return (
    <Stack maw={1100}>
      <Anchor component={Link} to={campaignPath(campaign.code)} size="sm">
        ← {locale === 'vi' ? campaign.name : campaign.nameEn}
      </Anchor>
      <Title order={2}>{t('import.heading')}</Title>
      <Text size="sm">{t('import.lead')}</Text>

      <Paper withBorder p="md" component="section" aria-labelledby="import-template">
        <Stack gap="sm">
          <Title order={3} size="h4" id="import-template">
            {t('import.templateHeading')}
          </Title>
          <Text size="sm">
            {t('import.templateLead', {
              instrument: `${campaign.instrument.code} ${campaign.instrument.version}`,
              count: columns.length,
            })}
          </Text>
          <Code block data-testid="import-columns" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {columns.join(',')}
          </Code>
          <Table.ScrollContainer minWidth={560}>
            <Table withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('import.col.column')}</Table.Th>
                  <Table.Th scope="col">{t('import.col.meaning')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {FIXED_COLUMNS.map((column) => (
                  <Table.Tr key={column}>
                    <Table.Td ff="monospace">{column}</Table.Td>
                    <Table.Td>{t(`import.column.${column}`)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr>
                  <Table.Td ff="monospace">
                    {columns.slice(FIXED_COLUMNS.length, FIXED_COLUMNS.length + 2).join(', ')}…
                  </Table.Td>
                  <Table.Td>{t('import.column.items')}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Group>
            <Button
              variant="default"
              onClick={() =>
                downloadText(
                  `mau-nhap-${campaign.code}.csv`,
                  `${columns.join(',')}\r\n`,
                  'text/csv;charset=utf-8',
                )
              }
            >
              {t('import.template')}
            </Button>
          </Group>
        </Stack>
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="import-file-heading">
        <Stack gap="sm">
          <Title order={3} size="h4" id="import-file-heading">
            {t('import.fileHeading')}
          </Title>
          <ImportFilePicker label={t('import.file')} accept=".csv,text/csv" file={file} onChange={onFile} />
          {csvError ? (
            <Alert color="red" role="alert" data-testid="import-csv-error">
              <Text size="sm" c="dark.8">
                {csvError}
              </Text>
            </Alert>
          ) : null}
          {preview ? <Preview preview={preview} columns={columns} /> : null}
          {preview ? (
            <TextInput
              label={t('import.batchKey')}
              description={t('import.batchKeyHint')}
              value={batchKey}
              onChange={(event) => setBatchKey(event.currentTarget.value)}
              error={keyError}
              styles={{
                ...INVALID_STYLES,
                input: { ...INVALID_STYLES.input, fontFamily: 'var(--mantine-font-family-monospace)' },
              }}
              maw={520}
              required
            />
          ) : null}
          <Group>
            <Button
              onClick={onImport}
              disabled={!canImport || startedAt !== null}
              loading={startedAt !== null}
            >
              {t('import.submit')}
            </Button>
          </Group>
          {startedAt !== null ? (
            <OperationProgress
              label={t('import.progress')}
              startedAt={startedAt}
              records={preview?.records}
            />
          ) : null}
          {otherProblem && problem ? (
            <Alert color="red" role="alert" data-testid="import-error">
              <Text size="sm" c="dark.8">
                {apiErrorText(problem, locale)}
              </Text>
            </Alert>
          ) : null}
        </Stack>
      </Paper>

      {report ? (
        <Paper withBorder p="md" component="section" aria-labelledby="import-report">
          <Stack gap="sm">
            <Title order={3} size="h4" id="import-report">
              {t('import.reportHeading', { batchKey: report.batchKey })}
            </Title>
            <Group gap="md" data-testid="import-summary" role="status">
              <Figure
                label={t('import.rows')}
                value={report.data.rows}
                testId="import-rows-read"
                locale={locale}
              />
              <Figure
                label={t('import.inserted')}
                value={report.data.inserted}
                testId="import-inserted"
                locale={locale}
              />
              <Figure
                label={t('import.already')}
                value={report.data.alreadyImported}
                testId="import-already"
                locale={locale}
              />
              <Figure
                label={t('import.rejected')}
                value={badLines}
                testId="import-rejected"
                locale={locale}
              />
            </Group>
            <Text size="sm">
              {report.data.alreadyImported > 0 ? t('import.alreadyNote') : t('import.insertedNote')}
            </Text>
            {reportRows.length > 0 ? (
              <>
                <Text size="sm" fw={600}>
                  {t('import.badRows')}
                </Text>
                <ImportRowReport rows={reportRows} testId="import-row-errors" />
              </>
            ) : (
              <Text size="sm">{t('import.noBadRows')}</Text>
            )}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}

function Figure({
  label,
  value,
  testId,
  locale,
}: {
  label: string;
  value: number;
  testId: string;
  locale: 'vi' | 'en';
}) {
  return (
    <Paper withBorder p="sm" radius="md" miw={150} data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {formatNumber(value, locale)}
      </Text>
    </Paper>
  );
}

/** The header check and the first rows of the chosen file, read in the browser. */
function Preview({ preview, columns }: { preview: CsvPreview; columns: readonly string[] }) {
  const t = useCampaignT();
  const { locale } = useLocale();
  const width = Math.max(preview.header.length, 1);
  return (
    <Stack gap="xs" data-testid="import-preview">
      {preview.headerMatches ? (
        <Alert color="green" data-testid="import-header-check">
          <Text size="sm" c="dark.8">
            {t('import.headerOk', {
              columns: columns.length,
              records: formatNumber(preview.records, locale),
            })}
          </Text>
        </Alert>
      ) : (
        <Alert color="red" role="alert" data-testid="import-header-check">
          <Stack gap={4}>
            <Text size="sm" c="dark.8" fw={600}>
              {t('import.headerBad')}
            </Text>
            {preview.missing.length > 0 ? (
              <Text size="sm" c="dark.8">
                {t('import.headerMissing', { columns: preview.missing.join(', ') })}
              </Text>
            ) : null}
            {preview.unexpected.length > 0 ? (
              <Text size="sm" c="dark.8">
                {t('import.headerUnexpected', { columns: preview.unexpected.join(', ') })}
              </Text>
            ) : null}
            {preview.missing.length === 0 && preview.unexpected.length === 0 ? (
              <Text size="sm" c="dark.8">
                {t('import.headerOrder')}
              </Text>
            ) : null}
          </Stack>
        </Alert>
      )}
      {preview.rows.length > 0 ? (
        <>
          <Text size="sm" fw={600}>
            {t('import.previewHeading', { count: preview.rows.length })}
          </Text>
          <Table.ScrollContainer minWidth={Math.min(width * 90, 3000)}>
            <Table striped withTableBorder data-testid="import-preview-rows" fz="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('import.col.line')}</Table.Th>
                  {preview.header.map((column, i) => (
                    <Table.Th scope="col" key={i} ff="monospace">
                      {column}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.map((row, r) => (
                  <Table.Tr key={r}>
                    <Table.Td>{r + 2}</Table.Td>
                    {row.map((cell, i) => (
                      <Table.Td key={i} ff="monospace">
                        {cell}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : (
        <Text size="sm">{t('import.empty')}</Text>
      )}
    </Stack>
  );
}
