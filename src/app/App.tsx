import type { Map as MapLibreMap } from 'maplibre-gl';
import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { csvFileName } from '../io/csvFileName';
import type { Problem } from '../io/problem';
import type { Dataset } from '../model/createDataset';
import type { HelpRequest } from '../model/fieldSignals';
import { bbox } from '@turf/turf';
import { groupOf } from '../model/aggregateWards';
import { dissolve } from '../model/dissolve';
import type { HoverInfo } from '../map/ChoroplethMap';
import { LazyChoroplethMap } from '../map/LazyChoroplethMap';
import { Legend } from '../ui/Legend';
import { MapControls } from '../ui/MapControls';
import { ProblemList } from '../ui/ProblemList';
import { RankedTable, type RankedRow } from '../ui/RankedTable';
import { WardDetails } from '../ui/WardDetails';
import { ScopePanel, type AreaOption } from '../ui/ScopePanel';
import { WeightsPanel } from '../ui/WeightsPanel';
import { formatScore, formatValue } from '../ui/formatValue';
import { downloadText } from './download';
import { exportRanking } from './exportRanking';
import { loadDemoDataset } from './loadDemoDataset';
import { mapColouring } from './mapColouring';
import { shiftColouring } from './shiftColouring';
import { stabilityBadges } from './stabilityBadges';
import { centroids } from '../model/centroids';
import { initialState, reduce, type AppState, type CsvFormat } from './state';
import { useRanking } from './useRanking';
import { useScenarios, type RankShift } from './useScenarios';
import { decodeLink, encodeLink, fitLink, linkOf, type ShareLink } from './shareLink';
import { ScenarioPanel } from '../ui/ScenarioPanel';
import { comparisonOf, explainWard, themesFor, themesForGroup } from './explainWard';
import { comparisonTable } from '../model/compareWards';
import { WardComparison } from '../ui/WardComparison';
import { formatCsv } from '../io/formatCsv';
import { runStability, type StabilityRun } from './runStability';
import type { StabilityResult } from '../model/rankStability';
import { StabilityPanel, type StabilitySettings } from '../ui/StabilityPanel';
import { needFlags } from '../model/needFlags';
import type { LocalMoran } from '../model/localMoran';
import { runHotspots } from './runHotspots';
import { computePlan, planGeometry } from '../model/computePlan';
import { FieldPanel } from './FieldPanel';
import { planColumns } from '../model/planColumns';
import { PlannerPanel } from '../ui/PlannerPanel';
import { TeamList } from '../ui/TeamList';
import { CoverageCurve } from '../ui/CoverageCurve';
import { loadRequests, loadWorkability } from './workabilityStore';
import '../ui/planner.css';
import { browserStorage, loadMatches, saveMatches } from './matchStore';
import { isMarkedByHand, toggleMarkedByHand } from './markByHand';
import { sortRows } from './sortRows';
import { CHW_MUNICIPALITIES } from './chwMunicipalities';

declare global {
  interface Window {
    /** For browser tests and the curious: the map and a snapshot of the ranking. */
    __chw?: { map: MapLibreMap | null; readonly geometry: import('geojson').FeatureCollection | null; getState: () => unknown };
  }
}

// The file readers (shapefile, xlsx, proj4, …) load only when the user opens files.
const LoadData = lazy(() => import('./LoadData').then((m) => ({ default: m.LoadData })));
const AreaMatching = lazy(() => import('./AreaMatching').then((m) => ({ default: m.AreaMatching })));

/** The map's colour-by choice for the rank shift of a scenario comparison. */
const RANK_SHIFT = 'rank-shift';

/** Colour class of wards outside the area filter (see src/map/style.ts). */
const OUTSIDE_CLASS = -2;

