import { METRIC_DEFINITIONS } from '@chiso/scoring';
import { Badge, Collapse, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { type ReactNode, useId, useState } from 'react';
import { useLocale, useLocalized } from './i18n/locale.js';
import { useUiT } from './i18n/ui-messages.js';
import classes from './index-figure.module.css';
import { formatIndexValue } from './number-format.js';

/** Publication threshold used when the caller does not say (the scoring package's default). */
const DEFAULT_MINIMUM_SAMPLE = 30;

export interface IndexFigureProps {
  /** Key of `METRIC_DEFINITIONS` in `@chiso/scoring`, e.g. `overall-index`; its definition is one click away. */
  metric: string;
  /** Heading of the card; defaults to the metric's name. */
  label?: ReactNode;
  /** The value (0–100 for indices); ignored when not publishable. */
  value: number | null;
  /** The 95% interval, when known. */
  interval?: { low: number; high: number } | null;
  /** Respondents behind the figure. */
  n: number;
  /** False when the sample is below the minimum: the value is withheld. */
  publishable: boolean;
  minimumSample?: number;
  /** Written after the value and interval bounds, e.g. `%`. */
  suffix?: string;
}

/** One published figure: the value with 2 decimals, its interval and n, or why it is withheld. */
export function IndexFigure({
  metric,
  label,
  value,
  interval,
  n,
  publishable,
  minimumSample = DEFAULT_MINIMUM_SAMPLE,
  suffix = '',
}: IndexFigureProps) {
  const t = useUiT();
  const { locale } = useLocale();
  const localized = useLocalized();
  const [open, setOpen] = useState(false);
  const definitionId = useId();
  const headingId = useId();
  const definition = METRIC_DEFINITIONS[metric];
  const shown = publishable && value !== null;
  const format = (x: number) => `${formatIndexValue(x, locale)}${suffix}`;

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      withBorder
      p="md"
      radius="md"
      data-metric={metric}
      data-publishable={shown ? 'true' : 'false'}
    >
      <Stack gap={6}>
        <Text id={headingId} fw={600} size="sm">
          {label ?? (definition ? localized(definition.name) : metric)}
        </Text>
        {shown ? (
          <>
            <Text className={classes.value} data-testid="index-value">
              {format(value)}
            </Text>
            {interval ? (
              <Text size="sm" c="dimmed" data-testid="index-interval">
                {t('figure.interval', { low: format(interval.low), high: format(interval.high) })}
              </Text>
            ) : null}
          </>
        ) : (
          <>
            <Badge color="gray" variant="light" size="lg" className={classes.withheld}>
              {t('figure.notPublishable')}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('figure.notPublishableDetail', { minimum: minimumSample, n })}
            </Text>
          </>
        )}
        <Text size="sm" c="dimmed" data-testid="index-n">
          {t('figure.sampleSize', { n })}
        </Text>
        {definition ? (
          <>
            <UnstyledButton
              className={classes.disclosure}
              aria-expanded={open}
              aria-controls={definitionId}
              onClick={() => setOpen((was) => !was)}
            >
              {open ? t('figure.hideDefinition') : t('figure.showDefinition')}
            </UnstyledButton>
            <Collapse expanded={open} id={definitionId}>
              <Text size="sm" data-testid="index-definition">
                {localized(definition.definition)}
              </Text>
            </Collapse>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
