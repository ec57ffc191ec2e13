import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { NO_DATA_COLOUR, OUTSIDE_COLOUR } from './palette';

/** A style with no remote source, glyphs or sprites: the map makes no network request by itself. */
export const BASE_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef0f2' } }],
};

/** Fill colour by the feature-state `c`: a colour class, -1 or unset = no data, -2 = outside the area filter. */
export function fillColour(colours: readonly string[]): ExpressionSpecification {
  const cases: (number | string)[] = [-2, OUTSIDE_COLOUR];
  colours.forEach((colour, i) => cases.push(i, colour));
  // The spec's tuple types cannot express a variable number of match arms.
  return ['match', ['coalesce', ['feature-state', 'c'], -1], ...cases, NO_DATA_COLOUR] as unknown as ExpressionSpecification;
}

const ring: ExpressionSpecification = ['coalesce', ['feature-state', 'ring'], 0];
const flagCount: ExpressionSpecification = ['coalesce', ['feature-state', 'flags'], 0];
const topChange: ExpressionSpecification = ['coalesce', ['feature-state', 'topk'], 0];

/** Names of the fill patterns ChoroplethMap adds to the map (src/map/patterns.ts). */
export const PATTERNS = { oneFlag: 'hatch', moreFlags: 'crosshatch' } as const;

/**
 * The layers of each optional overlay. They start hidden and are shown only while their overlay
 * is on: MapLibre builds no buckets for a hidden layer, so it neither tiles it nor applies the
 * 19,478 feature-states of Belgium to it on every tile and every recolour.
 */
export const OVERLAY_LAYERS = {
  flags: ['wards-flags1', 'wards-flags2'],
  districts: ['districts-line'],
  rings: ['wards-ring2', 'wards-ring1'],
  currentAreas: ['current-casing', 'current-line'],
  hotspots: ['wards-hotspot'],
  topChange: ['wards-entered', 'wards-left'],
  teams: ['teams-casing', 'teams-line'],
  badges: ['badges'],
} as const;

export type OverlayName = keyof typeof OVERLAY_LAYERS;

/** Properties of the features in the `highlight` source: the hovered ward, then the selected one (drawn on top). */
export type HighlightKind = 'hover' | 'selected';

/**
 * How the wards' fill and outlines are painted: white hairlines over a slightly see-through fill, or
 * in high contrast black outlines over an opaque fill, so that neighbouring wards part by more than
 * their colour. ChoroplethMap applies it when the mode changes.
 */
export function wardPaint(highContrast: boolean) {
  return {
    fill: { 'fill-opacity': highContrast ? 1 : 0.88 },
    line: highContrast
      ? { 'line-color': '#000000', 'line-width': 1, 'line-opacity': 1 }
      : { 'line-color': '#ffffff', 'line-width': 0.6, 'line-opacity': 0.8 },
  } as const;
}

/**
 * The layers drawn over the background, bottom to top. Sources: wards, districts, current, teams,
 * badges, highlight. Only the fill reads feature-state all the time; the hovered and selected
 * outlines come from a source of their own (one or two features), so that no line layer of the
 * wards depends on feature-state unless an overlay is on.
 */
