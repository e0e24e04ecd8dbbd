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
  orientation?: 'horizontal' | 'vertical';
}

/** A bar chart (recharts through Mantine); load it through `LazyBarChart`, never directly. */
export default function BarChart({
  data,
  seriesLabel,
  title,
  height = 260,
  orientation = 'vertical',
}: BarChartProps) {
  return (
    <figure style={{ margin: 0 }}>
      <div role="img" aria-label={title}>
        <MantineBarChart
          h={height}
          data={data}
          dataKey="label"
          orientation={orientation}
          series={[{ name: 'value', label: seriesLabel, color: 'chiso.7' }]}
          withTooltip
          tickLine="none"
          gridAxis="none"
          {...(orientation === 'horizontal' ? { yAxisProps: { width: 150 } } : {})}
        />
      </div>
    </figure>
  );
}