/** The app: state holds inputs only; scores, ranks, classes and colours are derived on render. */
export function App() {
  const [state, dispatch] = useReducer(reduce, initialState);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [loading, setLoading] = useState(true);
  const [showLoader, setShowLoader] = useState(false);
  const [showMatcher, setShowMatcher] = useState(false);
  const [sideTab, setSideTab] = useState<'criteria' | 'plan' | 'field'>('criteria');
  const [hotspotAlpha, setHotspotAlpha] = useState<number | null>(null);
  const [showFlags, setShowFlags] = useState(false);
  const [showBadges, setShowBadges] = useState(true);
  const [compared, setCompared] = useState<number[]>([]);
  const [showComparison, setShowComparison] = useState(false);
  const [stabilitySettings, setStabilitySettings] = useState<StabilitySettings>({ draws: 1000, concentration: 50, topK: 20 });
  const [stability, setStability] = useState<{ prepared: unknown; weights: unknown; result: StabilityResult } | null>(null);
  const [stabilityProgress, setStabilityProgress] = useState<number | null>(null);
  const stabilityRun = useRef<StabilityRun | null>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  // The demo city's own help requests, used while the user has stored none for it.
  const demoRequests = useRef<{ dataset: Dataset; requests: HelpRequest[] } | null>(null);
  const { dataset } = state;
  const derived = useRanking(state);
  const scenarios = useScenarios(state, derived, dispatch, (found) => setProblems((p) => [...p, ...found]));


  // A stability result belongs to the scores it was drawn around; any change makes it stale.
  const stabilityNow =
    stability && derived && stability.prepared === derived.prepared && stability.weights === state.weights ? stability.result : null;
  const startStability = () => {
    if (!derived) return;
    stabilityRun.current?.cancel();
    const run = runStability(derived.prepared, state.weights, { ...stabilitySettings, seed: 1 });
    stabilityRun.current = run;
    setStabilityProgress(0);
    run.onProgress(setStabilityProgress);
    const target = { prepared: derived.prepared, weights: state.weights };
    run.promise
      .then((result) => setStability({ ...target, result }))
      .catch((error: unknown) => {
        if ((error as { name?: string }).name !== 'AbortError') setProblems((p) => [...p, { file: 'rank stability', row: null, column: null, message: String(error), severity: 'error' }]);
      })
      .finally(() => {
        if (stabilityRun.current === run) {
          stabilityRun.current = null;
          setStabilityProgress(null);
        }
      });
  };
  useEffect(() => () => stabilityRun.current?.cancel(), []);

  useEffect(() => {
    let cancelled = false;
    loadDemoDataset()
      .then(({ dataset: demo, problems: found, requests }) => {
        if (cancelled) return;
        if (demo) demoRequests.current = { dataset: demo, requests };
        if (demo) dispatch({ type: 'datasetLoaded', dataset: demo });
        setProblems(found);
      })
      .catch((error: unknown) => {
        if (!cancelled) setProblems([{ file: 'demo data', row: null, column: null, message: String(error), severity: 'error' }]);
      })
      .finally(() => !cancelled && setLoading(false));
    return () => {
      cancelled = true;
    };
  }, []);

  const view = derived?.view ?? null;
  // What was entered earlier for this dataset comes back from the browser's storage: matched CHW
  // areas, workability scores and help requests.
  useEffect(() => {
    if (!dataset) return;
    let cancelled = false;
    const note = (file: string, message: string | null) =>
      message && setProblems((p) => [...p, { file, row: null, column: null, message, severity: 'warning' }]);
    const stored = loadMatches(browserStorage(), dataset.name);
    dispatch({ type: 'areaMatchesSet', matches: stored.matches });
    note('saved CHW area matches', stored.problem);
    void Promise.all([loadWorkability(dataset.name), loadRequests(dataset.name)]).then(([work, requests]) => {
      if (cancelled) return;
      dispatch({ type: 'workabilitySet', entries: work.entries });
      const demo = demoRequests.current;
      const fallback = demo && demo.dataset === dataset && requests.entries.length === 0 ? demo.requests : requests.entries;
      dispatch({ type: 'requestsSet', requests: fallback });
      note('saved workability', work.problem);
      note('saved help requests', requests.problem);
    });
    return () => {
      cancelled = true;
    };
  }, [dataset]);

  const colourIndicator = view?.indicators.find((d) => d.id === state.colourBy) ?? null;
  // Colouring by rank shift needs a scenario comparison; when it closes, the map goes back to the score.
  const shift = state.colourBy === RANK_SHIFT ? scenarios.shift : null;
  const comparisonOpen = scenarios.shift !== null;
  useEffect(() => {
    if (state.colourBy === RANK_SHIFT && !comparisonOpen) dispatch({ type: 'colourBySet', colourBy: 'score' });
  }, [state.colourBy, comparisonOpen]);
  const inSelection = useMemo(() => {
    if (!view || !derived?.selection) return null;
    const inside = new Uint8Array(view.wards.length);
    for (const i of derived.selection) inside[i] = 1;
    return inside;
  }, [view, derived?.selection]);
  const colouring = useMemo(() => {
    if (!view || !derived) return null;
    const outside = (values: readonly (number | null)[]) => (inSelection ? values.map((v, i) => (inSelection[i] ? v : null)) : values);
    const result = shift
      ? shiftColouring(shift.values)
      : colourIndicator
      ? mapColouring(
          outside(view.values[colourIndicator.id]),
          state.directions[colourIndicator.id] ?? colourIndicator.direction,
          state.classification,
          state.classCount,
          state.palette,
          (v) => formatValue(v, colourIndicator.unit),
        )
      : // Without an area filter the ranking holds these very scores in order: no second sort.
        mapColouring(derived.scores.score, 'high', state.classification, state.classCount, state.palette, (v) => v.toFixed(1), derived.selection === null ? derived.ranking : undefined);
    // Wards outside the area filter are drawn faint, apart from wards without data.
    if (!inSelection) return result;
    let noData = 0;
    inSelection.forEach((inside, i) => {
      if (!inside) result.classes[i] = OUTSIDE_CLASS;
      else if (result.classes[i] === -1) noData++;
    });
    return { ...result, noData };
  }, [view, derived, inSelection, shift, colourIndicator, state.directions, state.classification, state.classCount, state.palette]);

  const focusBounds = useMemo(() => {
    if (!view || !inSelection) return null;
    const features = view.geometry.features.filter((f) => inSelection[f.id as number]);
    if (features.length === 0) return null;
    return bbox({ type: 'FeatureCollection', features }) as [number, number, number, number];
  }, [view, inSelection]);

  const areas: AreaOption[] = useMemo(() => {
    if (!dataset) return [];
    const names = new Map<string, string>();
    for (const w of dataset.wards) {
      const group = groupOf(w);
      if (group !== null && !names.has(group)) names.set(group, w.municipality !== null && w.district ? w.district : group);
    }
    return [...names]
      .map(([code, name]) => ({ code, name, priority: CHW_MUNICIPALITIES.has(code) }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [dataset]);

  const currentOutline = useMemo(() => {
    if (!view || view.currentAreas.length === 0) return null;
    const teams = new Map<string, number[]>();
    for (const area of view.currentAreas) teams.set(area.team, [...(teams.get(area.team) ?? []), area.index]);
    return dissolve(view.geometry.features, [...teams].map(([name, ids]) => ({ name, ids })));
  }, [view]);
  const currentSet = useMemo(() => new Set(view?.currentAreas.map((a) => a.index) ?? []), [view]);

  // The planner's geometry (shared borders, centroids) costs about half a second for Belgium: it is
  // computed when the Plan tab or expansion mode first needs it.
  const planNeeded = sideTab === 'plan' || state.expansion > 0 || hotspotAlpha !== null;
  const geometryForPlan = useMemo(() => (view && planNeeded ? planGeometry(view) : null), [view, planNeeded]);
  const planSettings = useMemo(
    () => ({ capacity: state.capacity, excludeCurrent: state.excludeCurrent, excluded: derived?.excluded ?? new Set<number>(), expansion: state.expansion }),
    [state.capacity, state.excludeCurrent, derived?.excluded, state.expansion],
  );
  const plan = useMemo(
    () => (view && derived && geometryForPlan ? computePlan(view, derived.scores.score, geometryForPlan, planSettings) : null),
    [view, derived, geometryForPlan, planSettings],
  );

  const rows: RankedRow[] = useMemo(() => {
    if (!view || !derived) return [];
    const { scores, overall } = derived;
    // In expansion mode only the candidates around current areas are listed, ranked among themselves.
    const ranking = plan?.candidates ? { order: plan.candidates.order, rank: plan.candidates.rank } : derived.ranking;
    const all = ranking.order
      .filter((i) => (!inSelection || inSelection[i]) && (state.districtFilter === null || view.wards[i].district === state.districtFilter))
      .map((i) => ({
        ward: view.wards[i],
        rank: ranking.rank[i],
        overallRank: overall ? overall.rank[i] : null,
        score: scores.score[i],
        used: scores.indicatorsUsed[i],
      }));
    return sortRows(all, state.sort, view.values);
  }, [view, derived, plan, inSelection, state.districtFilter, state.sort]);

  const extraColumns = useMemo(() => {
    const columns: { header: string; values: readonly (string | number | null)[] }[] = [];
    if (sideTab === 'plan' && plan?.plan) columns.push({ header: 'Team', values: plan.plan.teamOf });
    if ((sideTab === 'plan' || plan?.candidates) && plan?.workload) {
      columns.push({ header: 'Workload (int./yr)', values: plan.workload.interventions.map((v) => (v === null ? null : Math.round(v))) });
      columns.push({ header: 'FTE needed', values: plan.workload.fte.map((v) => (v === null ? null : v.toFixed(2))) });
    }
    if (stabilityNow) {
      columns.push({ header: 'Median rank', values: stabilityNow.median.map((v) => (v === null ? null : Math.round(v))) });
      columns.push({
        header: '5–95 % rank',
        values: stabilityNow.p5.map((v, i) => (v === null || stabilityNow.p95[i] === null ? null : `${Math.round(v)}–${Math.round(stabilityNow.p95[i] as number)}`)),
      });
      columns.push({ header: `P(top ${stabilityNow.k})`, values: stabilityNow.topK.map((v) => (v === null ? null : `${Math.round(v * 100)} %`)) });
    }
    if (scenarios.shift) {
      columns.push({
        header: `Rank shift (${scenarios.shift.name})`,
        values: scenarios.shift.values.map((v) => (v === null ? null : v > 0 ? `▲ ${v}` : v < 0 ? `▼ ${-v}` : '=')),
      });
    }
    if (plan?.candidates && plan.expansion) {
      columns.push({ header: 'Ring', values: plan.expansion.ring });
      columns.push({ header: 'Distance (km)', values: plan.expansion.distanceKm.map((d) => (d === null ? null : d.toFixed(2))) });
      columns.push({ header: 'Borders', values: plan.expansion.bordersTeam });
    }
    return columns;
  }, [sideTab, plan, stabilityNow, scenarios.shift]);

  const districts = useMemo(
    () => [...new Set(view?.wards.map((w) => w.district).filter((d): d is string => d !== null) ?? [])].sort(),
    [view],
  );

  // The latest state for the test hook and the hover text, without re-creating callbacks.
  const latest = useRef({ state, derived });
  latest.current = { state, derived };
  useEffect(() => {
    window.__chw = {
      get map() {
        return mapRef.current;
      },
      // The wards' features as the map was given them (MapLibre keeps its copy in its worker).
      get geometry() {
        return latest.current.derived?.view.geometry ?? null;
      },
      getState: () => snapshot(latest.current.state, latest.current.derived),
    };
  }, []);

  const describe = useCallback((index: number): HoverInfo => {
    const { derived: d } = latest.current;
    const ward = d?.view.wards[index];
    if (!ward || !d) return { title: '', lines: [] };
    return {
      title: ward.name,
      lines: [
        `${ward.code}${ward.district ? ` · ${ward.district}` : ''}`,
        d.scores.score[index] === null && d.selection && !d.selection.includes(index)
          ? 'Outside the selected area'
          : `Score ${formatScore(d.scores.score[index])} · rank ${d.ranking.rank[index] ?? '–'} of ${d.ranking.scored}`,
        ...overlayLines(overlays.current, index),
      ],
    };
  }, []);


  // Hot spots of the score: local Moran's I over queen neighbours (a shared border or corner), 499 permutations, in a worker
  // (a second or two for Belgium). A result belongs to the scores, borders and alpha it was run on; it
  // is keyed on the scores rather than `derived`, which is a new object on every render.
  // hotspotProgress is the number of wards done (of the score's length) while a run is under way, else null.
  const hotspotScores = derived?.scores.score ?? null;
  const hotspotNeighbours = geometryForPlan?.queen ?? null;
  const [hotspotRun, setHotspotRun] = useState<{ scores: typeof hotspotScores; neighbours: typeof hotspotNeighbours; alpha: number; result: LocalMoran } | null>(
    null,
  );
  const [hotspotProgress, setHotspotProgress] = useState<number | null>(null);
  useEffect(() => {
    if (hotspotAlpha === null || !hotspotScores || !hotspotNeighbours) return;
    const run = runHotspots(hotspotScores, hotspotNeighbours, { permutations: 499, seed: 1, alpha: hotspotAlpha });
    let current = true;
    setHotspotProgress(0);
    run.onProgress(setHotspotProgress);
    run.promise
      .then((result) => setHotspotRun({ scores: hotspotScores, neighbours: hotspotNeighbours, alpha: hotspotAlpha, result }))
      .catch((error: unknown) => {
        if ((error as { name?: string }).name !== 'AbortError') setProblems((p) => [...p, { file: 'hot spots', row: null, column: null, message: String(error), severity: 'error' }]);
      })
      .finally(() => {
        if (current) setHotspotProgress(null);
      });
    return () => {
      current = false;
      run.cancel();
      setHotspotProgress(null);
    };
  }, [hotspotAlpha, hotspotScores, hotspotNeighbours]);
  const lisa =
    hotspotRun && hotspotRun.scores === hotspotScores && hotspotRun.neighbours === hotspotNeighbours && hotspotRun.alpha === hotspotAlpha
      ? hotspotRun.result
      : null;
  const hotspots = useMemo(() => (lisa ? Uint8Array.from(lisa.cluster, (c) => (c === 'HH' ? 1 : 0)) : null), [lisa]);

  // Ward indices mean other wards in another dataset or level: the comparison starts again.
  const wardList = view?.wards;
  useEffect(() => {
    setCompared([]);
    setShowComparison(false);
  }, [wardList]);

  // SVI-style flags: the 10 % neediest wards on each weighted criterion, in the details, the table and
  // the export. Unweighted context columns (population, …) are not flagged: they are not need.
  const flags = useMemo(
    () => (derived ? needFlags(derived.prepared, derived.prepared.ids.filter((id) => (state.weights[id] ?? 0) > 0)) : {}),
    [derived, state.weights],
  );

  // On the map: flags as hatching, wards entering or leaving the compared top k as outlines, and
  // rank-stability badges at ward centres.
  const flagOverlay = useMemo(() => {
    if (!showFlags || !view) return null;
    const counts = new Uint8Array(view.wards.length);
    for (const column of Object.values(flags)) for (let i = 0; i < counts.length; i++) counts[i] += column[i] ?? 0;
    return counts;
  }, [showFlags, view, flags]);
  const topChange = useMemo(() => {
    if (!shift || !view) return null;
    const change = new Int8Array(view.wards.length);
    for (const i of shift.entered) change[i] = 1;
    for (const i of shift.left) change[i] = -1;
    return change;
  }, [shift, view]);
  const wantCentres = stabilityNow !== null;
  const centres = useMemo(() => (view && wantCentres ? centroids(view.geometry, view.wards.length) : null), [view, wantCentres]);
  const badges = useMemo(
    () => (showBadges && stabilityNow && centres ? stabilityBadges(stabilityNow.topK, centres) : null),
    [showBadges, stabilityNow, centres],
  );

  // What the hover text says about the overlays, read when the pointer moves.
  const overlays = useRef<Overlays>({ shift: null, flagged: null });
  overlays.current = {
    shift,
    flagged: flagOverlay && derived ? (i) => derived.prepared.ids.filter((id) => flags[id]?.[i] === 1).map((id) => shortLabel(view, id)) : null,
  };

  // The selected ward's explanation scans every ward (medians, percentiles): computed when the
  // ward, its scores or the weights change, not on every render.
  const selectedExplanation = useMemo(() => {
    if (!view || !derived || state.selected === null || !view.wards[state.selected]) return null;
    return {
      explain: explainWard(view, derived, state.weights, flags, state.selected),
      themes: themesFor(view, state.selected),
    };
  }, [view, derived, state.weights, flags, state.selected]);

  const groupNoun = dataset?.wards.some((w) => w.municipality !== null) ? 'municipalities' : 'districts';
  const onExport = () => {
    if (!view || !derived) return;
    const now = new Date();
    const shiftNote = scenarios.shift ? `rank_shift: ${scenarios.shift.name}, positive = moved up` : null;
    const areaNote =
      state.areaFilter.length > 0
        ? `selection: ${state.areaFilter.map((c) => areas.find((a) => a.code === c)?.name ?? c).join(', ')}; ${
            state.scope === 'selection' ? 'scored among the selected wards only; rank_all is the rank among all wards' : 'national scores; rank is within the selection, rank_all among all wards'
          }`
        : null;
    const scopeNote = [areaNote, shiftNote].filter((n) => n !== null).join('; ') || undefined;
    // The plan goes into every export, computed now if no panel needed it yet.
    const planned = plan ?? computePlan(view, derived.scores.score, planGeometry(view), planSettings);
    const notesByCode = new Map(state.workability.map((e) => [e.code, e.note]));
    const extras = planColumns(view, {
      workload: planned.workload,
      plan: planned.plan,
      expansion: planned.expansion,
      notes: view.wards.map((w) => notesByCode.get(w.code) || null),
    });
    if (stabilityNow) {
      extras.push(
        { header: 'stability_median_rank', values: stabilityNow.median },
        { header: 'stability_rank_p5', values: stabilityNow.p5 },
        { header: 'stability_rank_p95', values: stabilityNow.p95 },
        { header: `stability_p_top_${stabilityNow.k}`, values: stabilityNow.topK.map((v) => (v === null ? null : Number(v.toFixed(3)))) },
      );
    }
    if (lisa) {
      extras.push(
        { header: 'hotspot_cluster', values: lisa.cluster },
        { header: 'hotspot_p', values: lisa.p.map((v) => (v === null ? null : Number(v.toFixed(4)))) },
      );
    }
    if (scenarios.shift) {
      const { values, entered, left, k } = scenarios.shift;
      const change = view.wards.map((w) => (entered.includes(w.index) ? `enters top ${k}` : left.includes(w.index) ? `leaves top ${k}` : null));
      extras.push({ header: 'rank_shift', values }, { header: 'top_k_change', values: change });
    }
    for (const [id, raw] of Object.entries(view.rawValues ?? {})) extras.push({ header: `${id}_raw`, values: raw });
    const flaggedIds = view.wards.map((w) => derived.prepared.ids.filter((id) => flags[id]?.[w.index] === 1));
    extras.push(
      { header: 'flags', values: flaggedIds.map((ids) => ids.length) },
      { header: 'flagged_indicators', values: flaggedIds.map((ids) => (ids.length > 0 ? ids.join(' ') : null)) },
    );
    const text = exportRanking(view, derived, { ...state, format: state.csvFormat, scopeNote, extras }, now);
    downloadText(text, csvFileName('chw-ranking', now));
  };

  const selected = state.selected;
  const selectedWard = view && selected !== null ? view.wards[selected] : null;

  // A shared link (the URL's #fragment) is read once, and applied to the first dataset that arrives;
  // from then on the fragment follows the state, so the address bar always holds a link to this view.
  const [initialLink] = useState(() => decodeLink(window.location.hash));
  const linkPending = useRef(true);
  const firstDataset = useRef<Dataset | null>(null);
  if (dataset && firstDataset.current === null) firstDataset.current = dataset;
  const pendingSelection = useRef<{ code: string; level: AppState['level'] } | null>(null);
  const [mapView, setMapView] = useState<ShareLink['view']>(null);
  const linkViewUsed = useRef(false);
  const linkView = initialLink.link?.view ?? null;
  const startView =
    linkView && !linkViewUsed.current && dataset && dataset === firstDataset.current && (initialLink.link?.dataset ?? dataset.name) === dataset.name ? linkView : null;
  useEffect(() => {
    if (!dataset || !linkPending.current) return;
    linkPending.current = false;
    const found = [...initialLink.problems];
    if (initialLink.link) {
      const fitted = fitLink(initialLink.link, dataset, new Set(areas.map((a) => a.code)));
      found.push(...fitted.problems);
      if (Object.keys(fitted.settings).length > 0) dispatch({ type: 'linkApplied', settings: fitted.settings });
      if (fitted.selected !== null) pendingSelection.current = { code: fitted.selected, level: fitted.settings.level ?? state.level };
    }
    if (found.length > 0) setProblems((p) => [...p, ...found.map((message) => ({ file: 'shared link', row: null, column: null, message, severity: 'warning' as const }))]);
  }, [dataset, areas, initialLink]);
  useEffect(() => {
    // The ward is looked up once the link's level shows (a municipality code among municipalities).
    const pending = pendingSelection.current;
    if (!view || pending === null || linkPending.current || pending.level !== state.level) return;
    pendingSelection.current = null;
    const code = pending.code;
    const ward = view.wards.find((w) => w.code === code);
    if (ward) dispatch({ type: 'wardSelected', index: ward.index, focus: false });
    else setProblems((p) => [...p, { file: 'shared link', row: null, column: null, message: `the link selects ward "${code}", which is not shown here`, severity: 'warning' }]);
  }, [view, state.level]);
  useEffect(() => {
    if (linkPending.current) return;
    const link = linkOf(state, selectedWard?.code ?? null, mapView ?? linkView);
    if (!link) return;
    const hash = `#${encodeLink(link)}`;
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  }, [state, selectedWard, mapView, linkView]);
  const [copied, setCopied] = useState<string | null>(null);
  const copyLink = () => {
    const done = (message: string) => {
      setCopied(message);
      window.setTimeout(() => setCopied(null), 2500);
    };
    navigator.clipboard?.writeText(window.location.href).then(
      () => done('Link copied'),
      () => done('Copy the address bar: it holds the link'),
    ) ?? done('Copy the address bar: it holds the link');
  };

  return (
    <div className="app">
      <header className="top">
        <h1>chw-planner</h1>
        <div className="dataset">
          {dataset ? dataset.name : loading ? 'Loading…' : 'No data'}
          {dataset?.synthetic && <span className="synthetic">Synthetic demo data</span>}
        </div>
        <div className="actions">
          <button type="button" onClick={() => setShowLoader((v) => !v)} aria-expanded={showLoader}>
            Open files…
          </button>
          <button type="button" onClick={copyLink} disabled={!dataset} title="The address bar always holds a link to this view: weights, method, filters, selection and map">
            Copy link
          </button>
          {copied && (
            <span className="copied" role="status">
              {copied}
            </span>
          )}
          <button type="button" onClick={() => setShowMatcher((v) => !v)} aria-expanded={showMatcher} disabled={!dataset}>
            CHW areas…
          </button>
          {compared.length >= 2 && (
            <button type="button" onClick={() => setShowComparison((v) => !v)} aria-expanded={showComparison}>
              Compare ({compared.length})
            </button>
          )}
          <label className="format">
            <span className="visually-hidden">CSV format</span>
            <select
              aria-label="CSV format"
              value={state.csvFormat}
              onChange={(e) => dispatch({ type: 'csvFormatSet', format: e.currentTarget.value as CsvFormat })}
            >
              <option value="csv">Standard CSV (, and .)</option>
              <option value="excel-be">Excel (Belgium): ; and decimal comma</option>
            </select>
          </label>
          <button type="button" className="primary" onClick={onExport} disabled={!derived}>
            Export CSV
          </button>
        </div>
      </header>

      {showLoader && (
        <Suspense fallback={<p className="load-panel" role="status">Loading the file readers…</p>}>
        <LoadData
          dataset={dataset}
          onDataset={(next, mode, notes) => {
            dispatch({ type: mode === 'replace' ? 'datasetLoaded' : 'indicatorsAdded', dataset: next });
            setProblems(notes);
            setShowLoader(false);
          }}
          onClose={() => setShowLoader(false)}
        />
        </Suspense>
      )}
      {showMatcher && dataset && (
        <Suspense fallback={<p className="load-panel" role="status">Loading…</p>}>
          <AreaMatching
            dataset={dataset}
            matches={state.areaMatches}
            format={state.csvFormat}
            onMatches={(matches) => dispatch({ type: 'areaMatchesSet', matches })}
            onClose={() => setShowMatcher(false)}
          />
        </Suspense>
      )}
      {showComparison && view && derived && compared.length >= 2 && (
        <div className="comparison-overlay">
          <WardComparison
            comparison={comparisonOf(view, derived, state.weights, compared)}
            themes={themesForGroup(view, compared)}
            onRemove={(index) => setCompared((c) => c.filter((i) => i !== index))}
            onExport={() => {
              const table = comparisonTable(comparisonOf(view, derived, state.weights, compared), themesForGroup(view, compared));
              downloadText(formatCsv(table.header, table.rows, { format: state.csvFormat }), csvFileName('chw-comparison', new Date()));
            }}
            onClose={() => setShowComparison(false)}
          />
        </div>
      )}
      {problems.length > 0 && <ProblemList problems={problems} onDismiss={() => setProblems([])} />}

      {view && derived && colouring ? (
        <main className="layout">
          <div className="side">
          <div className="tabs" role="tablist" aria-label="Side panel">
            {(['criteria', 'plan', 'field'] as const).map((tab) => (
              <button
                key={tab}
                type="button"
                role="tab"
                id={`tab-${tab}`}
                aria-selected={sideTab === tab}
                aria-controls={`panel-${tab}`}
                onClick={() => setSideTab(tab)}
              >
                {tab === 'criteria' ? 'Criteria' : tab === 'plan' ? 'Plan' : 'Field'}
              </button>
            ))}
          </div>
          {sideTab === 'criteria' && (
          <div role="tabpanel" id="panel-criteria" aria-labelledby="tab-criteria" className="tab-panel">
          <ScopePanel
            groupNoun={groupNoun}
            level={state.level}
            populationId={state.populationId}
            indicators={view.indicators}
            areas={areas}
            areaFilter={state.areaFilter}
            scope={state.scope}
            onLevel={(level) => dispatch({ type: 'levelSet', level })}
            onPopulation={(id) => dispatch({ type: 'populationSet', id })}
            onAreaFilter={(codes) => dispatch({ type: 'areaFilterSet', codes })}
            onScope={(scope) => dispatch({ type: 'scopeSet', scope })}
          />
          <WeightsPanel
            indicators={view.indicators}
            weights={state.weights}
            directions={state.directions}
            method={state.method}
            onWeight={(id, weight) => dispatch({ type: 'weightSet', id, weight })}
            onToggleDirection={(id) => dispatch({ type: 'directionToggled', id })}
            onMethod={(method) => dispatch({ type: 'methodSet', method })}
            onReset={() => dispatch({ type: 'weightsReset' })}
            smoothing={{ on: state.smoothShares, available: state.populationId !== null, onToggle: () => dispatch({ type: 'smoothSharesToggled' }) }}
          />
          <StabilityPanel
            settings={stabilitySettings}
            onSettings={setStabilitySettings}
            progress={stabilityProgress}
            status={
              stabilityNow
                ? `${stabilityNow.draws} draws around the current weights: see the table's stability columns and the badges on the map.`
                : stability
                  ? 'The weights or data changed since the last run: run it again.'
                  : null
            }
            onRun={startStability}
            onCancel={() => stabilityRun.current?.cancel()}
          />
          <ScenarioPanel {...scenarios.panel} />
          </div>
          )}
          {sideTab === 'plan' && (
            <div role="tabpanel" id="panel-plan" aria-labelledby="tab-plan" className="tab-panel">
              <PlannerPanel
                params={state.capacity}
                onChange={(capacity) => dispatch({ type: 'capacitySet', capacity })}
                excludeCurrent={state.excludeCurrent}
                onExcludeCurrent={(exclude) => dispatch({ type: 'excludeCurrentSet', exclude })}
                excludeUnworkable={state.excludeUnworkable}
                onExcludeUnworkable={(exclude) => dispatch({ type: 'excludeUnworkableSet', exclude })}
                expansion={state.expansion}
                onExpansion={(expansion) => dispatch({ type: 'expansionSet', expansion })}
              />
              {plan?.problem && <p className="call">{plan.problem}</p>}
              {plan?.plan && (
                <>
                  <CoverageCurve points={plan.curve} knee={plan.knee} current={state.capacity.availableFte} width={300} />
                  <TeamList
                    plan={plan.plan}
                    teamSize={state.capacity.teamSize}
                    wardName={(i) => view.wards[i].name}
                    selected={selected}
                    onSelectWard={(index) => dispatch({ type: 'wardSelected', index, focus: true })}
                    themesOf={(t) => themesForGroup(view, plan.plan?.teams[t]?.wards ?? [])}
                  />
                </>
              )}
            </div>
          )}
          {sideTab === 'field' && (
            <div role="tabpanel" id="panel-field" aria-labelledby="tab-field" className="tab-panel">
              <FieldPanel
                state={state}
                view={view}
                scores={derived.scores.score}
                selected={selected}
                datasetId={dataset?.name ?? ''}
                onSelect={(index) => dispatch({ type: 'wardSelected', index, focus: true })}
                dispatch={dispatch}
                onProblems={(found) => setProblems((p) => [...p, ...found])}
              />
            </div>
          )}
          </div>
          <section className="map-area" aria-label="Map">
            <MapControls
              indicators={view.indicators}
              colourBy={state.colourBy}
              classification={state.classification}
              classCount={state.classCount}
              palette={state.palette}
              showCurrentAreas={state.showCurrentAreas}
              showDistricts={state.showDistricts}
              hasCurrentAreas={view.currentAreas.length > 0}
              hasDistricts={view.districts !== null}
              onColourBy={(colourBy) => dispatch({ type: 'colourBySet', colourBy })}
              onClassification={(classification) => dispatch({ type: 'classificationSet', classification })}
              onClassCount={(classCount) => dispatch({ type: 'classCountSet', classCount })}
              onPalette={(palette) => dispatch({ type: 'paletteSet', palette })}
              onToggleCurrentAreas={() => dispatch({ type: 'currentAreasToggled' })}
              onToggleDistricts={() => dispatch({ type: 'districtsToggled' })}
              hotspotAlpha={hotspotAlpha}
              onHotspotAlpha={setHotspotAlpha}
              hotspotProgress={hotspotProgress === null || !derived ? null : hotspotProgress / Math.max(1, derived.scores.score.length)}
              shiftName={scenarios.shift?.name ?? null}
              showFlags={showFlags}
              onToggleFlags={() => setShowFlags((v) => !v)}
              stabilityReady={stabilityNow !== null}
              showBadges={showBadges}
              onToggleBadges={() => setShowBadges((v) => !v)}
            />
            <div className="map-stage">
              <LazyChoroplethMap
                geometry={view.geometry}
                wardCount={view.wards.length}
                districts={view.districts}
                currentAreas={currentOutline}
                classes={colouring.classes}
                colours={colouring.colours}
                selected={selected}
                focusRequest={state.focusRequest}
                focusBounds={focusBounds}
                teams={sideTab === 'plan' ? (plan?.teams ?? null) : null}
                rings={plan?.rings ?? null}
                hotspots={hotspots}
                flags={flagOverlay}
                topChange={topChange}
                badges={badges}
                showCurrentAreas={state.showCurrentAreas}
                showDistricts={state.showDistricts}
                attribution={view.attribution ?? ''}
                describe={describe}
                onSelect={(index) => dispatch({ type: 'wardSelected', index, focus: false })}
                startView={startView}
                onViewChange={(v) => {
                  linkViewUsed.current = true;
                  setMapView(v);
                }}
                onMapReady={(map) => {
                  mapRef.current = map;
                }}
              />
              <Legend
                title={
                  shift
                    ? `Rank shift, ${shift.name}`
                    : colourIndicator
                      ? colourIndicator.label.en
                      : 'Priority score (0–100, higher = more need)'
                }
                entries={colouring.legend}
                noDataCount={colouring.noData}
                showCurrentAreas={state.showCurrentAreas && view.currentAreas.length > 0}
                showOutside={inSelection !== null}
                showTeams={sideTab === 'plan' && (plan?.plan?.teams.length ?? 0) > 0}
                rings={plan?.candidates ? state.expansion : 0}
                hotspots={hotspots ? hotspots.reduce((n, h) => n + h, 0) : null}
                flags={flagOverlay !== null}
                topChange={shift ? { k: shift.k, entered: shift.entered.length, left: shift.left.length } : null}
                badges={badges ? { k: stabilityNow?.k ?? 0, counts: badgeCounts(badges) } : null}
              />
              {selectedWard && (
                <WardDetails
                  ward={selectedWard}
                  rank={derived.ranking.rank[selectedWard.index]}
                  scored={derived.ranking.scored}
                  score={derived.scores.score[selectedWard.index]}
                  decile={derived.ranking.decile[selectedWard.index]}
                  team={view.currentAreas.find((a) => a.index === selectedWard.index)?.team ?? null}
                  indicators={view.indicators}
                  weights={state.weights}
                  values={view.values}
                  rawValues={view.rawValues ?? null}
                  missing={view.missing}
                  need={Object.fromEntries(
                    derived.prepared.ids.map((id) => {
                      const column = derived.prepared.columns[id];
                      return [id, column.has[selectedWard.index] ? column.need[selectedWard.index] : null];
                    }),
                  )}
                  explain={selectedExplanation?.explain ?? {}}
                  hereLabel={selectedWard.district}
                  themes={selectedExplanation?.themes ?? []}
                  onPrint={() => window.print()}
                  compare={{
                    included: compared.includes(selectedWard.index),
                    full: compared.length >= 4,
                    onToggle: () =>
                      setCompared((c) => (c.includes(selectedWard.index) ? c.filter((i) => i !== selectedWard.index) : [...c, selectedWard.index].slice(0, 4))),
                  }}
                  onClose={() => dispatch({ type: 'wardSelected', index: null, focus: false })}
                  currentToggle={
                    state.level === 'ward' && dataset && (!currentSet.has(selectedWard.index) || isMarkedByHand(state.areaMatches, selectedWard.code))
                      ? {
                          marked: isMarkedByHand(state.areaMatches, selectedWard.code),
                          onToggle: () => {
                            const next = toggleMarkedByHand(state.areaMatches, selectedWard);
                            dispatch({ type: 'areaMatchesSet', matches: next });
                            const failed = saveMatches(browserStorage(), dataset.name, next);
                            if (failed) setProblems((p) => [...p, { file: 'CHW areas', row: null, column: null, message: failed, severity: 'warning' }]);
                          },
                        }
                      : null
                  }
                />
              )}
            </div>
          </section>
          <RankedTable
            rows={rows}
            indicators={view.indicators}
            values={view.values}
            missing={view.missing}
            flags={flags}
            weighted={derived.scores.indicatorsWeighted}
            showOverallRank={derived.overall !== null}
            extraColumns={extraColumns}
            selected={selected}
            sort={state.sort}
            districts={districts}
            districtFilter={state.districtFilter}
            currentAreas={currentSet}
            onSort={(column) => dispatch({ type: 'sortSet', column })}
            onSelect={(index) => dispatch({ type: 'wardSelected', index, focus: true })}
            onDistrictFilter={(district) => dispatch({ type: 'districtFilterSet', district })}
          />
        </main>
      ) : (
        <main className="empty">{loading ? <p>Loading the demo data…</p> : <p>No dataset loaded. Open files to start.</p>}</main>
      )}
      {selectedWard && (
        <p className="print-only print-footer">
          Ward profile printed {new Date().toLocaleDateString('en-GB')} from chw-planner · {view?.name}
          {dataset?.attribution ? ` · ${dataset.attribution}` : ''} · method: {state.method}, weights:{' '}
          {Object.entries(state.weights)
            .filter(([, w]) => w > 0)
            .map(([id, w]) => `${id} ${w}`)
            .join(', ')}
        </p>
      )}
      <footer className="bottom">
        {dataset?.synthetic
          ? 'Synthetic demo data: generated by scripts/make-demo-data.ts, not real statistics.'
          : dataset?.attribution ?? ''}{' '}
        All data stays in this browser.
      </footer>
    </div>
  );
}

function badgeCounts(badges: ReturnType<typeof stabilityBadges>): [number, number, number] {
  const counts: [number, number, number] = [0, 0, 0];
  for (const f of badges.features) counts[f.properties.level - 1]++;
  return counts;
}

/** What the overlays add to a ward's hover text. */
interface Overlays {
  shift: RankShift | null;
  flagged: ((index: number) => string[]) | null;
}

function overlayLines({ shift, flagged }: Overlays, index: number): string[] {
  const lines: string[] = [];
  const moved = shift?.values[index];
  if (shift && moved !== undefined) {
    const change = moved === null ? 'unranked on one side' : moved > 0 ? `up ${moved}` : moved < 0 ? `down ${-moved}` : 'same rank';
    const top = shift.entered.includes(index) ? `, enters the top ${shift.k}` : shift.left.includes(index) ? `, leaves the top ${shift.k}` : '';
    lines.push(`Rank shift: ${change}${top}`);
  }
  const names = flagged?.(index) ?? [];
  if (names.length > 0) lines.push(`Flagged: ${names.join(', ')}`);
  return lines;
}

function shortLabel(view: Dataset | null, id: string): string {
  const d = view?.indicators.find((x) => x.id === id);
  return d ? (d.shortLabel ?? d.label).en : id;
}

function snapshot(state: AppState, derived: ReturnType<typeof useRanking>) {
  if (!derived) return { selected: state.selected, ranking: [] };
  const wards = derived.view.wards;
  return {
    selected: state.selected,
    weights: state.weights,
    method: state.method,
    level: state.level,
    wardCount: wards.length,
    ranking: derived.ranking.order
      .filter((i) => derived.ranking.rank[i] !== null || !derived.selection)
      .map((i) => ({ index: i, code: wards[i].code, rank: derived.ranking.rank[i], score: derived.scores.score[i] })),
  };
}
