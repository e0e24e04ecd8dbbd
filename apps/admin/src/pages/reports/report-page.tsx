import { IndexFigure, LazyBarChart, useLocale } from '@chiso/ui';
import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { apiErrorText, asApiError, transportErrorText } from '../../api-errors.js';
import { formatDateTime, formatNumber } from '../../format.js';
import { graphql, type ResultOf } from '../../graphql.js';
import { hasRole, reportUnits, useSession } from '../../session.js';
import { downloadText, toCsv } from './report-csv.js';
import { CriteriaHeatMap, IndexTrend, ReportExports } from './report-insights.js';
import { useReportT } from './report-messages.js';
import { ServiceSections } from './report-service.js';

const FigureFields = graphql(`
  fragment ReportFigure on IndexFigure @_unmask {
    code
    name
    nameEn
    value
    ciLow
    ciHigh
    n
    publishable
    withheld
  }
`);

const ReportQuery = graphql(
  `
  query IndexReport($unit: String!, $year: Int!, $quarter: Int, $excludeFlagged: Boolean) {
    indexReport(unit: $unit, year: $year, quarter: $quarter, excludeFlagged: $excludeFlagged) {
      __typename
      ... on IndexReport {
        period { label labelEn }
        instrument { code name nameEn version }
        minSample
        coverage { served offered responded responseRate }
        overall { ...ReportFigure }
        dimensions { ...ReportFigure }
        items { ...ReportFigure dimensionCode }
        previous {
          period { label labelEn }
          overall { ...ReportFigure }
          items { code value publishable }
        }
        changes {
          overall { difference significant pValue withheld }
          items { code difference significant pValue withheld }
        }
        quality {
          excludeFlagged
          flaggedResponses
          kinds { kind responses }
          withFlagged { ...ReportFigure }
          withoutFlagged { ...ReportFigure }
          difference
        }
      }
      ... on Error { message messageEn }
    }
  }
`,
  [FigureFields],
);

const BreakdownQuery = graphql(
  `
  query IndexBreakdown(
    $unit: String!
    $year: Int!
    $quarter: Int
    $by: IndexBreakdownBy!
    $excludeFlagged: Boolean
  ) {
    indexBreakdown(unit: $unit, year: $year, quarter: $quarter, by: $by, excludeFlagged: $excludeFlagged) {
      __typename
      ... on IndexBreakdown {
        valuesRevealed
        groups {
          key
          label
          labelEn
          withheld
          coverage { responded }
          overall { ...ReportFigure }
        }
      }
      ... on Error { message messageEn }
    }
  }
`,
  [FigureFields],
);

const RankingQuery = graphql(`
  query ProvinceRanking($year: Int!, $excludeFlagged: Boolean) {
    ranking(level: PROVINCE, year: $year, excludeFlagged: $excludeFlagged) {
      __typename
      ... on Ranking {
        rankedUnits
        entries {
          rank
          rankLow
          rankHigh
          rankChange
          value
          n
          publishable
          unit { id code name nameEn }
        }
      }
      ... on Error { message messageEn }
    }
  }
`);

const SnapshotsQuery = graphql(`
  query IndexSnapshots($unit: String!) {
    indexSnapshots(unit: $unit) {
      id
      status
      frozenAt
      publishedAt
      contentHash
      period { label labelEn }
    }
  }
`);

const FreezeMutation = graphql(`
  mutation FreezeIndexSnapshot($unit: String!, $year: Int!, $quarter: Int, $excludeFlagged: Boolean) {
    freezeIndexSnapshot(unit: $unit, year: $year, quarter: $quarter, excludeFlagged: $excludeFlagged) {
      __typename
      ... on MutationFreezeIndexSnapshotSuccess { data { id status period { label labelEn } } }
      ... on Error { message messageEn }
    }
  }
`);

const PublishMutation = graphql(`
  mutation PublishIndexSnapshot($id: ID!) {
    publishIndexSnapshot(id: $id) {
      __typename
      ... on MutationPublishIndexSnapshotSuccess { data { id status publishedAt period { label labelEn } } }
      ... on Error { message messageEn }
    }
  }
`);

const ProvincesQuery = graphql(`
  query ReportProvinces($asOf: Date) {
    units(level: PROVINCE, asOf: $asOf) { id code name nameEn }
  }
`);

type Report = Extract<
  NonNullable<ResultOf<typeof ReportQuery>['indexReport']>,
  { __typename: 'IndexReport' }
