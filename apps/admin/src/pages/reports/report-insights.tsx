import { LazyBarChart, useLocale } from '@chiso/ui';
import {
  Alert,
  Button,
  Group,
  Loader,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { formatNumber } from '../../format.js';
import { graphql } from '../../graphql.js';
import { HEAT_BANDS, heatBand } from './heat-bands.js';
import classes from './report.module.css';
import { downloadBlob } from './report-csv.js';
import { useReportT } from './report-messages.js';

const CriteriaQuery = graphql(`
  query HeatMapCriteria(
    $unit: String!
    $year: Int!
    $quarter: Int
    $agency: String
    $excludeFlagged: Boolean
  ) {
    indexReport(
      unit: $unit
      year: $year
      quarter: $quarter
      agency: $agency
      excludeFlagged: $excludeFlagged
    ) {
      __typename
      ... on IndexReport {
        overall { value n publishable }
        items { code name nameEn value n publishable }
      }
    }
  }
`);

const AgencyGroupsQuery = graphql(`
  query HeatMapAgencies($unit: String!, $year: Int!, $quarter: Int, $excludeFlagged: Boolean) {
    indexBreakdown(
      unit: $unit
      year: $year
      quarter: $quarter
      by: AGENCY
      excludeFlagged: $excludeFlagged
    ) {
      __typename
      ... on IndexBreakdown {
        groups { key label labelEn agency { id code } coverage { responded } }
      }
    }
  }
`);

const HistoryQuery = graphql(`
  query ReportTrend($unit: String!) {
    unitIndexHistory(unit: $unit) {
      __typename
      ... on UnitIndexHistory {
        series {
          role
          unit { id code name nameEn }
          points {
            year
            computed { value n publishable }
            published { index value rank ofUnits }
          }
        }
      }
    }
  }
`);

type Cell = { value: number | null; n: number; publishable: boolean };
type Column = { key: string; label: string; cells: Map<string, Cell>; overall: Cell | null };
type Criterion = { code: string; name: string; nameEn: string };

/**
 * Criteria heat map: the 22 criteria (rows) across the quarters of the year or across the agencies (columns),
 * every cell showing its value; cells below the minimum sample are marked, withheld ones show a dash.
 */
export function CriteriaHeatMap({
  unit,
  year,
  quarter,
  excludeFlagged = false,
}: {
  unit: string;
  year: number;
  quarter: number | null;
  /** Leave responses with a quality flag out, as the rest of the report does. */
  excludeFlagged?: boolean;
}) {
  const t = useReportT();
  const { locale } = useLocale();
  const client = useClient();
  const [across, setAcross] = useState<'QUARTER' | 'AGENCY'>('QUARTER');
  const [{ data: agencyData }] = useQuery({
    query: AgencyGroupsQuery,
    variables: { unit, year, quarter, excludeFlagged },
    pause: across !== 'AGENCY',
  });
  const [columns, setColumns] = useState<Column[] | null>(null);
  const [criteria, setCriteria] = useState<Criterion[]>([]);

  const agencyGroups =
    agencyData?.indexBreakdown.__typename === 'IndexBreakdown'
      ? agencyData.indexBreakdown.groups.filter((g) => g.agency && g.coverage.responded > 0)
      : null;

  useEffect(() => {
    let current = true;
    setColumns(null);
    const wanted =
      across === 'QUARTER'
        ? [1, 2, 3, 4].map((q) => ({
            key: `Q${q}`,
            label: t('report.quarterN', { n: q }),
            variables: { unit, year, quarter: q, agency: null, excludeFlagged },
          }))
        : agencyGroups
          ? agencyGroups.map((g) => ({
              key: g.key,
              label: g.agency!.code,
              variables: { unit, year, quarter, agency: g.agency!.code, excludeFlagged },
            }))
          : null;
    if (!wanted) return;
    Promise.all(wanted.map((w) => client.query(CriteriaQuery, w.variables).toPromise())).then((results) => {
      if (!current) return;
      const found: Criterion[] = [];
      const built = results.map((result, i) => {
        const report = result.data?.indexReport;
        const cells = new Map<string, Cell>();
        if (report?.__typename === 'IndexReport') {
          for (const item of report.items) {
            if (!found.some((c) => c.code === item.code)) found.push(item);
            cells.set(item.code, item);
          }
        }
        return {
          key: wanted[i]!.key,
          label: wanted[i]!.label,
          cells,
          overall: report?.__typename === 'IndexReport' ? report.overall : null,
        };
      });
      setCriteria(found);
      setColumns(built);
    });
    return () => {
      current = false;
    };
    // agencyGroups is derived from agencyData, a dependency: it changes only with the data.
  }, [client, unit, year, quarter, excludeFlagged, across, agencyData, t]);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h4">
          {t('heat.heading')}
        </Title>
        <SegmentedControl
          aria-label={t('heat.across')}
          value={across}
          onChange={(value) => setAcross(value as typeof across)}
          data={[
            { value: 'QUARTER', label: t('heat.byQuarter', { year: String(year) }) },
            { value: 'AGENCY', label: t('heat.byAgency') },
          ]}
        />
      </Group>
      <Group gap="xs" aria-label={t('heat.legend')} role="group">
        <Text size="xs">{t('heat.legend')}:</Text>
        {HEAT_BANDS.map((b) => (
          <Text
            key={b.label}
            size="xs"
            px={6}
            py={2}
            style={{ background: b.background, color: b.color, borderRadius: 4 }}
          >
            {b.label}
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          {t('heat.legendNote')}
        </Text>
      </Group>
      {columns === null ? (
        <Loader size="sm" aria-label={t('heat.loading')} />
      ) : columns.length === 0 || criteria.length === 0 ? (
        <Text size="sm">{t('heat.empty')}</Text>
      ) : (
        <Table.ScrollContainer
          minWidth={Math.max(600, 320 + columns.length * 72)}
          // Many agencies make it wider than the screen: its scroll box takes keyboard focus and has a name.
          scrollAreaProps={{
            viewportProps: { tabIndex: 0, role: 'region', 'aria-label': t('heat.heading') },
          }}
        >
          <Table withTableBorder className={classes.heatMap} data-testid="heat-map">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('report.col.name')}</Table.Th>
                {columns.map((column) => (
                  <Table.Th key={column.key} scope="col" ta="center">
                    {column.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {criteria.map((criterion) => (
                <Table.Tr key={criterion.code}>
                  <Table.Th scope="row" fw={400}>
                    <Text span ff="monospace" size="sm" mr={6}>
                      {criterion.code}
                    </Text>
                    {locale === 'vi' ? criterion.name : criterion.nameEn}
                  </Table.Th>
                  {columns.map((column) => (
                    <HeatCell key={column.key} cell={column.cells.get(criterion.code) ?? null} />
                  ))}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th scope="row">{t('report.col.overall')}</Table.Th>
                {columns.map((column) => (
                  <HeatCell key={column.key} cell={column.overall} strong />
                ))}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

function HeatCell({ cell, strong = false }: { cell: Cell | null; strong?: boolean }) {
  const t = useReportT();
  const { locale } = useLocale();
  if (!cell || cell.value === null) {
    return (
      <Table.Td ta="center" c="dimmed" title={cell ? t('report.withheld') : undefined}>
        —
      </Table.Td>
    );
  }
  const b = heatBand(cell.value);
  return (
    <Table.Td
      ta="center"
      fw={strong ? 700 : 500}
      style={{ background: b.background, color: b.color }}
      title={`n = ${cell.n}`}
    >
      {formatNumber(cell.value, locale, 1)}
      {cell.publishable ? null : (
        <>
          <span aria-hidden>*</span>
          <VisuallyHidden>{t('report.smallSample')}</VisuallyHidden>
        </>
      )}
    </Table.Td>
  );
}

/** The unit's index year by year (computed from rollups; the published result beside it where there is one). */
export function IndexTrend({ unit }: { unit: string }) {
  const t = useReportT();
  const { locale } = useLocale();
  const [{ data }] = useQuery({ query: HistoryQuery, variables: { unit } });
  const history = data?.unitIndexHistory;
  if (history?.__typename !== 'UnitIndexHistory') return null;
  const self = history.series.find((s) => s.role === 'SELF');
  const points = (self?.points ?? [])
    .map((p) => ({ year: p.year, computed: p.computed, published: p.published }))
    .filter((p) => p.computed?.value != null || p.published?.value != null)
    .sort((a, b) => a.year - b.year);
  if (points.length === 0) return null;
  return (
    <Stack gap="sm">
      <Title order={3} size="h4">
        {t('trend.heading')}
      </Title>
      <LazyBarChart
        title={t('trend.chart')}
        seriesLabel={t('trend.chart')}
        bars="vertical"
        height={220}
        data={points.map((p) => ({
          label: String(p.year),
          value: Number((p.computed?.value ?? p.published?.value ?? 0).toFixed(2)),
        }))}
      />
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder data-testid="trend-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('report.year')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('trend.computed')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('report.col.n')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('trend.published')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('trend.rank')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p) => (
              <Table.Tr key={p.year}>
                <Table.Td>{p.year}</Table.Td>
                <Table.Td ta="right">{formatNumber(p.computed?.value, locale, 2)}</Table.Td>
                <Table.Td ta="right">{formatNumber(p.computed?.n, locale)}</Table.Td>
                <Table.Td ta="right">{formatNumber(p.published?.value, locale, 2)}</Table.Td>
                <Table.Td ta="right">
                  {p.published?.rank ? `${p.published.rank}/${p.published.ofUnits ?? '—'}` : '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The unit (by code) and period a part of the report is about. */
export interface ReportPeriod {
  unit: string;
  year: number;
  /** 1–4, or null for the whole year. */
  quarter: number | null;
}

const FORMATS = ['csv', 'xlsx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

/**
 * The report as a file made by the API (`/exports/index-report.<format>`): the button shows progress while the
 * file is made and downloaded, and the others wait; a refusal is shown with the API's message.
 */
export function ReportExports({ unit, year, quarter }: ReportPeriod) {
  const t = useReportT();
  const { locale } = useLocale();
  const [busy, setBusy] = useState<Format | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  async function download(format: Format) {
    setBusy(format);
    setProblem(null);
    try {
      const query = new URLSearchParams({ unit, year: String(year) });
      if (quarter) query.set('quarter', String(quarter));
      const response = await fetch(`/exports/index-report.${format}?${query}`, {
        credentials: 'same-origin',
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as {
          errors?: { message: string; extensions?: { messageEn?: string } }[];
        } | null;
        const error = body?.errors?.[0];
        setProblem(
          error
            ? locale === 'vi'
              ? error.message
              : (error.extensions?.messageEn ?? error.message)
            : String(response.status),
        );
        return;
      }
      const disposition = response.headers.get('content-disposition') ?? '';
      const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `chiso-${unit}-${year}.${format}`;
      downloadBlob(name, await response.blob());
    } catch {
      setProblem(t('export.failed'));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="xs">
      <Group gap="xs" role="group" aria-label={t('export.heading')}>
        <Text size="sm" fw={600}>
          {t('export.heading')}
        </Text>
        {FORMATS.map((format) => (
          <Button
            key={format}
            variant="default"
            size="compact-md"
            loading={busy === format}
            disabled={busy !== null && busy !== format}
            onClick={() => download(format)}
          >
            {t(`export.${format}`)}
          </Button>
        ))}
      </Group>
      {problem ? (
        <Alert color="red" role="alert">
          {t('export.refused', { reason: problem })}
        </Alert>
      ) : null}
    </Stack>
  );
}