export function wardLayers(colours: readonly string[]): LayerSpecification[] {
  return [
    {
      id: 'wards-fill',
      type: 'fill',
      source: 'wards',
      paint: { 'fill-color': fillColour(colours), ...wardPaint(false).fill },
    },
    {
      // Hidden below outlineMinZoom (set by ChoroplethMap for each dataset).
      id: 'wards-line',
      type: 'line',
      source: 'wards',
      paint: { ...wardPaint(false).line },
    },
    {
      // SVI-style flags as a pattern over the colour: hatched = one criterion among the neediest
      // 10 %, cross-hatched = two or more. A pattern reads without colour and over any class.
      id: 'wards-flags1',
      type: 'fill',
      source: 'wards',
      layout: { visibility: 'none' },
      paint: { 'fill-pattern': PATTERNS.oneFlag, 'fill-opacity': ['case', ['==', flagCount, 1], 1, 0] },
    },
    {
      id: 'wards-flags2',
      type: 'fill',
      source: 'wards',
      layout: { visibility: 'none' },
      paint: { 'fill-pattern': PATTERNS.moreFlags, 'fill-opacity': ['case', ['>=', flagCount, 2], 1, 0] },
    },
    {
      id: 'districts-line',
      type: 'line',
      source: 'districts',
      layout: { visibility: 'none' },
      paint: { 'line-color': '#3a3a3a', 'line-width': 1.6 },
    },
    {
      // Expansion candidates: ring 1 solid, ring 2 dashed, both orange, drawn under the current areas.
      id: 'wards-ring2',
      type: 'line',
      source: 'wards',
      layout: { visibility: 'none' },
      paint: { 'line-color': '#d95f02', 'line-width': 2, 'line-dasharray': [1.5, 1.5], 'line-opacity': ['case', ['==', ring, 2], 1, 0] },
    },
    {
      id: 'wards-ring1',
      type: 'line',
      source: 'wards',
      layout: { visibility: 'none' },
      paint: { 'line-color': '#d95f02', 'line-width': 2.5, 'line-opacity': ['case', ['==', ring, 1], 1, 0] },
    },
    {
      // Current CHW areas: a thick dashed outline with a white casing, so they read without colour.
      id: 'current-casing',
      type: 'line',
      source: 'current',
      layout: { visibility: 'none' },
      paint: { 'line-color': '#ffffff', 'line-width': 5 },
    },
    {
      id: 'current-line',
      type: 'line',
      source: 'current',
      layout: { visibility: 'none' },
      paint: { 'line-color': '#e4007c', 'line-width': 3, 'line-dasharray': [2, 1] },
    },
    {
      // Hot spots (local Moran's I high-high): a dotted black outline, readable over any fill.
      id: 'wards-hotspot',
      type: 'line',
      source: 'wards',
      layout: { visibility: 'none' },
      paint: {
        'line-color': '#000000',
        'line-width': 2.5,
        'line-dasharray': [0.6, 1.2],
        'line-opacity': ['case', ['boolean', ['feature-state', 'hot'], false], 1, 0],
      },
    },
    {
      // Scenario comparison: wards entering the top k get a solid outline, wards leaving it a dashed one.
      id: 'wards-entered',
      type: 'line',
      source: 'wards',
      layout: { visibility: 'none' },
      paint: { 'line-color': '#2d004b', 'line-width': 2.5, 'line-opacity': ['case', ['==', topChange, 1], 1, 0] },
    },
    {
      id: 'wards-left',
      type: 'line',
      source: 'wards',
      layout: { visibility: 'none' },
      paint: { 'line-color': '#7f3b08', 'line-width': 2.5, 'line-dasharray': [1.2, 0.8], 'line-opacity': ['case', ['==', topChange, -1], 1, 0] },
    },
    {
      // Proposed teams: a dark outline with a white casing around each team's wards.
      id: 'teams-casing',
      type: 'line',
      source: 'teams',
      layout: { visibility: 'none' },
      paint: { 'line-color': '#ffffff', 'line-width': 6 },
    },
    {
      id: 'teams-line',
      type: 'line',
      source: 'teams',
      layout: { visibility: 'none' },
      paint: { 'line-color': '#08306b', 'line-width': 3 },
    },
    {
      // The hovered ward in dark grey, the selected one in black and thicker.
      id: 'wards-highlight',
      type: 'line',
      source: 'highlight',
      paint: {
        'line-color': ['match', ['get', 'kind'], 'selected', '#000000', '#222222'],
        'line-width': ['match', ['get', 'kind'], 'selected', 3.5, 2],
      },
    },
    {
      // Rank-stability badges at ward centres, by the chance of being in the top k: a filled dot
      // (90 % or more), a large ring (50–90 %), a small ring (10–50 %). Shape, not colour, tells them apart.
      id: 'badges',
      type: 'circle',
      source: 'badges',
      layout: { visibility: 'none' },
      paint: {
        'circle-radius': ['match', ['get', 'level'], 3, 5, 2, 5.5, 3.5],
        'circle-color': ['match', ['get', 'level'], 3, '#111111', '#ffffff'],
        'circle-stroke-color': ['match', ['get', 'level'], 3, '#ffffff', '#111111'],
        'circle-stroke-width': ['match', ['get', 'level'], 3, 1.5, 2, 2.5, 1.5],
      },
    },
  ];
}
