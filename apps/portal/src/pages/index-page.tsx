import { formatIndexValue, IndexFigure, LazyLineChart, useLocale, useLocalized } from '@chiso/ui';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Loader,
  NativeSelect,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { graphql, type ResultOf } from '../graphql.js';
import { useT } from '../messages.js';

// The chart is drawn by code fetched when the ranking is shown.
const RankIntervalChart = lazy(() => import('./rank-interval-chart.js'));

/** SIPAS years (the survey started in 2017); the newest first. */
const FIRST_YEAR = 2017;
const DEFAULT_YEAR = 2019;
const DEFAULT_UNIT = '06';

const IndexQuery = graphql(`
  query ProvinceIndex($unit: String!, $year: Int!) {
    indexReport(unit: $unit, year: $year) {
      __typename
      ... on IndexReport {
        minSample
        unit {
          code
          name
          nameEn
        }
        period {
          label
          labelEn
        }
        instrument {
          name
          nameEn
        }
        overall {
          value
          ciLow
          ciHigh
          n
          publishable
        }
        dimensions {
          code
          name
          nameEn
          value
          ciLow
          ciHigh
          n
          publishable
        }
      }
      ... on Error {
        message
        messageEn
      }
    }
  }
`);

const RankingQuery = graphql(`
  query ProvinceRanking($year: Int!) {
    ranking(level: PROVINCE, year: $year) {
      __typename
      ... on Ranking {
        rankedUnits
        minSample
        entries {
          rank
          rankLow
          rankHigh
          value
          ciLow
          ciHigh
          n
          publishable
          unit {
            id
            code
            name
            nameEn
          }
        }
      }
    }
    publishedResults(index: SIPAS, year: $year) {
      unitName
      unitCode
      value
      rank
      ofUnits
      scope
      status
      source
    }
  }
`);

type Report = Extract<ResultOf<typeof IndexQuery>['indexReport'], { __typename: 'IndexReport' }>;

const PublishedHistoryQuery = graphql(`
  query PublishedHistory($unit: String!) {
    unitIndexHistory(unit: $unit) {
      __typename
      ... on UnitIndexHistory {
        series {
          role
          points {
            year
            published {
              value
            }
          }
        }
      }
    }
  }
`);

const FACTOR_COLORS = ['teal.7', 'orange.7', 'grape.7', 'cyan.8', 'red.7'];

/**
 * The province's index and its five factors year by year: a line chart (loaded on demand) and the same figures in
 * a table with their sample sizes. Figures under the minimum sample are withheld (a gap in the chart).
 */