>;
const BREAKDOWNS = [
  'AGENCY',
  'CHANNEL',
  'MONTH',
  'QUARTER',
  'GENDER',
  'AGE_BAND',
  'EDUCATION',
  'PROCEDURE_FIELD',
  'QUALITY_FLAG',
] as const;
type By = (typeof BREAKDOWNS)[number];
const FLAG_KINDS = ['too_fast', 'straight_lining', 'burst'] as const;
const FIRST_YEAR = 2017;

/** A unit's index report for a year or quarter: figures with definitions, criteria, breakdowns, snapshots. */
export default function ReportPage() {
  const { t, locale, localName } = useReportTools();
  const { viewer } = useSession();
  const [search, setSearch] = useSearchParams();
  const ownUnits = reportUnits(viewer);
  const [{ data: provinces }] = useQuery({
    query: ProvincesQuery,
    variables: { asOf: '2019-12-31' },
    pause: ownUnits.length > 0,
  });
  const units = ownUnits.length > 0 ? ownUnits : (provinces?.units ?? []);
  const unit = search.get('unit') ?? units[0]?.code ?? '06';
  const thisYear = new Date().getFullYear();
  const year = Number(search.get('year')) || 2019;
  const quarterParam = Number(search.get('quarter'));
  const quarter = quarterParam >= 1 && quarterParam <= 4 ? quarterParam : null;
  const by = (BREAKDOWNS as readonly string[]).includes(search.get('by') ?? '')
    ? (search.get('by') as By)
    : 'AGENCY';
  // Leaving flagged responses out applies to every figure of the page: report, breakdowns and ranking.
  const excludeFlagged = search.get('flagged') === 'exclude';

  const [{ data, fetching, error }] = useQuery({
    query: ReportQuery,
    variables: { unit, year, quarter, excludeFlagged },
  });
  const report = data?.indexReport;

  function setParam(key: string, value: string | null) {
    setSearch((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  }

  return (
    <Stack>
      <Title order={2}>{t('report.heading')}</Title>
      <Group align="flex-end">
        <NativeSelect
          label={t('report.unit')}
          value={unit}
          onChange={(event) => setParam('unit', event.currentTarget.value)}
          data={units.map((u) => ({ value: u.code, label: localName(u) }))}
        />
        <NativeSelect
          label={t('report.year')}
          value={String(year)}
          onChange={(event) => setParam('year', event.currentTarget.value)}
          data={Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i))}
        />
        <NativeSelect
          label={t('report.quarter')}
          value={quarter ? String(quarter) : ''}
          onChange={(event) => setParam('quarter', event.currentTarget.value || null)}
          data={[
            { value: '', label: t('report.wholeYear') },
            ...[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('report.quarterN', { n }) })),
          ]}
        />
        <Switch
          label={t('quality.exclude')}
          description={t('quality.excludeHint')}
          maw={360}
          checked={excludeFlagged}
          onChange={(event) => setParam('flagged', event.currentTarget.checked ? 'exclude' : null)}
        />
        {fetching ? <Loader size="sm" aria-hidden /> : null}
      </Group>
      {error ? (
        <Alert color="red" role="alert">
          {transportErrorText(error, locale)}
        </Alert>
      ) : null}
      {report && report.__typename !== 'IndexReport' ? (
        <Alert color="yellow" role="alert">
          {t('report.notFound', { reason: apiErrorText(asApiError(report) ?? { __typename: '' }, locale) })}
        </Alert>
      ) : null}
      {report?.__typename === 'IndexReport' ? (
        <ReportExports unit={unit} year={year} quarter={quarter} />
      ) : null}
      {report?.__typename === 'IndexReport' ? (
        <ReportBody
          report={report}
          unit={unit}
          year={year}
          quarter={quarter}
          by={by}
          setBy={(b) => setParam('by', b)}
          excludeFlagged={excludeFlagged}
        />
      ) : null}
      <ServiceSections unit={unit} year={year} quarter={quarter} />
      <Snapshots
        unit={unit}
        year={year}
        quarter={quarter}
        excludeFlagged={excludeFlagged}
        canFreeze={hasRole(viewer, 'SYSTEM_ADMIN', 'UNIT_ADMIN', 'ANALYST')}
        canPublish={hasRole(viewer, 'SYSTEM_ADMIN', 'UNIT_ADMIN')}
      />
      <Ranking year={year} highlight={unit} excludeFlagged={excludeFlagged} />
    </Stack>
  );
}

