import { useLocale } from '@chiso/ui';
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { type ApiError, apiErrorText, asApiError, transportErrorText } from '../../api-errors.js';
import { FormCard } from '../../components/form-card.js';
import { localName } from '../../format.js';
import { graphql, type ResultOf, type VariablesOf } from '../../graphql.js';
import { useSession } from '../../session.js';
import { useAgenciesT } from './agencies-messages.js';
import { useOutcome } from './mutation-outcome.js';
import { formText, todayInVietnam, useUnitOptions } from './unit-scope.js';

const WorkCalendarQuery = graphql(`
  query AdminWorkCalendar($unitId: ID!, $year: Int!) {
    workCalendar(unitId: $unitId, year: $year) {
      __typename
      ... on Error { message messageEn }
      ... on WorkCalendarYear {
        unit { id code name nameEn }
        year
        weeklyRestDays
        days { date kind name nameEn origin overrides source }
      }
    }
  }
`);

const SetDayMutation = graphql(`
  mutation AdminSetCalendarDay(
    $unitId: ID!
    $date: Date!
    $kind: CalendarDayKind!
    $name: String!
    $nameEn: String!
  ) {
    setCalendarDay(unitId: $unitId, date: $date, kind: $kind, name: $name, nameEn: $nameEn, source: MANUAL) {
      __typename
      ... on MutationSetCalendarDaySuccess { data { unit { id } year } }
      ... on Error { message messageEn }
      ... on ValidationError { message messageEn fieldErrors { path message messageEn } }
    }
  }
`);

const RemoveDayMutation = graphql(`
  mutation AdminRemoveCalendarDay($unitId: ID!, $date: Date!) {
    removeCalendarDay(unitId: $unitId, date: $date) {
      __typename
      ... on MutationRemoveCalendarDaySuccess { data { unit { id } year } }
      ... on Error { message messageEn }
      ... on ValidationError { message messageEn fieldErrors { path message messageEn } }
    }
  }
`);

type Calendar = Extract<
  NonNullable<ResultOf<typeof WorkCalendarQuery>['workCalendar']>,
  { __typename: 'WorkCalendarYear' }
>;
type Day = Calendar['days'][number];
type Kind = VariablesOf<typeof SetDayMutation>['kind'];

const pad = (n: number) => String(n).padStart(2, '0');

