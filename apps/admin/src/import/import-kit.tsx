import { useLocale } from '@chiso/ui';
import { FileInput, Progress, Stack, Table, Text } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { formatNumber } from '../format.js';
import { useImportT } from './import-messages.js';

const CHUNK = 0x8000;

/** The file's bytes as base64, read in the browser; `onProgress` hears the share read so far (0–1). */
export async function fileToBase64(file: File, onProgress?: (share: number) => void): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
    // Every 32 chunks (1 MB), let the page paint the progress.
    if (onProgress && (i / CHUNK) % 32 === 31) {
      onProgress(i / bytes.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }
  onProgress?.(1);
  return btoa(binary);
}

/** The file picker of an import screen. */
export function ImportFilePicker({
  label,
  description,
  accept,
  file,
  onChange,
}: {
  label?: string;
  description?: ReactNode;
  accept: string;
  file: File | null;
  onChange: (file: File | null) => void;
}) {
  const t = useImportT();
  return (
    <FileInput
      label={label ?? t('file.label')}
      description={description}
      accept={accept}
      value={file}
      onChange={onChange}
      clearable
      clearButtonProps={{ 'aria-label': t('file.clear') }}
      maw={420}
      data-testid="import-file"
    />
  );
}

/** One problem of a row: the column it names and a message in both languages. */
export interface ImportCellError {
  column: string;
  message: string;
  messageEn: string;
}

/** One line of an import report: its number, extra cells (code, outcome…) and its errors. */
export interface ImportReportRow {
  line: number;
  cells?: ReactNode[];
  errors: readonly ImportCellError[];
}

/** The per-row report of an import: line, the caller's extra columns, then each error as `column: message`. */
export function ImportRowReport({
  rows,
  headers = [],
  lineLabel,
  testId = 'import-rows',
}: {
  rows: readonly ImportReportRow[];
  headers?: string[];
  lineLabel?: string;
  testId?: string;
}) {
  const t = useImportT();
  const { locale } = useLocale();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{lineLabel ?? t('report.col.line')}</Table.Th>
            {headers.map((header) => (
              <Table.Th scope="col" key={header}>
                {header}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('report.col.errors')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              {(row.cells ?? []).map((cell, i) => (
                <Table.Td key={i}>{cell}</Table.Td>
              ))}
              <Table.Td>
                {row.errors.map((error) => (
                  <Text size="sm" key={`${error.column}-${error.message}`}>
                    <Text span ff="monospace" fw={600}>
                      {error.column}
                    </Text>
                    : {locale === 'vi' ? error.message : error.messageEn}
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Whole seconds since `since`, ticking every half second while `since` is set. */
export function useElapsedSeconds(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

/**
 * An honest progress for an operation the server does in one call: an indeterminate bar (no percentage is
 * claimed) with the time elapsed, read from `aria-valuetext` by screen readers.
 */
export function OperationProgress({
  label,
  startedAt,
  records,
}: {
  label: string;
  startedAt: number;
  records?: number;
}) {
  const t = useImportT();
  const { locale } = useLocale();
  const seconds = useElapsedSeconds(startedAt);
  const text =
    records === undefined
      ? t('progress.running', { seconds })
      : t('progress.sending', { records: formatNumber(records, locale), seconds });
  return (
    <Stack gap={4} data-testid="operation-progress">
      <div role="progressbar" aria-label={label} aria-valuetext={text}>
        <Progress value={100} striped animated size="lg" aria-hidden="true" />
      </div>
      <Text size="sm" fw={600} data-testid="operation-elapsed">
        {text}
      </Text>
      <Text size="xs" c="dimmed">
        {t('progress.indeterminate')}
      </Text>
    </Stack>
  );
}
