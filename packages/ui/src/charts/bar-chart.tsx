import '@mantine/charts/styles.css';
import { BarChart as MantineBarChart } from '@mantine/charts';

export interface BarChartDatum {
  label: string;
  value: number;
}

export interface BarChartProps {
  data: BarChartDatum[];
  /** Name of the series (legend and tooltip). */
  seriesLabel: string;
  /** Accessible description of what the chart shows; the data also sits in a table for screen readers. */
  title: string;
  height?: number;
  /** `horizontal` bars suit long category names (they sit on the left, wrapped); `vertical` bars suit years. */
  bars?: 'horizontal' | 'vertical';
  /** Width given to the category names of horizontal bars. */
  labelWidth?: number;
}

/** A bar chart (recharts through Mantine); load it through `LazyBarChart`, never directly. */
export default function BarChart({
  data,
  seriesLabel,
  title,
  height = 260,
  bars = 'vertical',
  labelWidth = 140,
}: BarChartProps) {
  const horizontal = bars === 'horizontal';
  return (
    <figure style={{ margin: 0 }}>
      <div role="img" aria-label={title}>
        <MantineBarChart
          h={height}
          data={data}
          dataKey="label"
          // Mantine names the layout: a "vertical" layout stacks categories top to bottom (horizontal bars).
          orientation={horizontal ? 'vertical' : 'horizontal'}
          series={[{ name: 'value', label: seriesLabel, color: 'chiso.7' }]}
          withTooltip
          withBarValueLabel
          valueFormatter={(value) => String(value)}
          valueLabelProps={{ fill: 'var(--mantine-color-text)', fontSize: 13 }}
          barChartProps={{ margin: { right: 32, top: 8 } }}
          tickLine="none"
          gridAxis="none"
          {...(horizontal
            ? {
                yAxisProps: { width: labelWidth, interval: 0, tick: { width: labelWidth - 8, fontSize: 12 } },
                withXAxis: false,
              }
            : { xAxisProps: { interval: 0 } })}
        />
      </div>
    </figure>
  );
}
