import { Skeleton, VisuallyHidden } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useUiT } from '../i18n/ui-messages.js';
import type { BarChartProps } from './bar-chart.js';
import type { LineChartProps } from './line-chart.js';

export type { BarChartDatum, BarChartProps } from './bar-chart.js';
export type { LineChartProps, LineChartSeries } from './line-chart.js';

// recharts is large: it lives in its own chunk, fetched the first time a chart is shown.
const BarChart = lazy(() => import('./bar-chart.js'));
const LineChart = lazy(() => import('./line-chart.js'));

function ChartPlaceholder({ height }: { height: number }) {
  const t = useUiT();
  return (
    <Skeleton h={height} aria-busy="true">
      <VisuallyHidden>{t('chart.loading')}</VisuallyHidden>
    </Skeleton>
  );
}

/** A bar chart whose code is loaded on demand (charts stay out of the initial bundle). */
export function LazyBarChart(props: BarChartProps) {
  return (
    <Suspense fallback={<ChartPlaceholder height={props.height ?? 260} />}>
      <BarChart {...props} />
    </Suspense>
  );
}

/** A line chart whose code is loaded on demand (charts stay out of the initial bundle). */
export function LazyLineChart(props: LineChartProps) {
  return (
    <Suspense fallback={<ChartPlaceholder height={props.height ?? 280} />}>
      <LineChart {...props} />
    </Suspense>
  );
}
