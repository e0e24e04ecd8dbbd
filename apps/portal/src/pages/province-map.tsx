import { Alert, Anchor, Group, Skeleton, Stack, Text } from '@mantine/core';
import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
// The boundaries are fetched (a content-hashed file), never bundled: only their address is in this chunk.
import mapUrl from '../geo/vn-provinces.topo.json?url';

/** One province on the map: its GSO code, name and (if any) the index value that colours it. */
export interface MapProvince {
  code: string;
  name: string;
  /** Percent, 0–100; null = no publishable figure for the year. */
  value: number | null;
  /** Respondents behind a computed figure; null for a published one. */
  n: number | null;
  source: 'computed' | 'published' | null;
}

export interface ProvinceMapLabels {
  title: string;
  loading: string;
  error: string;
  noData: string;
  legend: string;
  published: string;
  respondents: (n: number) => string;
  attribution: string;
  hint: string;
  format: (value: number) => string;
}

export interface ProvinceMapProps {
  /** 2025 and later draw the 34 provinces of 1 July 2025; earlier years the 63 of 2008. */
  year: number;
  provinces: MapProvince[];
  labels: ProvinceMapLabels;
  /** Where a province leads (its index page). */
  hrefOf: (code: string) => string;
}

type Objects = { provinces2008: GeometryCollection; provinces2025: GeometryCollection };

/** Classes of the satisfaction index (percent): a sequential blue scale, readable by colour-blind people. */
export const MAP_CLASSES = [
  { from: 0, to: 75, color: '#c6dbef' },
  { from: 75, to: 80, color: '#9ecae1' },
  { from: 80, to: 85, color: '#6baed6' },
  { from: 85, to: 90, color: '#3182bd' },
  { from: 90, to: 100, color: '#08519c' },
] as const;
const NO_DATA = '#f1f3f5';

export function classOf(value: number | null) {
  if (value === null) return null;
  return MAP_CLASSES.find((c) => value < c.to) ?? MAP_CLASSES[MAP_CLASSES.length - 1]!;
}

const WIDTH = 320;
const HEIGHT = 580;

let cached: Promise<Topology<Objects>> | null = null;
function loadTopology(): Promise<Topology<Objects>> {
  cached ??= fetch(mapUrl).then((response) => {
    if (!response.ok) throw new Error(`map ${response.status}`);
    return response.json() as Promise<Topology<Objects>>;
  });
  cached.catch(() => {
    cached = null;
  });
  return cached;
}

/**
 * The provinces of a year coloured by their index. Each province is a link (Tab to move, Enter to open its
 * index page) whose name says its figure; the table on the page carries the same figures.
 */
