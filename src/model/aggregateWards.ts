import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { merge } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Dataset, WardGeometry } from './createDataset';
import type { IndicatorDef, ValueColumns, Ward } from './types';

/** The group a ward belongs to when wards are merged: its municipality, else its district. */
export function groupOf(ward: Ward): string | null {
  return ward.municipality ?? ward.district;
}

/**
 * Merges wards into their municipalities (or districts when there is no municipality): a dataset whose
 * wards are the groups. Per indicator:
 * - `sum` (counts): the sum over the wards with a value;
 * - `mean` (shares, averages): the mean weighted by `populationId` over wards with both a value and a
 *   population, or the plain mean when `populationId` is null;
 * - municipality-level values: the municipality's own value.
 * A group with no value on an indicator gets null. Geometry is merged through a TopoJSON topology so
 * shared borders disappear exactly. A group is a current CHW area when one of its wards is.
 */
export function aggregateWards(dataset: Dataset, populationId: string | null): Dataset {
  const groups = new Map<string, number[]>();
  for (const ward of dataset.wards) {
    const group = groupOf(ward);
    if (group === null) continue;
    const members = groups.get(group);
    if (members) members.push(ward.index);
    else groups.set(group, [ward.index]);
  }
  const codes = [...groups.keys()].sort();
  const wards: Ward[] = codes.map((code, index) => {
    const first = dataset.wards[(groups.get(code) as number[])[0]];
    // A Statbel municipality is named by its wards' district (TX_MUNTY_DESCR_NL, and _FR); a district by itself.
    const named = first.municipality !== null && first.district !== null;
    const ward: Ward = { index, code, name: named && first.district ? first.district : code, district: null, municipality: code };
    if (named && first.districtFr) ward.nameFr = first.districtFr;
    return ward;
  });
  const population = populationId ? dataset.values[populationId] : null;
  const values: ValueColumns = {};
  for (const indicator of dataset.indicators) {
    const column = dataset.values[indicator.id];
    values[indicator.id] = codes.map((code) => combine(indicator, column, groups.get(code) as number[], population));
  }

  const team = new Map(dataset.currentAreas.map((a) => [a.index, a.team]));
  const currentAreas = codes.flatMap((code, index) => {
    const member = (groups.get(code) as number[]).find((i) => team.has(i));
    return member === undefined ? [] : [{ index, team: team.get(member) as string }];
  });

  return {
    ...dataset,
    name: `${dataset.name}, by ${dataset.wards.some((w) => w.municipality !== null) ? 'municipality' : 'district'}`,
    wards,
    geometry: { type: 'FeatureCollection', features: mergeGeometry(dataset, codes, groups) },
    districts: null,
    values,
    missing: {},
    indicators: dataset.indicators.map((d) => (d.level === 'municipality' ? { ...d, level: undefined } : d)),
    currentAreas,
  };
}

function combine(indicator: IndicatorDef, column: readonly (number | null)[], members: readonly number[], population: readonly (number | null)[] | null): number | null {
  if (indicator.level === 'municipality') {
    for (const i of members) if (column[i] !== null) return column[i];
    return null;
  }
  if ((indicator.aggregate ?? 'mean') === 'sum') {
    let sum = 0;
    let any = false;
    for (const i of members) {
      const v = column[i];
      if (v === null) continue;
      sum += v;
      any = true;
    }
    return any ? sum : null;
  }
  let weighted = 0;
  let weights = 0;
  for (const i of members) {
    const v = column[i];
    if (v === null) continue;
    const w = population ? population[i] : 1;
    if (w === null || w <= 0) continue;
    weighted += w * v;
    weights += w;
  }
  return weights > 0 ? weighted / weights : null;
}

function mergeGeometry(dataset: Dataset, codes: readonly string[], groups: Map<string, number[]>): Feature<WardGeometry, Record<string, never>>[] {
  const features = dataset.geometry.features;
  if (features.length === 0) return [];
  const collection: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features };
  const topo = topology({ wards: collection }) as unknown as Topology<{ wards: GeometryCollection }>;
  const byWard = new Map<number, GeometryCollection['geometries'][number]>();
  topo.objects.wards.geometries.forEach((g, i) => byWard.set(features[i].id as number, g));
  const out: Feature<WardGeometry, Record<string, never>>[] = [];
  codes.forEach((code, index) => {
    const parts = (groups.get(code) as number[])
      .map((i) => byWard.get(i))
      .filter((g): g is NonNullable<typeof g> => g !== undefined && (g.type === 'Polygon' || g.type === 'MultiPolygon'));
    if (parts.length === 0) return;
    const merged = merge(topo, parts as Parameters<typeof merge>[1]) as MultiPolygon;
    const geometry: Polygon | MultiPolygon = merged.coordinates.length === 1 ? { type: 'Polygon', coordinates: merged.coordinates[0] } : merged;
    out.push({ type: 'Feature', id: index, properties: {}, geometry });
  });
  return out;
}
