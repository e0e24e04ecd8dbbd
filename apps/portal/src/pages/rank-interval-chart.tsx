export interface RankIntervalRow {
  label: string;
  rank: number;
  rankLow: number;
  rankHigh: number;
}

export interface RankIntervalChartProps {
  rows: RankIntervalRow[];
  /** Ranks run from 1 to this number. */
  rankedUnits: number;
  /** Accessible summary; the same figures are in the table beside the chart. */
  title: string;
  axisLabel: string;
}

const ROW = 26;
const TOP = 40;
const LABEL = 104;
const RIGHT = 14;
const WIDTH = 360;

/**
 * Rank intervals at a glance: one row per ranked unit, a dot at its rank and a line across the ranks it could
 * plausibly hold (95%). Plain SVG, loaded on demand; units with overlapping lines are not clearly different.
 */
export default function RankIntervalChart({ rows, rankedUnits, title, axisLabel }: RankIntervalChartProps) {
  const maxRank = Math.max(rankedUnits, ...rows.map((r) => r.rankHigh), 1);
  const plot = WIDTH - LABEL - RIGHT;
  const x = (rank: number) =>
    maxRank === 1 ? LABEL + 8 : LABEL + 8 + ((rank - 1) / (maxRank - 1)) * (plot - 8);
  const height = TOP + rows.length * ROW + 8;
  const ticks = [
    ...new Set([1, Math.round(maxRank / 4), Math.round(maxRank / 2), Math.round((3 * maxRank) / 4), maxRank]),
  ]
    .filter((tick) => tick >= 1)
    .sort((a, b) => a - b);

  return (
    <figure style={{ margin: 0 }}>
      <svg
        role="img"
        aria-label={title}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: 520, display: 'block', fontSize: 11 }}
        data-testid="rank-chart"
      >
        <text x={LABEL} y={13} fill="#495057">
          {axisLabel}
        </text>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={TOP - 8} y2={height - 4} stroke="#dee2e6" />
            <text x={x(tick)} y={TOP - 12} textAnchor="middle" fill="#495057">
              {tick}
            </text>
          </g>
        ))}
        {rows.map((row, index) => {
          const y = TOP + index * ROW + ROW / 2;
          return (
            <g key={row.label}>
              <text x={LABEL - 8} y={y + 4} textAnchor="end" fill="#212529">
                {row.label.length > 16 ? `${row.label.slice(0, 15)}…` : row.label}
              </text>
              <line
                x1={x(row.rankLow)}
                x2={x(row.rankHigh)}
                y1={y}
                y2={y}
                stroke="#0b4f9c"
                strokeWidth={3}
                strokeLinecap="round"
                opacity={0.45}
              />
              <circle cx={x(row.rank)} cy={y} r={5} fill="#0b4f9c" />
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
