import { LazyBarChart, useLocale } from '@chiso/ui';
import { Alert, Badge, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { apiErrorText, asApiError } from '../../api-errors.js';
import { formatNumber } from '../../format.js';
import { graphql } from '../../graphql.js';
import type { ReportPeriod } from './report-insights.js';
import { useReportT } from './report-messages.js';

const UnitIdQuery = graphql(`
  query ReportUnitId($unit: String!, $asOf: Date) {
    unit(code: $unit, asOf: $asOf) {
      __typename
      ... on AdministrativeUnit { id name nameEn }
    }
  }
`);

const ServiceIndexQuery = graphql(`
  query ReportServiceIndex($unitId: ID!, $period: ServiceIndexPeriod!, $date: Date!) {
    serviceIndex(unitId: $unitId, period: $period, date: $date) {
      __typename
      ... on ServiceIndex {
        from
        to
        total
        max
        bandName
        bandNameEn
        groups {
          code
          name
          nameEn
          points
          max
          applicableMax
          indicators {
            code
            name
            nameEn
            definition
            definitionEn
            applicable
            withheld
            numerator
            denominator
            ratio
            points
            max
            notApplicableReason
            notApplicableReasonEn
          }
        }
      }
      ... on Error { message messageEn }
    }
  }
`);

const TimelinessQuery = graphql(`
  query ReportTimeliness($unitId: ID!, $from: Date!, $to: Date!) {
    timelinessReport(unitId: $unitId, from: $from, to: $to, groupBy: AGENCY) {
      __typename
      ... on TimelinessReport {
        total { received early onTime late open openLate onTimeRate }
        groups { key agencyName received early onTime late open openLate onTimeRate }
      }
      ... on Error { message messageEn }
    }
  }
`);

/** First and last day of a year or one of its quarters. */
export function periodDays(year: number, quarter: number | null): { from: string; to: string } {
  if (!quarter) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const first = (quarter - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  const month = (m: number) => String(m).padStart(2, '0');
  return { from: `${year}-${month(first)}-01`, to: `${year}-${month(first + 2)}-${last}` };
}

/**
 * How the unit serves people with their dossiers in the report's period: the Decision 766 service index (groups
 * as a chart, indicators with their definitions and n beside it) and the timeliness of dossiers by agency.
 */
export function ServiceSections({ unit, year, quarter }: ReportPeriod) {
  const { from, to } = periodDays(year, quarter);
  const [{ data }] = useQuery({ query: UnitIdQuery, variables: { unit, asOf: to } });
  const found = data?.unit.__typename === 'AdministrativeUnit' ? data.unit : null;
  if (!found) return null;
  return (
    <>
      <ServiceIndexSection unitId={found.id} unitName={found} quarter={quarter} from={from} />
      <TimelinessSection unitId={found.id} from={from} to={to} />
    </>
  );
}

/** A titled section of the report that loads on its own: a spinner while it does, a typed error if it fails. */
function LoadingSection({
  id,
  testId,
  title,
  loading,
  loadingLabel,
  problem,
  children,
}: {
  id: string;
  testId: string;
  title: string;
  loading: boolean;
  loadingLabel: string;
  problem: string | null;
  children: ReactNode;
}) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id} data-testid={testId}>
      <Title order={3} size="h4" id={id}>
        {title}
      </Title>
      {loading ? <Loader size="sm" aria-label={loadingLabel} /> : null}
      {problem ? (
        <Alert color="yellow" role="alert">
          {problem}
        </Alert>
      ) : null}
      {children}
    </Stack>
  );
}

