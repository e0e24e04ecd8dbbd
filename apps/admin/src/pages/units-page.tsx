import { useLocale } from '@chiso/ui';
import { Alert, Group, Loader, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql, type VariablesOf } from '../graphql.js';
import { useT } from '../messages.js';

const UnitsQuery = graphql(`
  query AdminUnits($level: UnitLevel!, $asOf: Date) {
    units(level: $level, asOf: $asOf) {
      id
      code
      name
      nameEn
      type
      validFrom
      validTo
      region {
        code
        name
        nameEn
      }
    }
  }
`);

type Level = VariablesOf<typeof UnitsQuery>['level'];
const LEVELS: Level[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];

function todayInVietnam(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

/** Administrative units of a level on a date, as the API versions them. */
export default function UnitsPage() {
  const t = useT();
  const { locale } = useLocale();
  const [search, setSearch] = useSearchParams();
  const level = (LEVELS as string[]).includes(search.get('level') ?? '')
    ? (search.get('level') as Level)
    : 'PROVINCE';
  const asOf = /^\d{4}-\d{2}-\d{2}$/.test(search.get('asOf') ?? '') ? search.get('asOf')! : todayInVietnam();
  const [{ data, fetching, error }] = useQuery({ query: UnitsQuery, variables: { level, asOf } });
  const units = data?.units ?? [];

  const levelLabels: Record<Level, string> = {
    PROVINCE: t('units.levelProvince'),
    DISTRICT: t('units.levelDistrict'),
    COMMUNE: t('units.levelCommune'),
  };

  return (
    <Stack>
      <Title order={2}>{t('units.heading')}</Title>
      <Group align="flex-end">
        <NativeSelect
          label={t('units.level')}
          value={level}
          onChange={(event) => setSearch({ level: event.currentTarget.value, asOf })}
          data={LEVELS.map((value) => ({ value, label: levelLabels[value] }))}
        />
        <TextInput
          label={t('units.asOf')}
          type="date"
          value={asOf}
          onChange={(event) => {
            if (event.currentTarget.value) setSearch({ level, asOf: event.currentTarget.value });
          }}
        />
        {fetching ? <Loader size="sm" aria-hidden /> : null}
      </Group>
      {error ? (
        <Alert color="red" role="alert">
          {t('units.error')}
        </Alert>
      ) : null}
      <Text fw={600} data-testid="unit-count">
        {data ? t('units.count', { count: units.length }) : t('units.loading')}
      </Text>
      <Table striped highlightOnHover withTableBorder stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('units.code')}</Table.Th>
            <Table.Th scope="col">{t('units.name')}</Table.Th>
            <Table.Th scope="col">{t('units.type')}</Table.Th>
            <Table.Th scope="col">{t('units.region')}</Table.Th>
            <Table.Th scope="col">{t('units.validFrom')}</Table.Th>
            <Table.Th scope="col">{t('units.validTo')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((unit) => (
            <Table.Tr key={unit.id}>
              <Table.Td ff="monospace">{unit.code}</Table.Td>
              <Table.Td>{locale === 'vi' ? unit.name : unit.nameEn}</Table.Td>
              <Table.Td>{unit.type}</Table.Td>
              <Table.Td>
                {unit.region ? (locale === 'vi' ? unit.region.name : unit.region.nameEn) : '—'}
              </Table.Td>
              <Table.Td>{unit.validFrom}</Table.Td>
              <Table.Td>{unit.validTo ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
