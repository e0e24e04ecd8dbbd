import { IndexFigure, useLocale, useLocalized } from '@chiso/ui';
import { Alert, Anchor, Badge, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { paths } from '../app-paths.js';
import { formatDays, formatVnd } from '../format.js';
import { graphql, type ResultOf } from '../graphql.js';
import { useT } from '../messages.js';
import { levelLabel, onlineLabel } from './procedure-labels.js';

const ProcedureQuery = graphql(`
  query Procedure($code: String!) {
    procedure(code: $code) {
      __typename
      ... on Procedure {
        code
        name
        nameEn
        level
        onlineLevel
        interAgency
        legalBasis
        resultDocument
        submissionPlaces
        timeBasis
        retired
        field {
          name
          nameEn
        }
        cases {
          ordinal
          name
          nameEn
          processingDays
          processingDaysOnline
          calendarDays
        }
        documents {
          ordinal
          name
          nameEn
          note
          originals
          copies
          reusable
        }
        fees {
          name
          nameEn
          note
          amountVnd
        }
        agencies {
          submissionPlace
          agency {
            code
            name
            nameEn
            address
            phone
            unit {
              code
            }
            servicePoints {
              id
              name
              nameEn
              address
              channel
              openingHours
              phone
              url
            }
          }
        }
      }
      ... on Error {
        message
        messageEn
      }
    }
  }
`);

const UnitYearsQuery = graphql(`
  query UnitYears($unit: String!) {
    unitIndexHistory(unit: $unit) {
      __typename
      ... on UnitIndexHistory {
        series {
          role
          points {
            year
            computed {
              n
            }
          }
        }
      }
    }
  }
`);

const AgencyIndexQuery = graphql(`
  query AgencyIndex($unit: String!, $agency: String!, $year: Int!) {
    indexReport(unit: $unit, agency: $agency, year: $year) {
      __typename
      ... on IndexReport {
        minSample
        period {
          label
          labelEn
        }
        overall {
          value
          ciLow
          ciHigh
          n
          publishable
        }
      }
    }
  }
`);

const FieldIndexQuery = graphql(`
  query FieldIndex($unit: String!, $year: Int!) {
    indexBreakdown(unit: $unit, year: $year, by: PROCEDURE_FIELD) {
      __typename
      ... on IndexBreakdown {
        minSample
        period {
          label
          labelEn
        }
        unit {
          code
          name
          nameEn
        }
        groups {
          key
          label
          withheld
          overall {
            value
            ciLow
            ciHigh
            n
            publishable
          }
        }
      }
    }
  }
`);

type Procedure = Extract<
  NonNullable<ResultOf<typeof ProcedureQuery>['procedure']>,
  { __typename: 'Procedure' }
>;
type ProcedureAgency = Procedure['agencies'][number]['agency'];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder p="md" radius="md">
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * The years in which a unit has survey answers, latest first, and the one being tried: a caller moves on to
 * the year before (`next`) when the latest has no figure for it — a unit retired in a reorganisation keeps
 * answers in its history but has no report for the years after it.
 */
function useSurveyYears(unit: string): {
  year: number | null;
  fetching: boolean;
  exhausted: boolean;
  next: () => void;
} {
  const [{ data, fetching }] = useQuery({ query: UnitYearsQuery, variables: { unit } });
  const [step, setStep] = useState(0);
  const next = useCallback(() => setStep((s) => s + 1), []);
  const history = data?.unitIndexHistory.__typename === 'UnitIndexHistory' ? data.unitIndexHistory : null;
  const years = [
    ...new Set(
      (history?.series ?? [])
        .filter((s) => s.role === 'SELF')
        .flatMap((s) => s.points)
        .filter((p) => (p.computed?.n ?? 0) > 0)
        .map((p) => p.year),
    ),
  ].sort((a, b) => b - a);
  return {
    year: years[step] ?? null,
    fetching,
    exhausted: !fetching && step >= years.length,
    next,
  };
}

/**
 * Moves on to the year before while the answer for the year being tried has no figure; true while still looking
 * (the years loading, or a year's answer pending or without a figure).
 */
function useWalkBack(
  years: ReturnType<typeof useSurveyYears>,
  answer: { answered: boolean; year: number | undefined; found: boolean },
): boolean {
  const settled = years.year !== null && answer.answered && answer.year === years.year;
  const { next } = years;
  useEffect(() => {
    if (settled && !answer.found) next();
  }, [settled, answer.found, next]);
  return years.fetching || (years.year !== null && !(settled && answer.found));
}

/**
 * The satisfaction of the procedure's field in the unit where it is handled (responses about dossiers of that
 * field, the latest year with answers), with its n and definition — withheld when the group is small. When the
 * field has no answers, the figures of the agencies handling the procedure stand in.
 */
function FieldSatisfaction({ procedure, unit }: { procedure: Procedure; unit: string }) {
  const t = useT();
  const localized = useLocalized();
  const years = useSurveyYears(unit);
  const [{ data, fetching, stale, operation }] = useQuery({
    query: FieldIndexQuery,
    variables: { unit, year: years.year ?? 0 },
    pause: years.year === null,
  });
  const breakdown = data?.indexBreakdown.__typename === 'IndexBreakdown' ? data.indexBreakdown : null;
  // Groups are labelled with the field's name, read from the same catalog row as the procedure's field.
  const group = breakdown?.groups.find((g) => g.label === procedure.field.name && g.overall.n > 0) ?? null;
  const agencies = procedure.agencies.filter(({ agency }) => agency.unit.code === unit);
  const looking = useWalkBack(years, {
    answered: data !== undefined && !fetching && !stale,
    year: operation?.variables.year,
    found: group !== null,
  });

  if (looking) {
    return <Loader size="sm" aria-label={t('common.loading')} />;
  }
  if (!breakdown || !group) {
    return (
      <Stack gap="md" data-testid="field-satisfaction-fallback">
        <Text size="sm">
          {t('procedure.noFieldSatisfaction', {
            field: localized({ vi: procedure.field.name, en: procedure.field.nameEn }),
          })}
        </Text>
        {agencies.map(({ agency }) => (
          <AgencySatisfaction key={agency.code} agency={agency} />
        ))}
      </Stack>
    );
  }
  return (
    <Stack gap="xs" data-testid="field-satisfaction">
      <IndexFigure
        metric="overall-index"
        label={t('procedure.fieldSatisfactionOf', {
          field: localized({ vi: procedure.field.name, en: procedure.field.nameEn }),
          unit: localized({ vi: breakdown.unit.name, en: breakdown.unit.nameEn }),
          period: localized({ vi: breakdown.period.label, en: breakdown.period.labelEn }),
        })}
        value={group.overall.value ?? null}
        interval={
          group.overall.ciLow != null && group.overall.ciHigh != null
            ? { low: group.overall.ciLow, high: group.overall.ciHigh }
            : null
        }
        n={group.overall.n}
        publishable={group.overall.publishable && !group.withheld}
        minimumSample={breakdown.minSample}
        suffix="%"
      />
      <Anchor component={Link} to={paths.index} size="sm">
        {t('procedure.seeIndex')}
      </Anchor>
    </Stack>
  );
}

/** The agency's own figure in the latest year in which its unit has survey answers. */
function AgencySatisfaction({ agency }: { agency: ProcedureAgency }) {
  const t = useT();
  const localized = useLocalized();
  const years = useSurveyYears(agency.unit.code);
  const [{ data, fetching, stale, operation }] = useQuery({
    query: AgencyIndexQuery,
    variables: { unit: agency.unit.code, agency: agency.code, year: years.year ?? 0 },
    pause: years.year === null,
  });
  const found = data?.indexReport.__typename === 'IndexReport' ? data.indexReport : null;
  const report = found && found.overall.n > 0 ? found : null;
  const name = localized({ vi: agency.name, en: agency.nameEn });
  const looking = useWalkBack(years, {
    answered: data !== undefined && !fetching && !stale,
    year: operation?.variables.year,
    found: report !== null,
  });

  if (looking) {
    return <Loader size="sm" aria-label={t('common.loading')} />;
  }
  if (!report) return <Text size="sm">{t('procedure.noSatisfaction', { agency: name })}</Text>;
  return (
    <Stack gap="xs">
      <IndexFigure
        metric="overall-index"
        label={t('procedure.satisfactionOf', {
          agency: name,
          period: localized({ vi: report.period.label, en: report.period.labelEn }),
        })}
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
      <Anchor component={Link} to={paths.index} size="sm">
        {t('procedure.seeIndex')}
      </Anchor>
    </Stack>
  );
}

function ProcedureDetail({ procedure }: { procedure: Procedure }) {
  const t = useT();
  const { locale } = useLocale();
  const pick = (vi: string, en: string | null | undefined) => (locale === 'en' && en ? en : vi);
  const unit =
    procedure.timeBasis === 'CALENDAR_DAYS' ? t('procedure.calendarDays') : t('procedure.workingDays');
  const days = (value: number | null | undefined) =>
    value == null ? t('procedure.notStated') : `${formatDays(value, locale)} ${unit}`;

  useEffect(() => {
    document.title = `${procedure.name} — ${t('app.title')}`;
  }, [procedure.name, t]);

  const servicePoints = procedure.agencies.flatMap((a) => a.agency.servicePoints);

  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('procedures.codeAndField', {
            code: procedure.code,
            field: pick(procedure.field.name, procedure.field.nameEn),
          })}
        </Text>
        <Title order={2}>{pick(procedure.name, procedure.nameEn)}</Title>
        <Group gap="xs">
          <Badge variant="light" color="gray" c="dark.7">
            {levelLabel(t, procedure.level)}
          </Badge>
          <Badge variant="light" color={procedure.onlineLevel === 'FULL' ? 'green' : 'gray'} c="dark.7">
            {onlineLabel(t, procedure.onlineLevel)}
          </Badge>
          {procedure.interAgency ? (
            <Badge variant="light" color="gray" c="dark.7">
              {t('procedure.interAgency')}
            </Badge>
          ) : null}
        </Group>
        {procedure.retired ? (
          <Alert color="yellow" role="status">
            {t('procedure.retired')}
          </Alert>
        ) : null}
        <Text data-testid="procedure-online">
          {procedure.onlineLevel === 'FULL'
            ? t('procedure.fullyOnline')
            : procedure.onlineLevel === 'PARTIAL'
              ? t('procedure.partlyOnline')
              : t('procedure.notOnline')}
        </Text>
      </Stack>

      <Section title={t('procedure.timeHeading')}>
        {procedure.cases.length === 0 ? (
          <Text>{t('procedure.notStated')}</Text>
        ) : (
          <Stack gap="sm" data-testid="procedure-cases">
            {procedure.cases.map((c) => (
              <Stack key={c.ordinal} gap={2}>
                {procedure.cases.length > 1 || c.name ? <Text fw={600}>{pick(c.name, c.nameEn)}</Text> : null}
                <Text size="sm">
                  {t('procedure.inPerson')}: {days(c.calendarDays ?? c.processingDays)}
                </Text>
                <Text size="sm">
                  {t('procedure.online')}:{' '}
                  {procedure.onlineLevel === 'NONE'
                    ? t('procedure.notOffered')
                    : days(c.calendarDays ?? c.processingDaysOnline ?? c.processingDays)}
                </Text>
              </Stack>
            ))}
          </Stack>
        )}
      </Section>

      <Section title={t('procedure.documentsHeading')}>
        {procedure.documents.length === 0 ? (
          <Text>{t('procedure.notStated')}</Text>
        ) : (
          <List type="ordered" spacing="sm" data-testid="procedure-documents">
            {procedure.documents.map((d) => (
              <List.Item key={d.ordinal}>
                <Text>{pick(d.name, d.nameEn)}</Text>
                <Text size="sm" c="dimmed">
                  {[
                    d.originals > 0 ? t('procedure.originals', { count: d.originals }) : null,
                    d.copies > 0 ? t('procedure.copies', { count: d.copies }) : null,
                    d.reusable ? t('procedure.reusable') : null,
                    d.note,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </List.Item>
            ))}
          </List>
        )}
      </Section>

      <Section title={t('procedure.feesHeading')}>
        {procedure.fees.length === 0 ? (
          <Text>{t('procedure.noFee')}</Text>
        ) : (
          <Stack gap="xs" data-testid="procedure-fees">
            {procedure.fees.map((fee) => (
              <Group key={fee.name} justify="space-between" wrap="wrap" gap="xs">
                <Text>
                  {pick(fee.name, fee.nameEn)}
                  {fee.note ? (
                    <Text span size="sm" c="dimmed">
                      {' '}
                      ({fee.note})
                    </Text>
                  ) : null}
                </Text>
                <Text fw={600}>
                  {fee.amountVnd === 0 ? t('procedure.feeExempt') : formatVnd(fee.amountVnd, locale)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
      </Section>

      <Section title={t('procedure.whereHeading')}>
        <Stack gap="sm">
          {procedure.submissionPlaces.length > 0 ? (
            <List spacing="xs">
              {procedure.submissionPlaces.map((place) => (
                <List.Item key={place}>{place}</List.Item>
              ))}
            </List>
          ) : null}
          {procedure.agencies.map(({ agency }) => (
            <Stack key={agency.code} gap={2}>
              <Text fw={600}>{t('procedure.handledBy', { agency: pick(agency.name, agency.nameEn) })}</Text>
              {agency.address ? <Text size="sm">{agency.address}</Text> : null}
              {agency.phone ? <Text size="sm">{t('procedure.phone', { phone: agency.phone })}</Text> : null}
            </Stack>
          ))}
          {servicePoints.length > 0 ? (
            <List spacing="xs">
              {servicePoints.map((point) => (
                <List.Item key={point.id}>
                  <Text>{pick(point.name, point.nameEn)}</Text>
                  <Text size="sm" c="dimmed">
                    {[t(`procedure.channel.${point.channel}`), point.address, point.openingHours, point.phone]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  {point.url ? (
                    <Anchor href={point.url} size="sm" rel="noopener noreferrer" target="_blank">
                      {point.url}
                    </Anchor>
                  ) : null}
                </List.Item>
              ))}
            </List>
          ) : null}
        </Stack>
      </Section>

      <Section title={t('procedure.resultHeading')}>
        <Text>{procedure.resultDocument ?? t('procedure.notStated')}</Text>
      </Section>

      <Section title={t('procedure.legalHeading')}>
        <Text>{procedure.legalBasis ?? t('procedure.notStated')}</Text>
      </Section>

      <Section title={t('procedure.satisfactionHeading')}>
        <Stack gap="md">
          {procedure.agencies.length === 0 ? (
            <Text size="sm">{t('procedure.notStated')}</Text>
          ) : (
            [...new Set(procedure.agencies.map(({ agency }) => agency.unit.code))].map((unit) => (
              <FieldSatisfaction key={unit} procedure={procedure} unit={unit} />
            ))
          )}
        </Stack>
      </Section>

      <Group gap="md">
        <Anchor component={Link} to={paths.dossier}>
          {t('procedure.trackLink')}
        </Anchor>
        <Anchor component={Link} to={`${paths.feedback}?thu-tuc=${encodeURIComponent(procedure.code)}`}>
          {t('procedure.feedbackLink')}
        </Anchor>
      </Group>
    </Stack>
  );
}

/** Everything a citizen needs to know before going: time, documents, fees, where, legal basis, satisfaction. */
export default function ProcedurePage() {
  const t = useT();
  const { code = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: ProcedureQuery, variables: { code } });
  const result = data?.procedure;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={paths.procedures} size="sm">
        {t('procedure.back')}
      </Anchor>
      {fetching && !data ? <Loader aria-label={t('common.loading')} /> : null}
      {error ? (
        <Alert color="red" role="alert">
          {t('common.loadError')}
        </Alert>
      ) : null}
      {result && result.__typename !== 'Procedure' ? (
        <Stack>
          <Title order={2}>{t('procedure.notFound')}</Title>
          <Text>{t('procedure.notFoundDetail', { code })}</Text>
        </Stack>
      ) : null}
      {result?.__typename === 'Procedure' ? <ProcedureDetail procedure={result} /> : null}
    </Stack>
  );
}
