import { type BarChartDatum, LazyBarChart, useLocale, useLocalized } from '@chiso/ui';
import { Alert, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../graphql.js';
import { useT } from '../messages.js';
import { provincesAsOf, provinceYears, yearFromSearch } from './province-years.js';

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
            <Table striped highlightOnHover data-testid="province-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('provinces.columnName')}</Table.Th>
                  <Table.Th scope="col">{t('provinces.columnRegion')}</Table.Th>
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