/** Column headers, the first one left and the figures right. */
function HeaderRow({ labels }: { labels: string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {labels.map((label, i) => (
          <Table.Th scope="col" ta={i === 0 ? undefined : 'right'} key={label}>
            {label}
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

function ServiceIndexSection({
  unitId,
  unitName,
  quarter,
  from,
}: {
  unitId: string;
  unitName: { name: string; nameEn: string };
  quarter: number | null;
  from: string;
}) {
  const t = useReportT();
  const { locale } = useLocale();
  const vi = locale === 'vi';
  const [{ data, fetching }] = useQuery({
    query: ServiceIndexQuery,
    variables: { unitId, period: quarter ? 'QUARTER' : 'YEAR', date: from },
  });
  const result = data?.serviceIndex;
  const index = result?.__typename === 'ServiceIndex' ? result : null;
  const error = asApiError(result);
  const points = (x: number | null) => formatNumber(x, locale, 2);
  return (
    <LoadingSection
      id="service-heading"
      testId="service-index"
      title={t('service.heading')}
      loading={fetching && !data}
      loadingLabel={t('service.loading')}
      problem={error ? apiErrorText(error, locale) : null}
    >
      {index ? (
        <>
          <Text size="sm" c="dimmed">
            {t('service.lead', {
              unit: vi ? unitName.name : unitName.nameEn,
              from: index.from,
              to: index.to,
            })}
          </Text>
          <Group>
            <Text fw={700} size="lg" data-testid="service-total">
              {index.total === null
                ? t('service.noTotal')
                : t('service.total', { total: points(index.total), max: formatNumber(index.max, locale) })}
            </Text>
            {index.bandName ? (
              <Badge variant="light" c="dark.8">
                {t('service.band', { band: (vi ? index.bandName : index.bandNameEn) ?? '' })}
              </Badge>
            ) : null}
          </Group>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <LazyBarChart
              title={t('service.chart')}
              seriesLabel={t('service.chart')}
              bars="horizontal"
              labelWidth={240}
              height={240}
              data={index.groups
                .filter((g) => g.points !== null)
                .map((g) => ({
                  label: `${g.code}. ${vi ? g.name : g.nameEn}`,
                  value: Number((((g.points ?? 0) / g.max) * 100).toFixed(2)),
                }))}
            />
            <Table.ScrollContainer minWidth={560}>
              <Table withTableBorder data-testid="service-table">
                <HeaderRow
                  labels={[
                    t('service.col.indicator'),
                    t('service.col.value'),
                    t('service.col.ratio'),
                    t('service.col.points'),
                  ]}
                />
                <Table.Tbody>
                  {index.groups.map((group) => (
                    <Fragment key={group.code}>
                      <Table.Tr bg="gray.1">
                        <Table.Th scope="rowgroup" colSpan={3}>
                          {t('service.group', { code: group.code, name: vi ? group.name : group.nameEn })}
                        </Table.Th>
                        <Table.Td ta="right" fw={700}>
                          {points(group.points)} / {formatNumber(group.max, locale)}
                        </Table.Td>
                      </Table.Tr>
                      {group.indicators.map((indicator) => (
                        <Table.Tr key={indicator.code}>
                          <Table.Td>
                            <Text size="sm">
                              {indicator.code}. {vi ? indicator.name : indicator.nameEn}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {vi ? indicator.definition : indicator.definitionEn}
                            </Text>
                            {indicator.applicable && !indicator.withheld ? null : (
                              <Text size="xs" c="dimmed" fs="italic">
                                {(vi ? indicator.notApplicableReason : indicator.notApplicableReasonEn) ??
                                  t('service.notApplicable')}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td ta="right">
                            {formatNumber(indicator.numerator, locale)} /{' '}
                            {formatNumber(indicator.denominator, locale)}
                          </Table.Td>
                          <Table.Td ta="right">
                            {indicator.ratio === null
                              ? '—'
                              : `${formatNumber(indicator.ratio * 100, locale, 1)}%`}
                          </Table.Td>
                          <Table.Td ta="right">
                            {points(indicator.points)} / {formatNumber(indicator.max, locale)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Fragment>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </SimpleGrid>
        </>
      ) : null}
    </LoadingSection>
  );
}

function TimelinessSection({ unitId, from, to }: { unitId: string; from: string; to: string }) {
  const t = useReportT();
  const { locale } = useLocale();
  const [{ data, fetching }] = useQuery({ query: TimelinessQuery, variables: { unitId, from, to } });
  const result = data?.timelinessReport;
  const report = result?.__typename === 'TimelinessReport' ? result : null;
  const error = asApiError(result);
  const rate = (x: number | null) => (x === null ? '—' : `${formatNumber(x * 100, locale, 1)}%`);
  const groups = (report?.groups ?? []).filter((g) => g.received > 0);
  return (
    <LoadingSection
      id="timely-heading"
      testId="timeliness"
      title={t('timely.heading')}
      loading={fetching && !data}
      loadingLabel={t('timely.loading')}
      problem={
        error
          ? error.__typename === 'ForbiddenError'
            ? t('timely.forbidden')
            : apiErrorText(error, locale)
          : null
      }
    >
      {report ? (
        <>
          <Text size="sm" c="dimmed">
            {t('timely.lead', { from, to })}
          </Text>
          <Text fw={600} data-testid="timeliness-total">
            {t('timely.total', {
              received: formatNumber(report.total.received, locale),
              early: formatNumber(report.total.early, locale),
              onTime: formatNumber(report.total.onTime, locale),
              late: formatNumber(report.total.late, locale),
              open: formatNumber(report.total.open, locale),
              openLate: formatNumber(report.total.openLate, locale),
              rate: rate(report.total.onTimeRate),
            })}
          </Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <LazyBarChart
              title={t('timely.chart')}
              seriesLabel={t('timely.chart')}
              bars="horizontal"
              labelWidth={240}
              height={Math.max(160, groups.length * 28)}
              data={groups
                .filter((g) => g.onTimeRate !== null)
                .map((g) => ({
                  label: g.agencyName ?? g.key,
                  value: Number(((g.onTimeRate ?? 0) * 100).toFixed(1)),
                }))}
            />
            <Table.ScrollContainer minWidth={620}>
              <Table striped withTableBorder data-testid="timeliness-table">
                <HeaderRow
                  labels={(
                    ['agency', 'received', 'early', 'onTime', 'late', 'openLate', 'rate'] as const
                  ).map((key) => t(`timely.col.${key}`))}
                />
                <Table.Tbody>
                  {groups.map((g) => (
                    <Table.Tr key={g.key}>
                      <Table.Th scope="row" fw={400}>
                        {g.agencyName ?? g.key}
                      </Table.Th>
                      <Table.Td ta="right">{formatNumber(g.received, locale)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(g.early, locale)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(g.onTime, locale)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(g.late, locale)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(g.openLate, locale)}</Table.Td>
                      <Table.Td ta="right">{rate(g.onTimeRate)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </SimpleGrid>
        </>
      ) : null}
    </LoadingSection>
  );
}