function IndexHistory({ unit, provinceName }: { unit: string; provinceName: string }) {
  const t = useT();
  const { locale } = useLocale();
  const localized = useLocalized();
  const client = useClient();
  const [reports, setReports] = useState<{
    unit: string;
    rows: { year: number; report: Report | null }[];
  } | null>(null);
  const [{ data: publishedData }] = useQuery({ query: PublishedHistoryQuery, variables: { unit } });
  useEffect(() => {
    let live = true;
    const all = years().reverse();
    Promise.all(
      all.map(async (year) => {
        const result = await client.query(IndexQuery, { unit, year }).toPromise();
        const report = result.data?.indexReport;
        return { year, report: report?.__typename === 'IndexReport' ? report : null };
      }),
    ).then((rows) => live && setReports({ unit, rows }));
    return () => {
      live = false;
    };
  }, [client, unit]);

  if (!reports || reports.unit !== unit) return <Loader role="status" aria-label={t('common.loading')} />;
  const history =
    publishedData?.unitIndexHistory.__typename === 'UnitIndexHistory' ? publishedData.unitIndexHistory : null;
  const published = new Map(
    (history?.series.find((x) => x.role === 'SELF')?.points ?? [])
      .filter((p) => p.published?.value != null)
      .map((p) => [p.year, p.published!.value as number]),
  );
  const withData = reports.rows.filter((r) => (r.report && r.report.overall.n > 0) || published.has(r.year));
  const minSample =
    withData[0]?.report?.minSample ?? reports.rows.find((r) => r.report)?.report?.minSample ?? 0;
  const dimensions = withData.find((r) => r.report)?.report?.dimensions ?? [];
  const shown = (figure: { value?: number | null; publishable: boolean }) =>
    figure.publishable && figure.value != null ? figure.value : null;
  const pct = (value: number) => `${formatIndexValue(value, locale)}%`;
  const cell = (figure: { value?: number | null; publishable: boolean; n: number } | undefined) =>
    !figure || figure.n === 0
      ? '—'
      : shown(figure) === null
        ? t('index.suppressed', { n: figure.n })
        : `${pct(figure.value as number)} (n = ${figure.n})`;
  const data = withData.map(({ year, report }) => ({
    label: String(year),
    overall: report ? shown(report.overall) : null,
    published: published.get(year) ?? null,
    ...Object.fromEntries(dimensions.map((d) => [`d${d.code}`, null])),
    ...Object.fromEntries((report?.dimensions ?? []).map((d) => [`d${d.code}`, shown(d)])),
  }));
  const anyShown = data.some((d) => Object.entries(d).some(([k, v]) => k !== 'label' && v !== null));

  return (
    <Stack gap="sm" data-testid="index-history">
      <Text size="sm">{t('index.historyLead', { minimum: minSample })}</Text>
      {anyShown ? (
        <LazyLineChart
          data={data}
          title={t('index.historyChart', { province: provinceName })}
          unit="%"
          yDomain={[50, 100]}
          valueFormatter={(value) => formatIndexValue(value, locale)}
          series={[
            { key: 'overall', label: t('index.historyOverall'), color: 'chiso.8' },
            { key: 'published', label: t('index.historyPublished'), color: 'gray.7', dashed: true },
            ...dimensions.map((d, i) => ({
              key: `d${d.code}`,
              label: t('index.historyFactor', { code: d.code }),
              color: FACTOR_COLORS[i % FACTOR_COLORS.length]!,
              dashed: true,
            })),
          ]}
        />
      ) : (
        <Text>{t('index.historyNone')}</Text>
      )}
      {withData.length > 0 ? (
        <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('index.historyHeading')}>
          <Table striped fz="sm" miw={560} data-testid="index-history-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('index.colYear')}</Table.Th>
                <Table.Th scope="col">{t('index.historyOverall')}</Table.Th>
                <Table.Th scope="col">{t('index.historyPublished')}</Table.Th>
                {dimensions.map((d) => (
                  <Table.Th scope="col" key={d.code}>
                    <abbr title={localized({ vi: d.name, en: d.nameEn })}>
                      {t('index.historyFactor', { code: d.code })}
                    </abbr>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {withData.map(({ year, report }) => (
                <Table.Tr key={year}>
                  <Table.Th scope="row">{year}</Table.Th>
                  <Table.Td>{cell(report?.overall)}</Table.Td>
                  <Table.Td>{published.has(year) ? pct(published.get(year)!) : '—'}</Table.Td>
                  {dimensions.map((d) => (
                    <Table.Td key={d.code}>
                      {cell(report?.dimensions.find((x) => x.code === d.code))}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Box>
      ) : null}
    </Stack>
  );
}

function years(now: Date = new Date()): number[] {
  const last = now.getFullYear();
  return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
}

/** The province's index and factors, the ranking of provinces with rank intervals, and published results. */
export default function IndexPage() {
  const t = useT();
  const { locale } = useLocale();
  const localized = useLocalized();
  const [params, setParams] = useSearchParams();
  const allYears = useMemo(() => years(), []);
  const yearParam = Number(params.get('nam'));
  const year = allYears.includes(yearParam) ? yearParam : DEFAULT_YEAR;
  const unit = params.get('tinh') ?? DEFAULT_UNIT;
  const [{ data: indexData, fetching: indexFetching, error: indexError }] = useQuery({
    query: IndexQuery,
    variables: { unit, year },
  });
  const [{ data: rankingData, fetching: rankingFetching }] = useQuery({
    query: RankingQuery,
    variables: { year },
  });
  const report = indexData?.indexReport.__typename === 'IndexReport' ? indexData.indexReport : null;
  const ranking = rankingData?.ranking.__typename === 'Ranking' ? rankingData.ranking : null;
  const ranked = (ranking?.entries ?? [])
    .filter((e) => e.rank !== null && e.rankLow !== null && e.rankHigh !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const unranked = (ranking?.entries ?? []).filter((e) => e.rank === null);
  const name = (u: { name: string; nameEn: string }) => localized({ vi: u.name, en: u.nameEn });
  const pct = (value: number | null | undefined) =>
    value == null ? '—' : `${formatIndexValue(value, locale)}%`;

  useEffect(() => {
    document.title = `${t('index.heading')} — ${t('app.title')}`;
  }, [t]);

  function set(name: string, value: string) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set(name, value);
        return next;
      },
      { replace: true },
    );
  }

  const provinces = (ranking?.entries ?? [])
    .map((e) => e.unit)
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={2}>{t('index.heading')}</Title>
        <Text>{t('index.lead')}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" maw={560}>
        <NativeSelect
          label={t('index.year')}
          value={String(year)}
          onChange={(e) => set('nam', e.currentTarget.value)}
          data={allYears.map(String)}
        />
        <NativeSelect
          label={t('index.province')}
          value={unit}
          onChange={(e) => set('tinh', e.currentTarget.value)}
          data={
            provinces.length > 0
              ? provinces.map((u) => ({ value: u.code, label: name(u) }))
              : [{ value: unit, label: unit }]
          }
        />
      </SimpleGrid>

      <section aria-labelledby="province-index-heading">
        <Title order={3} id="province-index-heading" mb="sm">
          {report
            ? t('index.provinceHeading', {
                province: name(report.unit),
                period: localized({ vi: report.period.label, en: report.period.labelEn }),
              })
            : t('index.provinceHeadingPlain')}
        </Title>
        {indexFetching && !indexData ? <Loader aria-label={t('common.loading')} /> : null}
        {indexError ? (
          <Alert color="red" role="alert">
            {t('common.loadError')}
          </Alert>
        ) : null}
        {indexData && !report ? <Text>{t('index.noData')}</Text> : null}
        {report ? (
          <Stack gap="md" data-testid="province-index">
            <Text size="sm" c="dimmed">
              {localized({ vi: report.instrument.name, en: report.instrument.nameEn })}
            </Text>
            <IndexFigure
              metric="overall-index"
              value={report.overall.value ?? null}
              interval={
                report.overall.ciLow != null && report.overall.ciHigh != null
                  ? { low: report.overall.ciLow, high: report.overall.ciHigh }
                  : null
              }
              n={report.overall.n}
              publishable={report.overall.publishable}
              minimumSample={report.minSample}
              suffix="%"
            />
            <Title order={4} size="h5">
              {t('index.factors')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" data-testid="factor-figures">
              {report.dimensions.map((d) => (
                <IndexFigure
                  key={d.code}
                  metric="dimension-index"
                  label={t('index.factor', { code: d.code, name: name(d) })}
                  value={d.value ?? null}
                  interval={d.ciLow != null && d.ciHigh != null ? { low: d.ciLow, high: d.ciHigh } : null}
                  n={d.n}
                  publishable={d.publishable}
                  minimumSample={report.minSample}
                  suffix="%"
                />
              ))}
            </SimpleGrid>
          </Stack>
        ) : null}
      </section>

      <section aria-labelledby="history-heading">
        <Title order={3} id="history-heading" mb="xs">
          {t('index.historyHeading')}
        </Title>
        <IndexHistory unit={unit} provinceName={report ? name(report.unit) : unit} />
      </section>

      <section aria-labelledby="ranking-heading">
        <Title order={3} id="ranking-heading" mb="xs">
          {t('index.rankingHeading', { year: String(year) })}
        </Title>
        <Text size="sm" mb="sm">
          {t('index.rankingLead')}
        </Text>
        {rankingFetching && !rankingData ? <Loader aria-label={t('common.loading')} /> : null}
        {ranking ? (
          <Stack gap="md">
            <Text fw={600} data-testid="ranking-summary">
              {t('index.rankedCount', { ranked: ranking.rankedUnits, total: ranking.entries.length })}
            </Text>
            {ranked.length > 0 ? (
              <Suspense fallback={<Skeleton h={60 + ranked.length * 26} />}>
                <RankIntervalChart
                  rows={ranked.map((e) => ({
                    label: name(e.unit),
                    rank: e.rank as number,
                    rankLow: e.rankLow as number,
                    rankHigh: e.rankHigh as number,
                  }))}
                  rankedUnits={ranking.rankedUnits}
                  title={t('index.chartTitle', { year: String(year) })}
                  axisLabel={t('index.chartAxis')}
                />
              </Suspense>
            ) : null}
            <Table.ScrollContainer minWidth={0}>
              <Table striped data-testid="ranking-table" fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('index.colRank')}</Table.Th>
                    <Table.Th scope="col">{t('index.colProvince')}</Table.Th>
                    <Table.Th scope="col">{t('index.colValue')}</Table.Th>
                    <Table.Th scope="col">n</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {ranked.map((e) => (
                    <Table.Tr key={e.unit.id}>
                      <Table.Td>
                        {e.rank}
                        <Text span size="xs" c="dimmed" display="block">
                          {t('index.rankInterval', { low: e.rankLow ?? '', high: e.rankHigh ?? '' })}
                        </Text>
                      </Table.Td>
                      <Table.Th scope="row" fw={500}>
                        {name(e.unit)}
                      </Table.Th>
                      <Table.Td>
                        {pct(e.value)}
                        <Text span size="xs" c="dimmed" display="block">
                          {pct(e.ciLow)} – {pct(e.ciHigh)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{e.n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {unranked.length > 0 ? (
              <details>
                <summary>
                  {t('index.unranked', { count: unranked.length, minimum: ranking.minSample })}
                </summary>
                <Text size="sm" mt="xs">
                  {unranked.map((e) => name(e.unit)).join(', ')}
                </Text>
              </details>
            ) : null}
          </Stack>
        ) : null}
      </section>

      <section aria-labelledby="published-heading">
        <Title order={3} id="published-heading" mb="xs">
          {t('index.publishedHeading', { year: String(year) })}
        </Title>
        <Text size="sm" mb="sm">
          {t('index.publishedLead')}
        </Text>
        {rankingData?.publishedResults && rankingData.publishedResults.length > 0 ? (
          <Stack
            gap="xs"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            data-testid="published-results"
          >
            {rankingData.publishedResults.map((r) => (
              <Text component="li" key={`${r.unitName}-${r.scope}`}>
                <Text span fw={600}>
                  {r.unitName}
                </Text>
                {': '}
                {r.value != null ? pct(r.value) : null}
                {r.value != null && r.rank != null ? ' · ' : null}
                {r.rank != null ? t('index.publishedRank', { rank: r.rank, of: r.ofUnits ?? '' }) : null}{' '}
                <Badge
                  size="xs"
                  variant="light"
                  color={r.status === 'VERIFIED' ? 'green' : 'gray'}
                  c="dark.7"
                >
                  {r.status === 'VERIFIED' ? t('index.verified') : t('index.derived')}
                </Badge>{' '}
                <Anchor href={r.source} size="sm" target="_blank" rel="noopener noreferrer">
                  {t('index.source')}
                </Anchor>
              </Text>
            ))}
          </Stack>
        ) : rankingData ? (
          <Text>{t('index.noPublished')}</Text>
        ) : null}
      </section>
    </Stack>
  );
}
