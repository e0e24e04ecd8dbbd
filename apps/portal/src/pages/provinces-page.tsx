import { type BarChartDatum, formatIndexValue, LazyBarChart, useLocale, useLocalized } from '@chiso/ui';
import { Alert, Loader, NativeSelect, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { paths } from '../app-paths.js';
import { graphql } from '../graphql.js';
import { useT } from '../messages.js';
import type { MapProvince } from './province-map.js';
import { provincesAsOf, provinceYears, yearFromSearch } from './province-years.js';

// The map (its drawing code and its boundaries) is fetched when the page shows it.
const ProvinceMap = lazy(() => import('./province-map.js'));

const ProvincesQuery = graphql(`
  query Provinces($asOf: Date!) {
    units(level: PROVINCE, asOf: $asOf) {
      id
      code
      name
      nameEn
      region {
        code
        name
        nameEn
      }
    }
  }
`);

const ProvinceIndexQuery = graphql(`
  query ProvinceIndexMap($year: Int!) {
    ranking(level: PROVINCE, year: $year) {
      __typename
      ... on Ranking {
        minSample
        entries {
          value
          n
          publishable
          unit {
            code
          }
        }
      }
    }
    publishedResults(index: SIPAS, year: $year) {
      unitCode
      value
      scope
    }
  }
`);

function formatDate(isoDate: string, locale: 'vi' | 'en'): string {
  const [year, month, day] = isoDate.split('-');
  return locale === 'vi' ? `${day}/${month}/${year}` : `${day}.${month}.${year}`;
}

/** The provinces of a year (63 until 30 June 2025, 34 since), with their regions. */
export default function ProvincesPage() {
  const t = useT();
  const { locale } = useLocale();
  const localized = useLocalized();
  const years = useMemo(() => provinceYears(), []);
  const [search, setSearch] = useSearchParams();
  const year = yearFromSearch(search.get('year'), years);
  const asOf = provincesAsOf(year);
  const [{ data, fetching, error }] = useQuery({ query: ProvincesQuery, variables: { asOf } });
  const provinces = data?.units ?? [];
  const [{ data: indexData }] = useQuery({ query: ProvinceIndexQuery, variables: { year } });
  const ranking = indexData?.ranking.__typename === 'Ranking' ? indexData.ranking : null;
  const pct = (value: number) => `${formatIndexValue(value, locale)}%`;

  // A province's figure: computed from responses when publishable, else the published result of the year.
  const mapProvinces = useMemo<MapProvince[]>(() => {
    const computed = new Map(
      (ranking?.entries ?? [])
        .filter((e) => e.publishable && e.value != null)
        .map((e) => [e.unit.code, { value: e.value as number, n: e.n }]),
    );
    const published = new Map(
      (indexData?.publishedResults ?? [])
        .filter((r) => r.scope === 'PROVINCE' && r.unitCode && r.value != null)
        .map((r) => [r.unitCode as string, r.value as number]),
    );
    return provinces.map((p) => {
      const own = computed.get(p.code);
      const name = locale === 'vi' ? p.name : p.nameEn;
      if (own) return { code: p.code, name, value: own.value, n: own.n, source: 'computed' };
      const value = published.get(p.code);
      if (value !== undefined) return { code: p.code, name, value, n: null, source: 'published' };
      return { code: p.code, name, value: null, n: null, source: null };
    });
  }, [ranking, indexData, provinces, locale]);
  const figureOf = useMemo(() => new Map(mapProvinces.map((p) => [p.code, p])), [mapProvinces]);
  const figureText = (code: string) => {
    const figure = figureOf.get(code);
    if (!figure || figure.value === null) return t('provinces.noData');
    return figure.source === 'published'
      ? `${pct(figure.value)} (${t('provinces.published')})`
      : `${pct(figure.value)} (n = ${figure.n ?? 0})`;
  };

  const byRegion = useMemo(() => {
    const counts = new Map<string, BarChartDatum>();
    for (const province of provinces) {
      if (!province.region) continue;
      const label = localized({ vi: province.region.name, en: province.region.nameEn });
      const entry = counts.get(province.region.code) ?? { label, value: 0 };
      entry.value += 1;
      counts.set(province.region.code, entry);
    }
    return [...counts.values()];
  }, [provinces, localized]);

  return (
    <Stack gap="lg">
      <Title order={2}>{t('provinces.heading')}</Title>
      <NativeSelect
        label={t('provinces.year')}
        value={String(year)}
        onChange={(event) => setSearch({ year: event.currentTarget.value })}
        data={years.map(String)}
        w={140}
        size="md"
      />
      <Text c="dimmed">{t('provinces.asOf', { date: formatDate(asOf, locale) })}</Text>
      {error ? (
        <Alert color="red" role="alert">
          {t('provinces.error')}
        </Alert>
      ) : null}
      {fetching && !data ? <Loader aria-hidden /> : null}
      <div aria-live="polite" aria-busy={fetching}>
        {data?.units ? (
          <Stack gap="lg">
            <Text fw={600} size="lg" data-testid="province-count">
              {t('provinces.count', { count: provinces.length })}
            </Text>
            <section aria-labelledby="map-heading">
              <Title order={3} size="h4" mb="xs" id="map-heading">
                {t('provinces.mapHeading', { year: String(year) })}
              </Title>
              <Text size="sm" mb="sm">
                {t('provinces.mapLead', { minimum: ranking?.minSample ?? '' })}
              </Text>
              <Suspense fallback={<Skeleton h={400} maw={320} />}>
                <ProvinceMap
                  year={year}
                  provinces={mapProvinces}
                  hrefOf={(code) => `${paths.index}?tinh=${encodeURIComponent(code)}&nam=${year}`}
                  labels={{
                    title: t('provinces.mapTitle', { count: provinces.length }),
                    loading: t('provinces.mapLoading'),
                    error: t('provinces.mapError'),
                    noData: t('provinces.noData'),
                    legend: t('provinces.legend'),
                    published: t('provinces.published'),
                    respondents: (n) => t('provinces.respondents', { n }),
                    attribution: t('provinces.attribution'),
                    hint: t('provinces.mapHint'),
                    format: pct,
                  }}
                />
              </Suspense>
            </section>
            {byRegion.length > 0 ? (
              <section aria-label={t('provinces.byRegion')}>
                <Title order={3} size="h4" mb="xs">
                  {t('provinces.byRegion')}
                </Title>
                <LazyBarChart
                  data={byRegion}
                  seriesLabel={t('provinces.chartSeries')}
                  title={t('provinces.byRegion')}
                  bars="horizontal"
                  labelWidth={150}
                  height={20 + byRegion.length * 44}
                />
              </section>
            ) : null}
            <Table striped highlightOnHover fz="sm" data-testid="province-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('provinces.columnName')}</Table.Th>
                  <Table.Th scope="col">{t('provinces.columnRegion')}</Table.Th>
                  <Table.Th scope="col">{t('provinces.columnIndex')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {provinces.map((province) => (
                  <Table.Tr key={province.id}>
                    <Table.Td lang={locale === 'en' ? undefined : 'vi'}>
                      {locale === 'vi' ? province.name : province.nameEn}
                    </Table.Td>
                    <Table.Td>
                      {province.region
                        ? localized({ vi: province.region.name, en: province.region.nameEn })
                        : t('provinces.noRegion')}
                    </Table.Td>
                    <Table.Td data-code={province.code}>{figureText(province.code)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ) : null}
      </div>
    </Stack>
  );
}