export default function ProvinceMap({ year, provinces, labels, hrefOf }: ProvinceMapProps) {
  const navigate = useNavigate();
  const [topology, setTopology] = useState<Topology<Objects> | null>(null);
  const [failed, setFailed] = useState(false);
  const [active, setActive] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    loadTopology().then(
      (t) => live && setTopology(t),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);

  const byCode = useMemo(() => new Map(provinces.map((p) => [p.code, p])), [provinces]);
  const shapes = useMemo(() => {
    if (!topology) return [];
    const object = year >= 2025 ? topology.objects.provinces2025 : topology.objects.provinces2008;
    const collection = feature(topology, object) as FeatureCollection<Geometry>;
    const projection = geoMercator().fitSize([WIDTH, HEIGHT], collection);
    const path = geoPath(projection);
    return collection.features.map((f) => ({ code: String(f.id), d: path(f) ?? '' }));
  }, [topology, year]);

  if (failed) {
    return (
      <Alert color="red" role="alert">
        {labels.error}
      </Alert>
    );
  }
  if (!topology) {
    return (
      <Skeleton h={HEIGHT / 1.4} maw={WIDTH} aria-busy="true">
        <span style={{ position: 'absolute', left: -10000 }}>{labels.loading}</span>
      </Skeleton>
    );
  }

  const describe = (p: MapProvince | undefined, code: string) => {
    if (!p) return `${code}: ${labels.noData}`;
    if (p.value === null) return `${p.name}: ${labels.noData}`;
    const extra = p.source === 'published' ? labels.published : p.n !== null ? labels.respondents(p.n) : '';
    return `${p.name}: ${labels.format(p.value)}${extra ? ` (${extra})` : ''}`;
  };
  const activeProvince = active ? byCode.get(active) : undefined;
  // The focused or hovered province is drawn last, so its outline is on top.
  const ordered = active
    ? [...shapes.filter((s) => s.code !== active), ...shapes.filter((s) => s.code === active)]
    : shapes;

  return (
    <Stack gap="sm" data-testid="province-map" data-provinces={shapes.length}>
      <Group align="flex-start" gap="lg" wrap="wrap">
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width="100%"
          style={{ maxWidth: 400, height: 'auto' }}
          aria-label={labels.title}
        >
          <defs>
            <pattern
              id="no-data"
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="6" height="6" fill={NO_DATA} />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#adb5bd" strokeWidth="1" />
            </pattern>
          </defs>
          {ordered.map((shape) => {
            const province = byCode.get(shape.code);
            const cls = classOf(province?.value ?? null);
            const isActive = shape.code === active;
            return (
              <a
                key={shape.code}
                href={hrefOf(shape.code)}
                aria-label={describe(province, shape.code)}
                data-code={shape.code}
                data-class={cls ? MAP_CLASSES.indexOf(cls) : 'none'}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(hrefOf(shape.code));
                }}
                onFocus={() => setActive(shape.code)}
                onBlur={() => setActive((current) => (current === shape.code ? null : current))}
                onMouseEnter={() => setActive(shape.code)}
                onMouseLeave={() => setActive((current) => (current === shape.code ? null : current))}
                style={{ outline: 'none' }}
              >
                <path
                  d={shape.d}
                  fill={cls ? cls.color : 'url(#no-data)'}
                  stroke={isActive ? '#000' : '#495057'}
                  strokeWidth={isActive ? 2.5 : 0.5}
                  strokeLinejoin="round"
                />
              </a>
            );
          })}
        </svg>
        <Stack gap="xs" miw={200} style={{ flex: '1 1 200px' }}>
          <Text fw={600} size="sm" id="map-legend">
            {labels.legend}
          </Text>
          <Stack
            gap={4}
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-labelledby="map-legend"
          >
            {[...MAP_CLASSES].reverse().map((c) => (
              <Group component="li" key={c.from} gap="xs" wrap="nowrap">
                <svg width="20" height="14" aria-hidden="true">
                  <rect width="20" height="14" fill={c.color} stroke="#495057" strokeWidth="0.5" />
                </svg>
                <Text size="sm">
                  {c.from === 0
                    ? `< ${labels.format(c.to)}`
                    : c.to === 100
                      ? `≥ ${labels.format(c.from)}`
                      : `${labels.format(c.from)} – < ${labels.format(c.to)}`}
                </Text>
              </Group>
            ))}
            <Group component="li" gap="xs" wrap="nowrap">
              <svg width="20" height="14" aria-hidden="true">
                <rect width="20" height="14" fill="url(#no-data)" stroke="#495057" strokeWidth="0.5" />
              </svg>
              <Text size="sm">{labels.noData}</Text>
            </Group>
          </Stack>
          <Text
            size="sm"
            aria-live="polite"
            data-testid="map-active"
            mih={44}
            fw={activeProvince ? 600 : 400}
          >
            {active ? describe(activeProvince, active) : labels.hint}
          </Text>
          <Text size="xs" c="dimmed">
            {labels.attribution}{' '}
            <Anchor
              href="https://www.geoboundaries.org"
              size="xs"
              underline="always"
              target="_blank"
              rel="noopener noreferrer"
            >
              geoBoundaries
            </Anchor>{' '}
            (CC BY 4.0)
          </Text>
        </Stack>
      </Group>
    </Stack>
  );
}