function MonthGrid({
  year,
  month,
  days,
  restDays,
}: {
  year: number;
  month: number;
  days: Map<string, Day>;
  restDays: Set<number>;
}) {
  const t = useAgenciesT();
  const { locale } = useLocale();
  const weekdays = t('cal.weekdays').split(',');
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array(first).fill(null), ...Array.from({ length }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  return (
    <Card withBorder padding="xs">
      <Table
        withRowBorders={false}
        verticalSpacing={2}
        horizontalSpacing={2}
        fz="xs"
        style={{ tableLayout: 'fixed' }}
      >
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left', fontWeight: 600, marginBottom: 4 }}>
          {t('cal.month', { month })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {weekdays.map((w) => (
              <Table.Th key={w} scope="col" ta="center" fz="xs" fw={500}>
                {w}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {weeks.map((week, w) => (
            <Table.Tr key={w}>
              {week.map((day, index) => {
                if (day === null) return <Table.Td key={`blank-${index}`} />;
                const date = `${year}-${pad(month)}-${pad(day)}`;
                const entry = days.get(date);
                const rest = restDays.has(index);
                const background = entry
                  ? entry.kind === 'HOLIDAY'
                    ? 'var(--mantine-color-red-1)'
                    : 'var(--mantine-color-teal-1)'
                  : rest
                    ? 'var(--mantine-color-gray-1)'
                    : undefined;
                const label = entry ? (locale === 'vi' ? entry.name : entry.nameEn) : undefined;
                return (
                  <Table.Td
                    key={date}
                    ta="center"
                    title={label}
                    data-date={date}
                    data-kind={entry?.kind ?? (rest ? 'REST' : 'WORK')}
                    c={entry?.kind === 'HOLIDAY' ? 'red.9' : undefined}
                    fw={entry ? 700 : undefined}
                    style={{
                      background,
                      borderRadius: 4,
                      outline:
                        entry && entry.origin !== 'NATIONAL'
                          ? '2px solid var(--mantine-color-blue-7)'
                          : undefined,
                      outlineOffset: -2,
                    }}
                  >
                    {day}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function AddDayForm({ unitId, onSaved }: { unitId: string; onSaved: () => void }) {
  const t = useAgenciesT();
  const [{ fetching }, setDay] = useMutation(SetDayMutation);
  const outcome = useOutcome();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const date = formText(form, 'date');
    const result = await setDay({
      unitId,
      date,
      kind: formText(form, 'kind') as Kind,
      name: formText(form, 'name'),
      nameEn: formText(form, 'nameEn'),
    });
    if (outcome.settle(result.data?.setCalendarDay, result.error, t('cal.saved', { date }))) onSaved();
  }
  const f = outcome.field;
  return (
    <FormCard
      id="add-day-heading"
      title={t('cal.add')}
      onSubmit={submit}
      noValidate
      submitLabel={t('cal.save')}
      submitting={fetching}
      after={outcome.view('calendar-error')}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput name="date" type="date" label={t('cal.date')} error={f('date')} />
        <NativeSelect
          name="kind"
          label={t('cal.kind')}
          error={f('kind')}
          data={(['HOLIDAY', 'WORKING_DAY'] as const).map((k) => ({
            value: k,
            label: t(`cal.kind.${k}`),
          }))}
        />
        <TextInput name="name" label={t('cal.name')} error={f('name')} />
        <TextInput name="nameEn" label={t('cal.nameEn')} error={f('nameEn')} />
      </SimpleGrid>
    </FormCard>
  );
}

/** A unit's work calendar for one year: national and own days on a month grid, with the unit's own days editable. */
export default function CalendarPage() {
  const t = useAgenciesT();
  const { locale } = useLocale();
  const { viewer } = useSession();
  const [search, setSearch] = useSearchParams();
  const options = useUnitOptions(viewer);
  const unitId = search.get('unit') ?? options[0]?.id ?? null;
  const yearParam = Number(search.get('year'));
  const year =
    Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100
      ? yearParam
      : Number(todayInVietnam().slice(0, 4));
  const [{ data, error }, refetch] = useQuery({
    query: WorkCalendarQuery,
    variables: { unitId: unitId ?? '', year },
    pause: !unitId,
  });
  const [{ fetching: removing }, removeDay] = useMutation(RemoveDayMutation);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const result = data?.workCalendar;
  const calendar = result?.__typename === 'WorkCalendarYear' ? result : null;
  const days = useMemo(() => new Map((calendar?.days ?? []).map((d) => [d.date, d])), [calendar]);
  const restDays = new Set(calendar?.weeklyRestDays ?? [0, 6]);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const set = (next: Record<string, string>) =>
    setSearch({ unit: unitId ?? '', year: String(year), ...next });

  return (
    <Stack>
      <Title order={2}>{t('cal.heading')}</Title>
      <Group align="flex-end">
        <NativeSelect
          label={t('cal.unit')}
          value={unitId ?? ''}
          onChange={(event) => set({ unit: event.currentTarget.value })}
          data={[
            ...(options.some((u) => u.id === unitId) || !calendar
              ? []
              : [
                  {
                    value: calendar.unit.id,
                    label: `${calendar.unit.code} · ${localName(calendar.unit, locale)}`,
                  },
                ]),
            ...options.map((u) => ({
              value: u.id,
              label: `${u.code} · ${localName(u, locale)}`,
            })),
          ]}
        />
        <NativeSelect
          label={t('cal.year')}
          value={String(year)}
          onChange={(event) => set({ year: event.currentTarget.value })}
          data={Array.from({ length: 9 }, (_, i) => String(year - 4 + i))}
        />
      </Group>
      {error ? (
        <Alert color="red" role="alert">
          {transportErrorText(error, locale)}
        </Alert>
      ) : null}
      {result && !calendar ? (
        <Alert color="red" role="alert">
          {apiErrorText(result as ApiError, locale)}
        </Alert>
      ) : null}
      <Group gap="md" aria-hidden>
        <Badge color="red" variant="light" c="dark.8">
          {t('cal.legendHoliday')}
        </Badge>
        <Badge color="teal" variant="light" c="dark.8">
          {t('cal.legendWorking')}
        </Badge>
        <Badge color="gray" variant="light" c="dark.8">
          {t('cal.legendRest')}
        </Badge>
        <Badge color="blue.8" variant="outline" c="dark.8">
          {t('cal.legendOwn')}
        </Badge>
      </Group>
      {calendar ? (
        <SimpleGrid cols={{ base: 1, xs: 2, sm: 3, lg: 4 }} data-testid="calendar-grid">
          {Array.from({ length: 12 }, (_, i) => (
            <MonthGrid key={i} year={year} month={i + 1} days={days} restDays={restDays} />
          ))}
        </SimpleGrid>
      ) : null}
      {unitId ? <AddDayForm key={`${unitId}-${year}`} unitId={unitId} onSaved={reload} /> : null}
      <Card withBorder component="section" aria-labelledby="days-heading">
        <Stack gap="sm">
          <Title order={3} size="h4" id="days-heading">
            {t('cal.days')}
          </Title>
          {removeError ? (
            <Alert color="red" role="alert">
              {removeError}
            </Alert>
          ) : null}
          {removed ? (
            <Text c="teal.9" role="status" fw={500}>
              {removed}
            </Text>
          ) : null}
          <Table.ScrollContainer minWidth={560}>
            <Table withTableBorder striped data-testid="calendar-days">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cal.date')}</Table.Th>
                  <Table.Th scope="col">{t('cal.kind')}</Table.Th>
                  <Table.Th scope="col">{t('cal.name')}</Table.Th>
                  <Table.Th scope="col">{t('cal.origin')}</Table.Th>
                  <Table.Th scope="col">{t('sp.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(calendar?.days ?? []).map((day) => (
                  <Table.Tr key={day.date}>
                    <Table.Td ff="monospace">{day.date}</Table.Td>
                    <Table.Td>{t(`cal.kind.${day.kind}`)}</Table.Td>
                    <Table.Td>{locale === 'vi' ? day.name : day.nameEn}</Table.Td>
                    <Table.Td>{t(`cal.origin.${day.origin}`)}</Table.Td>
                    <Table.Td>
                      {day.origin === 'UNIT' && calendar?.unit.id === unitId ? (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          loading={removing}
                          aria-label={t('cal.removeLabel', { date: day.date })}
                          onClick={async () => {
                            const outcome = await removeDay({ unitId: unitId ?? '', date: day.date });
                            const apiError = asApiError(outcome.data?.removeCalendarDay);
                            setRemoveError(
                              apiError
                                ? apiErrorText(apiError, locale)
                                : outcome.error
                                  ? transportErrorText(outcome.error, locale)
                                  : null,
                            );
                            setRemoved(
                              apiError || outcome.error ? null : t('cal.removed', { date: day.date }),
                            );
                            reload();
                          }}
                        >
                          {t('cal.remove')}
                        </Button>
                      ) : null}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      </Card>
    </Stack>
  );
}
