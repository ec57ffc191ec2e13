import { bbox } from '@turf/turf';
import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Feature, FeatureCollection } from 'geojson';
import { outlineMinZoom } from './outlineMinZoom';
import { geometryUpload } from './uploadGeometry';
import { hatchPattern } from './patterns';
import type { Basemap } from '../app/basemap';
import { attributionHtml, BASEMAP_FILL_OPACITY, mapStyle } from './basemapStyle';
import { LABEL_LAYER, labelFontFaces, labelLayer } from './labels';
import { fillColour, OVERLAY_LAYERS, PATTERNS, wardLayers, wardPaint, type HighlightKind, type OverlayName } from './style';

setWorkerUrl(workerUrl);

export interface HoverInfo {
  title: string;
  lines: string[];
}

export interface ChoroplethMapProps {
  geometry: FeatureCollection;
  wardCount: number;
  districts: FeatureCollection | null;
  currentAreas: FeatureCollection | null;
  /** Colour class per ward index, -1 = no data. */
  classes: Int8Array;
  colours: string[];
  selected: number | null;
  focusRequest: number;
  /** When it changes, the map fits these bounds (the selected area); null leaves the view alone. */
  focusBounds: [number, number, number, number] | null;
  showCurrentAreas: boolean;
  showDistricts: boolean;
  /** Outlines of the proposed teams (one feature per team), or null. */
  teams: FeatureCollection | null;
  /** Expansion ring per ward index (0 = none, 1, 2), or null when expansion is off. */
  rings: Int8Array | null;
  /** 1 for wards in a high-high hot spot, or null when hot spots are off. */
  hotspots: Uint8Array | null;
  /** Number of flagged criteria per ward (hatched when 1, cross-hatched when 2 or more), or null when off. */
  flags: Uint8Array | null;
  /** Scenario comparison: 1 = enters the top k, -1 = leaves it, 0 = neither; null when off. */
  topChange: Int8Array | null;
  /** Rank-stability badges: points with a `level` property (1–3), or null when off. */
  badges: FeatureCollection | null;
  /** The data's attribution (plain text), shown in MapLibre's attribution control. */
  attribution: string;
  /** Ward names as points (src/map/labels.ts), or null when the names are off. */
  labels: FeatureCollection | null;
  /** The basemap the page's policy allows, read when the map is created (changing it reloads the page). */
  basemap?: Basemap | null;
  /** Black ward outlines over an opaque fill (the app's high-contrast mode). */
  highContrast?: boolean;
  /** The map's accessible name in the interface language, given to MapLibre's canvas (a region landmark that takes arrow keys and +/-). */
  label: string;
  /** Shown over the map when new wards take more than half a second to draw ("Drawing 19,478 wards…"). */
  busyLabel?: string;
  describe: (index: number) => HoverInfo;
  onSelect: (index: number | null) => void;
  onMapReady?: (map: MapLibreMap | null) => void;
  /** Where new geometry opens (a shared link's view); null fits the map to the wards. */
  startView?: { lon: number; lat: number; zoom: number } | null;
  /** Called when the user has moved the map, with its centre and zoom. */
  onViewChange?: (view: { lon: number; lat: number; zoom: number }) => void;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
// Loading that takes longer than this is shown (issue: progress for anything over half a second).
const BUSY_AFTER_MS = 500;

type Overlay = ArrayLike<number> | null;
type OverlayKey = 'rings' | 'hotspots' | 'flags' | 'topChange';
/** What the map shows now, so that an update touches only the wards that changed. */
type Applied = { classes: Int8Array | null; selected: number | null } & Record<OverlayKey, Overlay>;

function nothingApplied(): Applied {
  return { classes: null, selected: null, rings: null, hotspots: null, flags: null, topChange: null };
}

/**
 * The one component that owns the MapLibre map. It applies only what changed: new geometry is
 * uploaded once per dataset; colours change through feature-state and a paint property, so moving
 * a weight slider never re-uploads geometry.
 */
export function ChoroplethMap(props: ChoroplethMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const applied = useRef<Applied>(nothingApplied());
  const [ready, setReady] = useState(false);
  const [hover, setHover] = useState<{ index: number; x: number; y: number } | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const featureById = useMemo(() => new Map(props.geometry.features.map((f) => [f.id, f])), [props.geometry]);
  const features = useRef(featureById);
  features.current = featureById;
  const hovered = useRef<number | null>(null);
  // While new geometry is on its way to the map (see geometryUpload), the map is not idle.
  const uploading = useRef(false);
  // New wards on their way until the map is idle with them; said on the map after half a second.
  const [drawing, setDrawing] = useState(false);
  const [showDrawing, setShowDrawing] = useState(false);
  useEffect(() => {
    if (!drawing) {
      setShowDrawing(false);
      return;
    }
    const timer = setTimeout(() => setShowDrawing(true), BUSY_AFTER_MS);
    return () => clearTimeout(timer);
  }, [drawing]);

  // The hovered and selected wards' outlines: a source of one or two features, replaced whole.
  const drawHighlight = (map: MapLibreMap) => {
    const outline = (index: number | null, kind: HighlightKind): Feature[] => {
      const feature = index === null ? undefined : features.current.get(index);
      return feature ? [{ type: 'Feature', id: feature.id, geometry: feature.geometry, properties: { kind } }] : [];
    };
    const selected = applied.current.selected;
    const hoveredOnly = hovered.current === selected ? null : hovered.current;
    (map.getSource('highlight') as GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features: [...outline(hoveredOnly, 'hover'), ...outline(selected, 'selected')],
    });
  };

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const map = new MapLibreMap({
      container: element,
      style: mapStyle(latest.current.basemap ?? null),
      center: [4.35, 50.85],
      zoom: 7,
      attributionControl: false,
      fadeDuration: 0,
      dragRotate: false,
      pitchWithRotate: false,
    });
    map.touchZoomRotate.disableRotation();
    map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    // As soon as the style is read, not on 'load': that waits for a basemap's tiles, and never comes
    // if the last of them fails (MapLibre draws nothing more after a failed tile).
    map.once('style.load', () => {
      map.addSource('wards', { type: 'geojson', data: EMPTY });
      map.addSource('districts', { type: 'geojson', data: EMPTY });
      map.addSource('current', { type: 'geojson', data: EMPTY });
      map.addSource('teams', { type: 'geojson', data: EMPTY });
      map.addSource('badges', { type: 'geojson', data: EMPTY });
      map.addSource('highlight', { type: 'geojson', data: EMPTY });
      map.addImage(PATTERNS.oneFlag, hatchPattern(8, false), { pixelRatio: 1 });
      map.addImage(PATTERNS.moreFlags, hatchPattern(6, true), { pixelRatio: 1 });
      for (const layer of wardLayers(latest.current.colours)) map.addLayer(layer);
      // Ward names from the app's own copy of Noto Sans (no glyph server), over everything else.
      map.setFontFaces({ ...map.getFontFaces(), ...labelFontFaces() });
      map.addSource(LABEL_LAYER, { type: 'geojson', data: EMPTY });
      map.addLayer(labelLayer());
      setReady(true);
    });
    map.on('idle', () => {
      if (!uploading.current && map.getSource('wards') && map.isSourceLoaded('wards')) {
        element.dataset.idle = 'true';
        setDrawing(false);
      }
    });
    const setHovered = (index: number | null) => {
      if (hovered.current === index) return;
      hovered.current = index;
      drawHighlight(map);
    };
    map.on('mousemove', 'wards-fill', (e) => {
      const id = e.features?.[0]?.id;
      if (typeof id !== 'number') return;
      setHovered(id);
      setHover({ index: id, x: e.point.x, y: e.point.y });
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', 'wards-fill', () => {
      setHovered(null);
      setHover(null);
      map.getCanvas().style.cursor = '';
    });
    map.on('moveend', () => {
      const { lng, lat } = map.getCenter();
      latest.current.onViewChange?.({ lon: lng, lat, zoom: map.getZoom() });
    });
    map.on('click', (e) => {
      const hit = map.queryRenderedFeatures(e.point, { layers: ['wards-fill'] })[0];
      latest.current.onSelect(typeof hit?.id === 'number' ? hit.id : null);
    });
    mapRef.current = map;
    latest.current.onMapReady?.(map);
    return () => {
      latest.current.onMapReady?.(null);
      map.remove();
      mapRef.current = null;
      setReady(false);
    };
  }, []);

  const markBusy = () => {
    if (container.current) container.current.dataset.idle = 'false';
  };

  const show = (map: MapLibreMap, overlay: OverlayName, on: boolean) => {
    for (const layer of OVERLAY_LAYERS[overlay]) map.setLayoutProperty(layer, 'visibility', on ? 'visible' : 'none');
  };

  // New geometry: upload once, forget the feature-states that belonged to the old wards, fit the
  // view, and draw the outlines from the zoom at which the wards are big enough to need them. The
  // geometry goes to MapLibre as a blob URL of its text (geometryUpload), so that the page never
  // copies every coordinate in one task; the old wards leave the map at once, so no colour of the
  // new wards lands on them meanwhile, and the map is not idle until the new ones are drawn.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    markBusy();
    map.removeFeatureState({ source: 'wards' });
    applied.current = nothingApplied();
    hovered.current = null;
    drawHighlight(map);
    const source = map.getSource('wards') as GeoJSONSource;
    source.setData(EMPTY);
    const controller = new AbortController();
    uploading.current = true;
    setDrawing(true);
    let url: string | null = null;
    geometryUpload(props.geometry, controller.signal)
      .then((upload) => {
        if (controller.signal.aborted) {
          URL.revokeObjectURL(upload.blobUrl);
          return;
        }
        url = upload.blobUrl;
        const { bounds } = upload;
        map.setLayerZoomRange('wards-line', bounds ? outlineMinZoom(bounds, props.geometry.features.length) : 0, 24);
        source.setData(upload.url);
        uploading.current = false;
        markBusy();
        const start = latest.current.startView;
        if (start) map.jumpTo({ center: [start.lon, start.lat], zoom: start.zoom });
        else if (bounds) map.fitBounds(bounds, { padding: 24, animate: false });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        uploading.current = false;
        setDrawing(false);
        console.error('chw-planner: the ward geometry could not be drawn', error);
      });
    return () => {
      controller.abort();
      // Other geometry (or none) replaces this text in the source: MapLibre no longer reads it.
      if (url) URL.revokeObjectURL(url);
    };
  }, [ready, props.geometry]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    markBusy();
    (map.getSource('districts') as GeoJSONSource).setData(props.districts ?? EMPTY);
  }, [ready, props.districts]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    markBusy();
    (map.getSource('current') as GeoJSONSource).setData(props.currentAreas ?? EMPTY);
  }, [ready, props.currentAreas]);

  // Recolour: only the wards whose class changed get a new feature-state.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const previous = applied.current.classes;
    const next = props.classes;
    let changed = 0;
    for (let i = 0; i < next.length; i++) {
      if (previous && previous.length === next.length && previous[i] === next[i]) continue;
      map.setFeatureState({ source: 'wards', id: i }, { c: next[i] });
      changed++;
    }
    applied.current.classes = next;
    if (changed > 0) markBusy();
  }, [ready, props.classes, props.geometry]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    markBusy();
    (map.getSource('teams') as GeoJSONSource).setData(props.teams ?? EMPTY);
    show(map, 'teams', props.teams !== null);
  }, [ready, props.teams]);

  // Overlays through feature-state, like the colours: only wards whose value changed are touched
  // and no geometry is uploaded again. An overlay's layers are hidden while it is off.
  const overlay = (key: OverlayKey, next: Overlay, state: (value: number) => Record<string, unknown>) => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const previous = applied.current[key];
    const n = Math.max(previous?.length ?? 0, next?.length ?? 0);
    for (let i = 0; i < n; i++) {
      const was = previous?.[i] ?? 0;
      const now = next?.[i] ?? 0;
      if (was !== now) map.setFeatureState({ source: 'wards', id: i }, state(now));
    }
    applied.current[key] = next;
    show(map, key, next !== null);
    markBusy();
  };
  useEffect(() => overlay('rings', props.rings, (ring) => ({ ring })), [ready, props.rings, props.geometry]);
  useEffect(() => overlay('hotspots', props.hotspots, (hot) => ({ hot: hot === 1 })), [ready, props.hotspots, props.geometry]);
  useEffect(() => overlay('flags', props.flags, (flags) => ({ flags })), [ready, props.flags, props.geometry]);
  useEffect(() => overlay('topChange', props.topChange, (topk) => ({ topk })), [ready, props.topChange, props.geometry]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    markBusy();
    (map.getSource('badges') as GeoJSONSource).setData(props.badges ?? EMPTY);
    show(map, 'badges', props.badges !== null);
  }, [ready, props.badges]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    markBusy();
    map.setPaintProperty('wards-fill', 'fill-color', fillColour(props.colours));
  }, [ready, props.colours]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const previous = applied.current.selected;
    if (previous === props.selected) return;
    // The feature-state tells queries (and the browser tests) which ward is selected; no layer
    // reads it, the outline is drawn from the highlight source.
    if (previous !== null) map.setFeatureState({ source: 'wards', id: previous }, { selected: false });
    if (props.selected !== null) map.setFeatureState({ source: 'wards', id: props.selected }, { selected: true });
    applied.current.selected = props.selected;
    drawHighlight(map);
    markBusy();
  }, [ready, props.selected, props.geometry]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || props.focusRequest === 0 || props.selected === null) return;
    const feature = featureById.get(props.selected);
    if (!feature) return;
    const [minX, minY, maxX, maxY] = bbox(feature);
    // Keep the neighbourhood in view (zoom 13 at most) and the ward clear of the details panel on the right.
    map.fitBounds([minX, minY, maxX, maxY], {
      padding: { top: 60, bottom: 60, left: 60, right: 360 },
      maxZoom: Math.max(map.getZoom(), 13),
      duration: 400,
    });
    // Only a new request moves the map: the selection alone (a click on the map) does not.
  }, [ready, props.focusRequest]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !props.focusBounds) return;
    map.fitBounds(props.focusBounds, { padding: 24, duration: 300 });
  }, [ready, props.focusBounds]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    show(map, 'districts', props.showDistricts);
    show(map, 'currentAreas', props.showCurrentAreas);
  }, [ready, props.showDistricts, props.showCurrentAreas]);

  // MapLibre names its canvas "Map"; the app's section around it is "Map" too, and two regions must not share a name.
  useEffect(() => {
    mapRef.current?.getCanvas().setAttribute('aria-label', props.label);
  }, [ready, props.label]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const paint = wardPaint(props.highContrast ?? false);
    map.setPaintProperty('wards-fill', 'fill-opacity', paint.fill['fill-opacity']);
    map.setPaintProperty('wards-line', 'line-color', paint.line['line-color']);
    map.setPaintProperty('wards-line', 'line-width', paint.line['line-width']);
    map.setPaintProperty('wards-line', 'line-opacity', paint.line['line-opacity']);
    markBusy();
  }, [ready, props.highContrast]);

  // Over a basemap the fill is lighter so the streets show through (high contrast keeps it opaque).
  // After the effect above, which sets the fill's opacity too.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map || !props.basemap || props.highContrast) return;
    map.setPaintProperty('wards-fill', 'fill-opacity', BASEMAP_FILL_OPACITY);
  }, [ready, props.highContrast, props.basemap]);

  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    markBusy();
    const labels = props.labels;
    (map.getSource(LABEL_LAYER) as GeoJSONSource).setData(labels ?? EMPTY);
    map.setLayoutProperty(LABEL_LAYER, 'visibility', labels ? 'visible' : 'none');
    // No name is placed below the zoom of the biggest ward's (see labelPoints).
    const zooms = labels?.features.map((f) => Number(f.properties?.z)).filter(Number.isFinite) ?? [];
    map.setLayerZoomRange(LABEL_LAYER, zooms.length > 0 ? Math.min(...zooms) : 0, 24);
  }, [ready, props.labels]);

  // The data's attribution and the basemap's, in MapLibre's control (which also lists the sources
  // of a basemap style); made again when either changes.
  useEffect(() => {
    const map = mapRef.current;
    if (!ready || !map) return;
    const control = new AttributionControl({ compact: false, customAttribution: attributionHtml([props.attribution, props.basemap?.attribution]) });
    map.addControl(control, 'bottom-right');
    return () => {
      if (mapRef.current === map) map.removeControl(control);
    };
  }, [ready, props.attribution, props.basemap]);

  const info = hover ? props.describe(hover.index) : null;
  return (
    <div className="map-wrap">
      <div
        ref={container}
        className="map"
        data-testid="map"
        data-idle="false"
        data-ward-count={props.wardCount}
      />
      {showDrawing && props.busyLabel && (
        <div className="map-busy" role="status">
          <span>{props.busyLabel}</span>
          <progress aria-label={props.busyLabel} />
        </div>
      )}
      {info && hover && (
        <div className="map-tooltip" style={{ left: hover.x + 14, top: hover.y + 14 }} role="status">
          <strong>{info.title}</strong>
          {info.lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      )}
    </div>
  );
}
