import type { Map as MapLibreMap } from 'maplibre-gl';
import { lazy, Suspense, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { csvFileName } from '../io/csvFileName';
import type { Dataset } from '../model/createDataset';
import type { HelpRequest } from '../model/fieldSignals';
import { bbox } from '@turf/turf';
import { groupOf } from '../model/aggregateWards';
import { dissolve } from '../model/dissolve';
import type { HoverInfo } from '../map/ChoroplethMap';
import { LazyChoroplethMap } from '../map/LazyChoroplethMap';
import { useWardLabels } from '../map/useWardLabels';
import { activeBasemap } from './basemap';
import { Legend, type LegendProps } from '../ui/Legend';
import { MapControls } from '../ui/MapControls';
import { ProblemList } from '../ui/ProblemList';
import { RankedTable, type RankedRow } from '../ui/RankedTable';
import { WardDetails } from '../ui/WardDetails';
import { ScopePanel, type AreaOption } from '../ui/ScopePanel';
import { WeightsPanel } from '../ui/WeightsPanel';
import { formatDate, formatNumber, formatScore, formatValue } from '../ui/formatValue';
import { downloadText } from './download';
import i18next from 'i18next';
import { labelIn, languageOf, localeOf, type Language } from '../i18n/language';
import { useLanguage } from '../i18n/useLanguage';
import { chooseLanguage } from '../i18n/i18n';
import { districtName, wardName } from '../i18n/wardName';
import { LanguageSwitcher } from '../ui/LanguageSwitcher';
import { legendItems } from '../map/legendItems';
import type { PngLayout } from '../map/pngLayout';
import { exportMapImage } from './exportMapImage';
import { exportRanking } from './exportRanking';
import { loadDemoDataset } from './loadDemoDataset';
import { forgetDataset, loadRememberedDataset, loadRememberPreference, rememberDataset, saveRememberPreference } from './rememberedDataset';
import { mapColouring } from './mapColouring';
import { shiftColouring } from './shiftColouring';
import { stabilityBadges } from './stabilityBadges';
import { centroids } from '../model/centroids';
import { initialState, reduce, type AppState, type CsvFormat } from './state';
import { useRanking } from './useRanking';
import { useScenarios, type RankShift } from './useScenarios';
import { decodeLink, encodeLink, fitLink, linkOf, type ShareLink } from './shareLink';
import { notice, noticeProblem, type Notice, type ProblemSource, type ShownProblem } from './notice';
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
import { HIGH_CONTRAST_CLASS, loadHighContrast, mapPalette, saveHighContrast } from './highContrast';
import { isMarkedByHand, toggleMarkedByHand } from './markByHand';
import { sortRows } from './sortRows';
import { CHW_MUNICIPALITIES } from './chwMunicipalities';

declare global {
  interface Window {
    /** For browser tests and the curious: the map and a snapshot of the ranking. */
    __chw?: { map: MapLibreMap | null; readonly geometry: import('geojson').FeatureCollection | null; getState: () => unknown; lastMapPng?: { layout: PngLayout; pixelRatio: number } };
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
  const { t, language, locale } = useLanguage();
  // Panels that open over the app (files, problems, CHW areas, comparison) start below the header,
  // whose height changes when its buttons wrap (longer Dutch and French labels, narrow windows).
  const appRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const app = appRef.current;
    const header = app?.querySelector<HTMLElement>('header.top');
    if (!app || !header) return;
    const observer = new ResizeObserver(() => app.style.setProperty('--below-header', `${Math.ceil(header.getBoundingClientRect().height) + 4}px`));
    observer.observe(header);
    return () => observer.disconnect();
  }, []);
  const [problems, setProblems] = useState<ShownProblem[]>([]);
  const [loading, setLoading] = useState(true);
  const [showLoader, setShowLoader] = useState(false);
  const [showMatcher, setShowMatcher] = useState(false);
  const [sideTab, setSideTab] = useState<SideTab>('criteria');
  const [hotspotAlpha, setHotspotAlpha] = useState<number | null>(null);
  const [showFlags, setShowFlags] = useState(false);
  // A preference of this browser (not of the shared view): stronger text, borders and focus ring, cividis on the map.
  const [highContrast, setHighContrast] = useState(() => loadHighContrast(browserStorage()));
  // Whether applied datasets are kept in this browser (IndexedDB) and reopened at the next visit.
  const [remember, setRemember] = useState(() => loadRememberPreference(browserStorage()));
  const keepDataset = (kept: Dataset) =>
    void rememberDataset(kept).then((failed) => failed && setProblems((p) => [...p, noticeProblem('rememberedDataset', failed)]));
  useEffect(() => {
    document.documentElement.classList.toggle(HIGH_CONTRAST_CLASS, highContrast);
    saveHighContrast(browserStorage(), highContrast);
  }, [highContrast]);
  const palette = mapPalette(state.palette, highContrast);
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
        if ((error as { name?: string }).name !== 'AbortError') setProblems((p) => [...p, { file: t('problems.source.stability'), row: null, column: null, message: String(error), severity: 'error' }]);
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
    // The dataset the user asked this browser to remember opens instead of the demo city.
    const kept = remember ? loadRememberedDataset() : Promise.resolve({ dataset: null, problem: null });
    kept
      .then(async ({ dataset: remembered, problem }) => {
        if (cancelled) return;
        const told = problem ? [noticeProblem('rememberedDataset', problem)] : [];
        if (remembered) {
          dispatch({ type: 'datasetLoaded', dataset: remembered });
          setProblems(told);
          return;
        }
        const { dataset: demo, problems: found, requests } = await loadDemoDataset();
        if (cancelled) return;
        if (demo) demoRequests.current = { dataset: demo, requests };
        if (demo) dispatch({ type: 'datasetLoaded', dataset: demo });
        setProblems([...told, ...found]);
      })
      .catch((error: unknown) => {
        if (!cancelled) setProblems([{ file: t('problems.source.demo'), row: null, column: null, message: String(error), severity: 'error' }]);
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
    const note = (source: ProblemSource, problem: Notice | null) => problem && setProblems((p) => [...p, noticeProblem(source, problem)]);
    const stored = loadMatches(browserStorage(), dataset.name);
    dispatch({ type: 'areaMatchesSet', matches: stored.matches });
    note('savedMatches', stored.problem);
    void Promise.all([loadWorkability(dataset.name), loadRequests(dataset.name)]).then(([work, requests]) => {
      if (cancelled) return;
      dispatch({ type: 'workabilitySet', entries: work.entries });
      const demo = demoRequests.current;
      const fallback = demo && demo.dataset === dataset && requests.entries.length === 0 ? demo.requests : requests.entries;
      dispatch({ type: 'requestsSet', requests: fallback });
      note('savedWorkability', work.problem);
      note('savedRequests', requests.problem);
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
      ? shiftColouring(shift.values, language)
      : colourIndicator
      ? mapColouring(
          outside(view.values[colourIndicator.id]),
          state.directions[colourIndicator.id] ?? colourIndicator.direction,
          state.classification,
          state.classCount,
          palette,
          (v) => formatValue(v, colourIndicator.unit, false, locale),
        )
      : // Without an area filter the ranking holds these very scores in order: no second sort.
        mapColouring(derived.scores.score, 'high', state.classification, state.classCount, palette, (v) => formatNumber(v, 1, locale), derived.selection === null ? derived.ranking : undefined);
    // Wards outside the area filter are drawn faint, apart from wards without data.
    if (!inSelection) return result;
    let noData = 0;
    inSelection.forEach((inside, i) => {
      if (!inside) result.classes[i] = OUTSIDE_CLASS;
      else if (result.classes[i] === -1) noData++;
    });
    return { ...result, noData };
  }, [view, derived, inSelection, shift, colourIndicator, state.directions, state.classification, state.classCount, palette, locale]);

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
    if (sideTab === 'plan' && plan?.plan) columns.push({ header: t('table.columns.team'), values: plan.plan.teamOf });
    if ((sideTab === 'plan' || plan?.candidates) && plan?.workload) {
      columns.push({ header: t('table.columns.workload'), values: plan.workload.interventions.map((v) => (v === null ? null : Math.round(v))) });
      columns.push({ header: t('table.columns.fte'), values: plan.workload.fte.map((v) => (v === null ? null : formatNumber(v, 2, locale))) });
    }
    if (stabilityNow) {
      columns.push({ header: t('table.columns.medianRank'), values: stabilityNow.median.map((v) => (v === null ? null : Math.round(v))) });
      columns.push({
        header: t('table.columns.rankRange'),
        values: stabilityNow.p5.map((v, i) => (v === null || stabilityNow.p95[i] === null ? null : `${Math.round(v)}–${Math.round(stabilityNow.p95[i] as number)}`)),
      });
      columns.push({ header: t('table.columns.pTop', { k: stabilityNow.k }), values: stabilityNow.topK.map((v) => (v === null ? null : `${Math.round(v * 100)} %`)) });
    }
    if (scenarios.shift) {
      columns.push({
        header: t('table.columns.rankShift', { name: scenarios.shift.label }),
        values: scenarios.shift.values.map((v) => (v === null ? null : v > 0 ? `▲ ${v}` : v < 0 ? `▼ ${-v}` : '=')),
      });
    }
    if (plan?.candidates && plan.expansion) {
      columns.push({ header: t('table.columns.ring'), values: plan.expansion.ring });
      columns.push({ header: t('table.columns.distance'), values: plan.expansion.distanceKm.map((d) => (d === null ? null : formatNumber(d, 2, locale))) });
      columns.push({ header: t('table.columns.borders'), values: plan.expansion.bordersTeam });
    }
    return columns;
  }, [sideTab, plan, stabilityNow, scenarios.shift, t, locale]);

  const districts = useMemo(
    () => [...new Set(view?.wards.map((w) => w.district).filter((d): d is string => d !== null) ?? [])].sort(),
    [view],
  );
  // The districts' French names, where the data has them (Statbel's TX_MUNTY_DESCR_FR).
  const districtLabels = useMemo(() => new Map(view?.wards.filter((w) => w.district !== null).map((w) => [w.district as string, districtName(w, language) ?? '']) ?? []), [view, language]);

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
    // Read when the pointer moves, so the text is in the language shown now.
    const now = languageOf(i18next.resolvedLanguage ?? i18next.language);
    return {
      title: wardName(ward, now),
      lines: [
        `${ward.code}${ward.district ? ` · ${districtName(ward, now)}` : ''}`,
        d.scores.score[index] === null && d.selection && !d.selection.includes(index)
          ? i18next.t('hover.outside')
          : i18next.t('hover.score', { score: formatScore(d.scores.score[index], localeOf(now)), rank: d.ranking.rank[index] ?? '–', n: d.ranking.scored }),
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
        if ((error as { name?: string }).name !== 'AbortError') setProblems((p) => [...p, { file: t('problems.source.hotspots'), row: null, column: null, message: String(error), severity: 'error' }]);
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
  // Ward names on the map, in the interface language; the basemap the page's policy allows (read once:
  // enabling or disabling one reloads the page).
  const labelNames = useMemo(() => view?.wards.map((w) => wardName(w, language)) ?? null, [view, language]);
  const wardLabels = useWardLabels(view?.geometry ?? null, labelNames, state.showLabels);
  const [basemap] = useState(activeBasemap);
  const centres = useMemo(() => (view && wantCentres ? centroids(view.geometry, view.wards.length) : null), [view, wantCentres]);
  const badges = useMemo(
    () => (showBadges && stabilityNow && centres ? stabilityBadges(stabilityNow.topK, centres) : null),
    [showBadges, stabilityNow, centres],
  );

  // What the hover text says about the overlays, read when the pointer moves.
  const overlays = useRef<Overlays>({ shift: null, flagged: null });
  overlays.current = {
    shift,
    flagged: flagOverlay && derived ? (i) => derived.prepared.ids.filter((id) => flags[id]?.[i] === 1).map((id) => shortLabel(view, id, languageOf(i18next.resolvedLanguage ?? i18next.language))) : null,
  };

  // The selected ward's explanation scans every ward (medians, percentiles): computed when the
  // ward, its scores or the weights change, not on every render.
  const selectedExplanation = useMemo(() => {
    if (!view || !derived || state.selected === null || !view.wards[state.selected]) return null;
    return {
      explain: explainWard(view, derived, state.weights, flags, state.selected),
      themes: themesFor(view, state.selected, language),
    };
  }, [view, derived, state.weights, flags, state.selected, language]);

  const groupNoun = dataset?.wards.some((w) => w.municipality !== null) ? 'municipalities' : 'districts';
  // Belgium's export takes most of a second: the button says so first, then the work runs.
  const [exportingCsv, setExportingCsv] = useState(false);
  const startExport = () => {
    setExportingCsv(true);
    requestAnimationFrame(() =>
      setTimeout(() => {
        try {
          onExport();
        } finally {
          setExportingCsv(false);
        }
      }, 0),
    );
  };
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
    if (found.length > 0) setProblems((p) => [...p, ...found.map((told) => noticeProblem('sharedLink', told))]);
  }, [dataset, areas, initialLink]);
  useEffect(() => {
    // The ward is looked up once the link's level shows (a municipality code among municipalities).
    const pending = pendingSelection.current;
    if (!view || pending === null || linkPending.current || pending.level !== state.level) return;
    pendingSelection.current = null;
    const code = pending.code;
    const ward = view.wards.find((w) => w.code === code);
    if (ward) dispatch({ type: 'wardSelected', index: ward.index, focus: false });
    else setProblems((p) => [...p, noticeProblem('sharedLink', notice('linkWard', { code }))]);
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
      () => done(t('header.copied')),
      () => done(t('header.copyFailed')),
    ) ?? done(t('header.copyFailed'));
  };

  // The legend, on screen and in the exported map image.
  const legendProps: LegendProps | null =
    view && colouring
      ? {
          title: shift ? t('legend.shiftTitle', { name: shift.label }) : colourIndicator ? labelIn(colourIndicator.label, language) : t('legend.scoreTitle'),
          entries: colouring.legend,
          noDataCount: colouring.noData,
          showCurrentAreas: state.showCurrentAreas && view.currentAreas.length > 0,
          showOutside: inSelection !== null,
          showTeams: sideTab === 'plan' && (plan?.plan?.teams.length ?? 0) > 0,
          rings: plan?.candidates ? state.expansion : 0,
          hotspots: hotspots ? hotspots.reduce((n, h) => n + h, 0) : null,
          flags: flagOverlay !== null,
          topChange: shift ? { k: shift.k, entered: shift.entered.length, left: shift.left.length } : null,
          badges: badges ? { k: stabilityNow?.k ?? 0, counts: badgeCounts(badges) } : null,
        }
      : null;
  const [exportingPng, setExportingPng] = useState(false);
  const onExportPng = () => {
    const map = mapRef.current;
    if (!map || !view || !legendProps) return;
    setExportingPng(true);
    exportMapImage(map, {
      // Named as the header names it, with the level the map shows ("…, par commune").
      datasetName: `${datasetTitle(dataset ?? view, language)}${view === dataset || !dataset ? '' : t(dataset.wards.some((w) => w.municipality !== null) ? 'header.byMunicipality' : 'header.byDistrict')}`,
      colouredBy: legendProps.title,
      legend: legendItems(legendProps, (key, values) => t(key, values ?? {})),
      indicators: view.indicators,
      weights: state.weights,
      method: state.method,
      selection: state.areaFilter.map((c) => areas.find((a) => a.code === c)?.name ?? c),
      synthetic: view.synthetic,
      dataAttribution: view.attribution,
      basemapAttribution: basemap ? [basemap.attribution] : [],
      date: new Date(),
      language,
      t: (key, values) => t(key, values ?? {}),
    })
      .then((png) => {
        if (window.__chw) window.__chw.lastMapPng = { layout: png.layout, pixelRatio: png.pixelRatio };
      })
      .catch((error: unknown) => setProblems((p) => [...p, { file: t('mapPng.export'), row: null, column: null, message: String(error), severity: 'error' }]))
      .finally(() => setExportingPng(false));
  };

  return (
    <div className="app" ref={appRef}>
      <header className="top">
        <h1>chw-planner</h1>
        <div className="dataset">
          {dataset ? datasetTitle(dataset, language) : loading ? t('common.loading') : t('header.noData')}
          {dataset?.synthetic && <span className="synthetic">{t('header.synthetic')}</span>}
        </div>
        <div className="actions">
          <LanguageSwitcher language={language} label={t('language.label')} onChange={(l) => void chooseLanguage(l)} />
          <button type="button" onClick={() => setShowLoader((v) => !v)} aria-expanded={showLoader}>
            {t('header.open')}
          </button>
          <button type="button" onClick={copyLink} disabled={!dataset} title={t('header.copyLinkTitle')}>
            {t('header.copyLink')}
          </button>
          {copied && (
            <span className="copied" role="status">
              {copied}
            </span>
          )}
          <button type="button" onClick={() => setShowMatcher((v) => !v)} aria-expanded={showMatcher} disabled={!dataset}>
            {t('header.chwAreas')}
          </button>
          {compared.length >= 2 && (
            <button type="button" onClick={() => setShowComparison((v) => !v)} aria-expanded={showComparison}>
              {t('header.compare', { n: compared.length })}
            </button>
          )}
          <label className="format">
            <span className="visually-hidden">{t('header.csvFormat')}</span>
            <select
              aria-label={t('header.csvFormat')}
              value={state.csvFormat}
              onChange={(e) => dispatch({ type: 'csvFormatSet', format: e.currentTarget.value as CsvFormat })}
            >
              <option value="csv">{t('header.csvStandard')}</option>
              <option value="excel-be">{t('header.csvExcel')}</option>
            </select>
          </label>
          <button type="button" className="primary" onClick={startExport} disabled={!derived || exportingCsv} aria-busy={exportingCsv}>
            {exportingCsv ? t('header.exportingCsv') : t('header.exportCsv')}
          </button>
          <button type="button" onClick={onExportPng} disabled={!legendProps || exportingPng} aria-busy={exportingPng} title={t('mapPng.exportHint')}>
            {t('mapPng.export')}
          </button>
        </div>
      </header>

      {showLoader && (
        <Suspense fallback={<p className="load-panel" role="status">{t('header.loadingReaders')}</p>}>
        <LoadData
          dataset={dataset}
          onDataset={(next, mode, notes) => {
            dispatch({ type: mode === 'replace' ? 'datasetLoaded' : 'indicatorsAdded', dataset: next });
            setProblems(notes);
            setShowLoader(false);
            if (remember) keepDataset(next);
          }}
          remember={remember}
          onRemember={(on) => {
            setRemember(on);
            saveRememberPreference(browserStorage(), on);
            if (on && dataset && !dataset.synthetic) keepDataset(dataset);
            if (!on) void forgetDataset().then((failed) => failed && setProblems((p) => [...p, noticeProblem('rememberedDataset', failed)]));
          }}
          onClose={() => setShowLoader(false)}
        />
        </Suspense>
      )}
      {showMatcher && dataset && (
        <Suspense fallback={<p className="load-panel" role="status">{t('common.loading')}</p>}>
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
            comparison={comparisonOf(view, derived, state.weights, compared, language)}
            themes={themesForGroup(view, compared, language)}
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
          <div className="tabs" role="tablist" aria-label={t('tabs.label')}>
            {SIDE_TABS.map((tab) => (
              <button
                key={tab}
                type="button"
                role="tab"
                id={`tab-${tab}`}
                aria-selected={sideTab === tab}
                aria-controls={`panel-${tab}`}
                // One Tab stop for the tab list; arrows, Home and End move between the tabs (WAI-ARIA tabs).
                tabIndex={sideTab === tab ? 0 : -1}
                onClick={() => setSideTab(tab)}
                onKeyDown={(e) => {
                  const next = tabAfterKey(tab, e.key);
                  if (!next) return;
                  e.preventDefault();
                  setSideTab(next);
                  document.getElementById(`tab-${next}`)?.focus();
                }}
              >
                {t(`tabs.${tab}`)}
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
                ? t('stability.status', { draws: stabilityNow.draws })
                : stability
                  ? t('stability.stale')
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
              {plan?.problemKey && <p className="call">{t(`planner.problems.${plan.problemKey}`)}</p>}
              {plan?.plan && (
                <>
                  <CoverageCurve points={plan.curve} knee={plan.knee} current={state.capacity.availableFte} width={300} />
                  <TeamList
                    plan={plan.plan}
                    teamSize={state.capacity.teamSize}
                    wardName={(i) => wardName(view.wards[i], language)}
                    selected={selected}
                    onSelectWard={(index) => dispatch({ type: 'wardSelected', index, focus: true })}
                    themesOf={(team) => themesForGroup(view, plan.plan?.teams[team]?.wards ?? [], language)}
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
          <section className="map-area" aria-label={t('map.area')}>
            <MapControls
              indicators={view.indicators}
              colourBy={state.colourBy}
              classification={state.classification}
              classCount={state.classCount}
              palette={palette}
              highContrast={highContrast}
              onToggleHighContrast={() => setHighContrast((v) => !v)}
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
              showLabels={state.showLabels}
              onToggleLabels={() => dispatch({ type: 'labelsToggled' })}
              hotspotAlpha={hotspotAlpha}
              onHotspotAlpha={setHotspotAlpha}
              hotspotProgress={hotspotProgress === null || !derived ? null : hotspotProgress / Math.max(1, derived.scores.score.length)}
              shiftName={scenarios.shift?.label ?? null}
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
                attribution={view.synthetic ? t('map.syntheticAttribution') : (view.attribution ?? '')}
                labels={wardLabels}
                basemap={basemap}
                highContrast={highContrast}
                label={t('map.label')}
                busyLabel={t('map.drawing', { count: view.wards.length })}
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
              {legendProps && <Legend {...legendProps} />}
              {selectedWard && (
                <WardDetails
                  name={wardName(selectedWard, language)}
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
                  hereLabel={districtName(selectedWard, language)}
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
                            if (failed) setProblems((p) => [...p, noticeProblem('chwAreas', failed)]);
                          },
                        }
                      : null
                  }
                />
              )}
            </div>
          </section>
          <RankedTable
            nameOf={(ward) => wardName(ward, language)}
            districtLabel={(d) => districtLabels.get(d) || d}
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
        <main className="empty">{loading ? <p>{t('empty.loading')}</p> : <p>{t('empty.none')}</p>}</main>
      )}
      {selectedWard && (
        <p className="print-only print-footer">
          {t('print.printed', { date: formatDate(new Date(), locale) })} · {view?.name}
          {dataset?.attribution ? ` · ${dataset.attribution}` : ''} · {t('print.method', { method: state.method })}{' '}
          {Object.entries(state.weights)
            .filter(([, w]) => w > 0)
            .map(([id, w]) => `${id} ${w}`)
            .join(', ')}
        </p>
      )}
      <footer className="bottom">
        {dataset?.synthetic
          ? t('footer.synthetic')
          : dataset?.attribution ?? ''}{' '}
        {t('footer.local')}
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
  const t = i18next.t;
  const lines: string[] = [];
  const moved = shift?.values[index];
  if (shift && moved !== undefined) {
    const change =
      moved === null ? t('hover.unranked') : moved > 0 ? t('hover.up', { n: moved }) : moved < 0 ? t('hover.down', { n: -moved }) : t('hover.same');
    const top = shift.entered.includes(index) ? t('hover.entersTop', { k: shift.k }) : shift.left.includes(index) ? t('hover.leavesTop', { k: shift.k }) : '';
    lines.push(t('hover.rankShift', { change: `${change}${top}` }));
  }
  const names = flagged?.(index) ?? [];
  if (names.length > 0) lines.push(t('hover.flagged', { names: names.join(', ') }));
  return lines;
}

function shortLabel(view: Dataset | null, id: string, language: Language): string {
  const d = view?.indicators.find((x) => x.id === id);
  return d ? labelIn(d.shortLabel ?? d.label, language) : id;
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

const SIDE_TABS = ['criteria', 'plan', 'field'] as const;
type SideTab = (typeof SIDE_TABS)[number];

/** The tab a key moves to from `tab` in the side tab list (arrows wrap), or null for another key. */
function tabAfterKey(tab: SideTab, key: string): SideTab | null {
  const at = SIDE_TABS.indexOf(tab);
  if (key === 'ArrowRight' || key === 'ArrowDown') return SIDE_TABS[(at + 1) % SIDE_TABS.length];
  if (key === 'ArrowLeft' || key === 'ArrowUp') return SIDE_TABS[(at + SIDE_TABS.length - 1) % SIDE_TABS.length];
  if (key === 'Home') return SIDE_TABS[0];
  if (key === 'End') return SIDE_TABS[SIDE_TABS.length - 1];
  return null;
}

/** A dataset's name as the header shows it: its title in the interface language when it has one. */
function datasetTitle(dataset: Pick<Dataset, 'name' | 'title'>, language: Language): string {
  return dataset.title ? labelIn(dataset.title, language) : dataset.name;
}