/**
 * A value in a table: withheld (null) for viewers who may not see small groups; for those who may, shown with a
 * "small sample" mark when below the minimum sample.
 */
function FigureValue({ value, publishable }: { value: number | null; publishable: boolean }) {
  const { t, locale } = useReportTools();
  if (value === null) return <>{t('report.withheld')}</>;
  return (
    <>
      {formatNumber(value, locale, 2)}
      {publishable ? null : (
        <Text span size="xs" c="dimmed" ml={4}>
          ({t('report.smallSample')})
        </Text>
      )}
    </>
  );
}

/** The report's texts, language and localized names. */
function useReportTools() {
  const t = useReportT();
  const { locale } = useLocale();
  return {
    t,
    locale,
    localName: (x: { name: string; nameEn: string }) => (locale === 'vi' ? x.name : x.nameEn),
    localLabel: (x: { label: string; labelEn: string }) => (locale === 'vi' ? x.label : x.labelEn),
  };
}

function ReportBody({
  report,
  unit,
  year,
  quarter,
  by,
  setBy,
  excludeFlagged,
}: {
  report: Report;
  unit: string;
  year: number;
  quarter: number | null;
  by: By;
  setBy: (by: By) => void;
  excludeFlagged: boolean;
}) {
  const { t, locale, localName, localLabel } = useReportTools();
  const percent = (x: number | null | undefined) => formatNumber(x, locale, 2);
  const change = report.changes.overall;
  const previousItems = new Map(report.previous.items.map((item) => [item.code, item]));
  const itemChanges = new Map(report.changes.items.map((item) => [item.code, item]));
  const rows = report.items.map((item) => {
    const previous = previousItems.get(item.code);
    const itemChange = itemChanges.get(item.code);
    return { item, previous, itemChange };
  });

  function exportCsv() {
    const header = [
      'code',
      'name',
      'index_percent',
      'ci_low',
      'ci_high',
      'n',
      'publishable',
      'previous_percent',
      'change_points',
      'significant',
    ];
    const body = rows.map(({ item, previous, itemChange }) => [
      item.code,
      localName(item),
      item.value === null ? null : item.value.toFixed(2),
      item.ciLow === null ? null : item.ciLow.toFixed(2),
      item.ciHigh === null ? null : item.ciHigh.toFixed(2),
      item.n,
      item.publishable ? 'yes' : 'no',
      previous?.value == null ? null : previous.value.toFixed(2),
      itemChange?.difference == null ? null : itemChange.difference.toFixed(2),
      itemChange?.significant ? 'yes' : 'no',
    ]);
    const period = quarter ? `${year}-Q${quarter}` : String(year);
    downloadText(`chi-so-${unit}-${period}.csv`, toCsv(header, body));
  }

  return (
    <>
      <Text size="sm" data-testid="report-period">
        {t('report.period', {
          period: localLabel(report.period),
          instrument: `${localName(report.instrument)} ${report.instrument.version}`,
          previous: localLabel(report.previous.period),
        })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('report.coverage', {
          served: report.coverage.served,
          offered: report.coverage.offered,
          responded: report.coverage.responded,
          rate:
            report.coverage.responseRate === null
              ? '—'
              : `${formatNumber(report.coverage.responseRate, locale, 1)}%`,
        })}{' '}
        · {t('report.minSample', { n: report.minSample })}
      </Text>
      <Quality quality={report.quality} minSample={report.minSample} />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <div data-testid="overall-figure">
          <IndexFigure
            metric="overall-index"
            label={localName(report.overall)}
            value={report.overall.value}
            interval={
              report.overall.ciLow !== null && report.overall.ciHigh !== null
                ? { low: report.overall.ciLow, high: report.overall.ciHigh }
                : null
            }
            n={report.overall.n}
            publishable={report.overall.publishable}
            minimumSample={report.minSample}
            suffix="%"
          />
        </div>
        <Stack gap={4} justify="center">
          <Text size="sm" data-testid="overall-change">
            {change.difference === null
              ? t('report.noPrevious')
              : t('report.change', {
                  difference: `${change.difference > 0 ? '+' : ''}${percent(change.difference)}`,
                  significance: change.significant
                    ? t('report.significant', { p: formatNumber(change.pValue, locale, 3) })
                    : t('report.notSignificant'),
                })}
          </Text>
        </Stack>
      </SimpleGrid>
      <Title order={3} size="h4">
        {t('report.factors')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} data-testid="factor-figures">
        {report.dimensions.map((d) => (
          <IndexFigure
            key={d.code}
            metric="dimension-index"
            label={`${d.code}. ${localName(d)}`}
            value={d.value}
            interval={d.ciLow !== null && d.ciHigh !== null ? { low: d.ciLow, high: d.ciHigh } : null}
            n={d.n}
            publishable={d.publishable}
            minimumSample={report.minSample}
            suffix="%"
          />
        ))}
      </SimpleGrid>
      <LazyBarChart
        title={t('report.factorChart')}
        seriesLabel={t('report.factorChart')}
        bars="horizontal"
        labelWidth={260}
        height={240}
        data={report.dimensions
          .filter((d) => d.value !== null)
          .map((d) => ({ label: `${d.code}. ${localName(d)}`, value: Number((d.value ?? 0).toFixed(2)) }))}
      />
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('report.criteria')}
        </Title>
        <Button variant="default" onClick={exportCsv}>
          {t('report.exportCsv')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={900}>
        <Table striped withTableBorder data-testid="criteria-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('report.col.code')}</Table.Th>
              <Table.Th scope="col">{t('report.col.name')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('report.col.value')}
              </Table.Th>
              <Table.Th scope="col">{t('report.col.interval')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('report.col.n')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('report.col.previous')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('report.col.change')}
              </Table.Th>
              <Table.Th scope="col">{t('report.col.significant')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ item, previous, itemChange }) => (
              <Table.Tr key={item.code}>
                <Table.Td ff="monospace">{item.code}</Table.Td>
                <Table.Td>{localName(item)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  <FigureValue value={item.value} publishable={item.publishable} />
                </Table.Td>
                <Table.Td>
                  {item.ciLow !== null && item.ciHigh !== null
                    ? `${percent(item.ciLow)} – ${percent(item.ciHigh)}`
                    : '—'}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(item.n, locale)}</Table.Td>
                <Table.Td ta="right">{percent(previous?.value)}</Table.Td>
                <Table.Td ta="right">{percent(itemChange?.difference)}</Table.Td>
                <Table.Td>
                  {itemChange?.difference == null
                    ? '—'
                    : itemChange.significant
                      ? t('report.yes')
                      : t('report.no')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <CriteriaHeatMap unit={unit} year={year} quarter={quarter} excludeFlagged={excludeFlagged} />
      <Breakdown
        unit={unit}
        year={year}
        quarter={quarter}
        by={by}
        setBy={setBy}
        excludeFlagged={excludeFlagged}
      />
      <IndexTrend unit={unit} />
    </>
  );
}

function Breakdown({
  unit,
  year,
  quarter,
  by,
  setBy,
  excludeFlagged,
}: {
  unit: string;
  year: number;
  quarter: number | null;
  by: By;
  setBy: (by: By) => void;
  excludeFlagged: boolean;
}) {
  const { t, locale, localLabel } = useReportTools();
  const [{ data }] = useQuery({
    query: BreakdownQuery,
    variables: { unit, year, quarter, by, excludeFlagged },
  });
  const result = data?.indexBreakdown;
  const groups = result?.__typename === 'IndexBreakdown' ? result.groups : [];
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h4">
          {t('report.breakdown')}
        </Title>
        <NativeSelect
          label={t('report.breakdownBy')}
          value={by}
          onChange={(event) => setBy(event.currentTarget.value as By)}
          data={BREAKDOWNS.map((value) => ({
            value,
            label: t(`report.by.${value}`),
          }))}
        />
      </Group>
      {result?.__typename === 'IndexBreakdown' && groups.length === 0 ? (
        <Text size="sm">{t('report.noGroups')}</Text>
      ) : null}
      {result && result.__typename !== 'IndexBreakdown' ? (
        <Alert color="yellow" role="alert" data-testid="breakdown-refused">
          <Text size="sm" c="dark.8">
            {apiErrorText(asApiError(result) ?? { __typename: '' }, locale)}
          </Text>
        </Alert>
      ) : null}
      <Table.ScrollContainer minWidth={700}>
        <Table striped withTableBorder data-testid="breakdown-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('report.col.group')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('report.col.overall')}
              </Table.Th>
              <Table.Th scope="col">{t('report.col.interval')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('report.col.n')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((group) => (
              <Table.Tr key={group.key}>
                <Table.Td>{localLabel(group)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {group.withheld && group.overall.value === null ? (
                    <Text span size="sm" c="dimmed" data-testid="group-withheld">
                      {t('report.groupWithheld')}
                    </Text>
                  ) : (
                    <FigureValue value={group.overall.value} publishable={group.overall.publishable} />
                  )}
                </Table.Td>
                <Table.Td>
                  {group.overall.ciLow !== null && group.overall.ciHigh !== null
                    ? `${formatNumber(group.overall.ciLow, locale, 2)} – ${formatNumber(group.overall.ciHigh, locale, 2)}`
                    : '—'}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(group.overall.n, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

function Ranking({
  year,
  highlight,
  excludeFlagged,
}: {
  year: number;
  highlight: string;
  excludeFlagged: boolean;
}) {
  const { t, locale, localName } = useReportTools();
  const [{ data }] = useQuery({ query: RankingQuery, variables: { year, excludeFlagged } });
  const ranking = data?.ranking;
  if (ranking?.__typename !== 'Ranking') return null;
  const entries = [...ranking.entries].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999));
  return (
    <>
      <Title order={3} size="h4">
        {t('report.ranking', { year: String(year) })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('report.rankedUnits', { count: ranking.rankedUnits })}
      </Text>
      <Table.ScrollContainer minWidth={700} mah={360}>
        <Table striped withTableBorder stickyHeader data-testid="ranking-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('report.col.rank')}</Table.Th>
              <Table.Th scope="col">{t('report.col.unit')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('report.col.overall')}
              </Table.Th>
              <Table.Th scope="col">{t('report.col.rankInterval')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('report.col.rankChange')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('report.col.n')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((entry) => (
              <Table.Tr key={entry.unit.id} fw={entry.unit.code === highlight ? 700 : undefined}>
                <Table.Td>{entry.rank ?? t('report.notRanked')}</Table.Td>
                <Table.Td>{localName(entry.unit)}</Table.Td>
                <Table.Td ta="right">
                  {entry.publishable ? formatNumber(entry.value, locale, 2) : '—'}
                </Table.Td>
                <Table.Td>{entry.rankLow !== null ? `${entry.rankLow}–${entry.rankHigh}` : '—'}</Table.Td>
                <Table.Td ta="right">{entry.rankChange ?? '—'}</Table.Td>
                <Table.Td ta="right">{formatNumber(entry.n, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

/**
 * The period's quality flags (counts per kind), the overall index with and without flagged responses and their
 * difference, and the switch that leaves flagged responses out of every figure on the page.
 */
function Quality({ quality, minSample }: { quality: Report['quality']; minSample: number }) {
  const { t, locale } = useReportTools();
  const kindLabel = (kind: string) =>
    (FLAG_KINDS as readonly string[]).includes(kind)
      ? t(`quality.kind.${kind as (typeof FLAG_KINDS)[number]}`)
      : kind;
  return (
    <Stack gap="xs" component="section" aria-labelledby="quality-heading" data-testid="quality">
      <Title order={3} size="h4" id="quality-heading">
        {t('quality.heading')}
      </Title>
      {quality === null ? null : quality.flaggedResponses === 0 ? (
        <Text size="sm" data-testid="quality-flagged">
          {t('quality.none')}
        </Text>
      ) : (
        <>
          <Text size="sm" data-testid="quality-flagged">
            {t('quality.flagged', { count: formatNumber(quality.flaggedResponses, locale) })}
          </Text>
          {quality.kinds && quality.kinds.length > 0 ? (
            <Table withTableBorder maw={480} data-testid="quality-kinds">
              <Table.Caption>{t('quality.kinds')}</Table.Caption>
              <Table.Tbody>
                {quality.kinds.map((k) => (
                  <Table.Tr key={k.kind}>
                    <Table.Th scope="row" fw={500}>
                      {kindLabel(k.kind)}
                    </Table.Th>
                    <Table.Td ta="right">{formatNumber(k.responses, locale)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720}>
            {(
              [
                ['with', t('quality.withFlagged'), quality.withFlagged],
                ['without', t('quality.withoutFlagged'), quality.withoutFlagged],
              ] as const
            ).map(([key, label, figure]) => (
              <div key={key} data-testid={`quality-${key}`}>
                <IndexFigure
                  metric="overall-index"
                  label={label}
                  value={figure.value}
                  interval={
                    figure.ciLow !== null && figure.ciHigh !== null
                      ? { low: figure.ciLow, high: figure.ciHigh }
                      : null
                  }
                  n={figure.n}
                  publishable={figure.publishable}
                  minimumSample={minSample}
                  suffix="%"
                />
              </div>
            ))}
          </SimpleGrid>
          <Text size="sm" data-testid="quality-difference">
            {quality.difference === null
              ? t('quality.differenceWithheld')
              : t('quality.difference', {
                  difference: `${quality.difference > 0 ? '+' : ''}${formatNumber(quality.difference, locale, 2)}`,
                })}
          </Text>
        </>
      )}
      {quality?.excludeFlagged && quality.flaggedResponses > 0 ? (
        <Alert color="blue" role="status" data-testid="quality-applied">
          <Text size="sm" c="dark.8">
            {t('quality.applied', { count: formatNumber(quality.flaggedResponses, locale) })}
          </Text>
        </Alert>
      ) : null}
    </Stack>
  );
}

function Snapshots({
  unit,
  year,
  quarter,
  excludeFlagged,
  canFreeze,
  canPublish,
}: {
  unit: string;
  year: number;
  quarter: number | null;
  excludeFlagged: boolean;
  canFreeze: boolean;
  canPublish: boolean;
}) {
  const { t, locale, localLabel } = useReportTools();
  const [{ data }] = useQuery({ query: SnapshotsQuery, variables: { unit } });
  const [freezeState, freeze] = useMutation(FreezeMutation);
  const [publishState, publish] = useMutation(PublishMutation);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const snapshots = data?.indexSnapshots ?? [];

  async function onFreeze() {
    setOutcome(null);
    const result = await freeze({ unit, year, quarter, excludeFlagged });
    const answer = result.data?.freezeIndexSnapshot;
    if (answer?.__typename === 'MutationFreezeIndexSnapshotSuccess') {
      setOutcome({ ok: true, text: t('report.frozen', { period: localLabel(answer.data.period) }) });
    } else {
      const problem = asApiError(answer);
      setOutcome({ ok: false, text: problem ? apiErrorText(problem, locale) : '' });
    }
  }

  async function onPublish(id: string) {
    setOutcome(null);
    const result = await publish({ id });
    const answer = result.data?.publishIndexSnapshot;
    if (answer?.__typename === 'MutationPublishIndexSnapshotSuccess') {
      setOutcome({ ok: true, text: t('report.published', { period: localLabel(answer.data.period) }) });
    } else {
      const problem = asApiError(answer);
      setOutcome({ ok: false, text: problem ? apiErrorText(problem, locale) : '' });
    }
  }

  return (
    <>
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('report.snapshots')}
        </Title>
        {canFreeze ? (
          <Button variant="default" onClick={onFreeze} loading={freezeState.fetching}>
            {t('report.freeze')}
          </Button>
        ) : null}
      </Group>
      {outcome ? (
        <Alert
          color={outcome.ok ? 'green' : 'red'}
          role={outcome.ok ? 'status' : 'alert'}
          data-testid="snapshot-outcome"
        >
          <Text size="sm" c="dark.8">
            {outcome.text}
          </Text>
        </Alert>
      ) : null}
      {snapshots.length === 0 ? (
        <Text size="sm">{t('report.noSnapshots')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped withTableBorder data-testid="snapshot-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('report.col.snapshotPeriod')}</Table.Th>
                <Table.Th scope="col">{t('report.col.status')}</Table.Th>
                <Table.Th scope="col">{t('report.col.frozenAt')}</Table.Th>
                <Table.Th scope="col">{t('report.col.publishedAt')}</Table.Th>
                <Table.Th scope="col">{t('report.col.hash')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('report.publish')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {snapshots.map((snapshot) => (
                <Table.Tr key={snapshot.id}>
                  <Table.Td>{localLabel(snapshot.period)}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={snapshot.status === 'PUBLISHED' ? 'green' : 'gray'}
                      c="dark.8"
                    >
                      {t(`report.status.${snapshot.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(snapshot.frozenAt, locale)}</Table.Td>
                  <Table.Td>{formatDateTime(snapshot.publishedAt, locale)}</Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {snapshot.contentHash.slice(0, 16)}…
                  </Table.Td>
                  <Table.Td>
                    {canPublish && snapshot.status === 'DRAFT' ? (
                      <Button
                        size="compact-sm"
                        onClick={() => onPublish(snapshot.id)}
                        loading={publishState.fetching}
                      >
                        {t('report.publish')}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
