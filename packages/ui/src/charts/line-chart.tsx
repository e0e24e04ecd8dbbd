import '@mantine/charts/styles.css';
import { LineChart as MantineLineChart } from '@mantine/charts';

export interface LineChartSeries {
  /** Key of the series' values in each datum. */
  key: string;
  label: string;
  color: string;
  /** Drawn dashed (e.g. secondary series beside a main one). */
  dashed?: boolean;
}

export interface LineChartProps {
  /** One datum per point on the x axis (`label`), a number or null (no figure: a gap) per series key. */
  data: ({ label: string } & Record<string, number | string | null>)[];
  series: LineChartSeries[];
  /** Accessible description of what the chart shows; the data also sits in a table beside it. */
  title: string;
  height?: number;
  /** Shown after each value in the tooltip, e.g. "%". */
  unit?: string;
  yDomain?: [number, number];
  valueFormatter?: (value: number) => string;
}

/** A line chart (recharts through Mantine); load it through `LazyLineChart`, never directly. */
export default function LineChart({
  data,
  series,
  title,
  height = 280,
  unit,
  yDomain,
  valueFormatter = (value) => String(value),
}: LineChartProps) {
  return (
    <figure style={{ margin: 0 }}>
      <div role="img" aria-label={title}>
        <MantineLineChart
          h={height}
          data={data}
          dataKey="label"
          series={series.map((s) => ({
            name: s.key,
            label: s.label,
            color: s.color,
            strokeDasharray: s.dashed ? '5 4' : undefined,
          }))}
          withLegend
          legendProps={{ verticalAlign: 'bottom', height: 60 }}
          withTooltip
          connectNulls={false}
          unit={unit}
          valueFormatter={valueFormatter}
          yAxisProps={yDomain ? { domain: yDomain } : undefined}
          curveType="linear"
          tickLine="none"
          gridAxis="y"
          strokeWidth={2}
        />
      </div>
    </figure>
  );
}
