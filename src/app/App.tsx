import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { csvFileName } from '../io/csvFileName';
import type { Problem } from '../io/problem';
import { dissolve } from '../model/dissolve';
import { ChoroplethMap, type HoverInfo } from '../map/ChoroplethMap';
import { Legend } from '../ui/Legend';
import { MapControls } from '../ui/MapControls';
import { ProblemList } from '../ui/ProblemList';
import { RankedTable, type RankedRow } from '../ui/RankedTable';
import { WardDetails } from '../ui/WardDetails';
import { WeightsPanel } from '../ui/WeightsPanel';
import { formatScore, formatValue } from '../ui/formatValue';
import { downloadText } from './download';
import { exportRanking } from './exportRanking';
import { LoadData } from './LoadData';
import { loadDemoDataset } from './loadDemoDataset';
import { mapColouring } from './mapColouring';
import { initialState, reduce, type AppState, type CsvFormat } from './state';
import { useRanking } from './useRanking';
import { sortRows } from './sortRows';

declare global {
  interface Window {
    /** For browser tests and the curious: the map and a snapshot of the ranking. */
    __chw?: { map: MapLibreMap | null; getState: () => unknown };
  }
}

/** The app: state holds inputs only; scores, ranks, classes and colours are derived on render. */
export function App() {
  const [state, dispatch] = useReducer(reduce, initialState);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [loading, setLoading] = useState(true);
  const [showLoader, setShowLoader] = useState(false);
  const mapRef = useRef<MapLibreMap | null>(null);
  const { dataset } = state;
  const derived = useRanking(state);

  useEffect(() => {
    let cancelled = false;
    loadDemoDataset()
      .then(({ dataset: demo, problems: found }) => {
        if (cancelled) return;
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

  const colourIndicator = dataset?.indicators.find((d) => d.id === state.colourBy) ?? null;
  const colouring = useMemo(() => {
    if (!dataset || !derived) return null;
    if (colourIndicator) {
      return mapColouring(
        dataset.values[colourIndicator.id],
        state.directions[colourIndicator.id] ?? colourIndicator.direction,
        state.classification,
        state.classCount,
        state.palette,
        (v) => formatValue(v, colourIndicator.unit),
      );
    }
    return mapColouring(derived.scores.score, 'high', state.classification, state.classCount, state.palette, (v) => v.toFixed(1));
  }, [dataset, derived, colourIndicator, state.directions, state.classification, state.classCount, state.palette]);

  const currentOutline = useMemo(() => {
    if (!dataset || dataset.currentAreas.length === 0) return null;
    const teams = new Map<string, number[]>();
    for (const area of dataset.currentAreas) teams.set(area.team, [...(teams.get(area.team) ?? []), area.index]);
    return dissolve(dataset.geometry.features, [...teams].map(([name, ids]) => ({ name, ids })));
  }, [dataset]);
  const currentSet = useMemo(() => new Set(dataset?.currentAreas.map((a) => a.index) ?? []), [dataset]);

  const rows: RankedRow[] = useMemo(() => {
    if (!dataset || !derived) return [];
    const { ranking, scores } = derived;
    const all = ranking.order
      .filter((i) => state.districtFilter === null || dataset.wards[i].district === state.districtFilter)
      .map((i) => ({ ward: dataset.wards[i], rank: ranking.rank[i], score: scores.score[i], used: scores.indicatorsUsed[i] }));
    return sortRows(all, state.sort, dataset.values);
  }, [dataset, derived, state.districtFilter, state.sort]);

  const districts = useMemo(
    () => [...new Set(dataset?.wards.map((w) => w.district).filter((d): d is string => d !== null) ?? [])].sort(),
    [dataset],
  );

  // The latest state for the test hook and the hover text, without re-creating callbacks.
  const latest = useRef({ state, derived });
  latest.current = { state, derived };
  useEffect(() => {
    window.__chw = {
      get map() {
        return mapRef.current;
      },
      getState: () => snapshot(latest.current.state, latest.current.derived),
    };
  }, []);

  const describe = useCallback((index: number): HoverInfo => {
    const { state: s, derived: d } = latest.current;
    const ward = s.dataset?.wards[index];
    if (!ward || !d) return { title: '', lines: [] };
    return {
      title: ward.name,
      lines: [
        `${ward.code}${ward.district ? ` · ${ward.district}` : ''}`,
        `Score ${formatScore(d.scores.score[index])} · rank ${d.ranking.rank[index] ?? '–'} of ${d.ranking.scored}`,
      ],
    };
  }, []);

  const onExport = () => {
    if (!dataset || !derived) return;
    const now = new Date();
    const text = exportRanking(dataset, derived, { ...state, format: state.csvFormat }, now);
    downloadText(text, csvFileName('chw-ranking', now));
  };

  const selected = state.selected;
  const selectedWard = dataset && selected !== null ? dataset.wards[selected] : null;

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
        <LoadData
          dataset={dataset}
          onDataset={(next, mode, notes) => {
            dispatch({ type: mode === 'replace' ? 'datasetLoaded' : 'indicatorsAdded', dataset: next });
            setProblems(notes);
            setShowLoader(false);
          }}
          onClose={() => setShowLoader(false)}
        />
      )}
      {problems.length > 0 && <ProblemList problems={problems} onDismiss={() => setProblems([])} />}

      {dataset && derived && colouring ? (
        <main className="layout">
          <WeightsPanel
            indicators={dataset.indicators}
            weights={state.weights}
            directions={state.directions}
            method={state.method}
            onWeight={(id, weight) => dispatch({ type: 'weightSet', id, weight })}
            onToggleDirection={(id) => dispatch({ type: 'directionToggled', id })}
            onMethod={(method) => dispatch({ type: 'methodSet', method })}
            onReset={() => dispatch({ type: 'weightsReset' })}
          />
          <section className="map-area" aria-label="Map">
            <MapControls
              indicators={dataset.indicators}
              colourBy={state.colourBy}
              classification={state.classification}
              classCount={state.classCount}
              palette={state.palette}
              showCurrentAreas={state.showCurrentAreas}
              showDistricts={state.showDistricts}
              hasCurrentAreas={dataset.currentAreas.length > 0}
              hasDistricts={dataset.districts !== null}
              onColourBy={(colourBy) => dispatch({ type: 'colourBySet', colourBy })}
              onClassification={(classification) => dispatch({ type: 'classificationSet', classification })}
              onClassCount={(classCount) => dispatch({ type: 'classCountSet', classCount })}
              onPalette={(palette) => dispatch({ type: 'paletteSet', palette })}
              onToggleCurrentAreas={() => dispatch({ type: 'currentAreasToggled' })}
              onToggleDistricts={() => dispatch({ type: 'districtsToggled' })}
            />
            <div className="map-stage">
              <ChoroplethMap
                geometry={dataset.geometry}
                wardCount={dataset.wards.length}
                districts={dataset.districts}
                currentAreas={currentOutline}
                classes={colouring.classes}
                colours={colouring.colours}
                selected={selected}
                focusRequest={state.focusRequest}
                showCurrentAreas={state.showCurrentAreas}
                showDistricts={state.showDistricts}
                attribution={dataset.attribution ?? ''}
                describe={describe}
                onSelect={(index) => dispatch({ type: 'wardSelected', index, focus: false })}
                onMapReady={(map) => {
                  mapRef.current = map;
                }}
              />
              <Legend
                title={colourIndicator ? colourIndicator.label.en : 'Priority score (0–100, higher = more need)'}
                entries={colouring.legend}
                noDataCount={colouring.noData}
                showCurrentAreas={state.showCurrentAreas && dataset.currentAreas.length > 0}
              />
              {selectedWard && (
                <WardDetails
                  ward={selectedWard}
                  rank={derived.ranking.rank[selectedWard.index]}
                  scored={derived.ranking.scored}
                  score={derived.scores.score[selectedWard.index]}
                  decile={derived.ranking.decile[selectedWard.index]}
                  team={dataset.currentAreas.find((a) => a.index === selectedWard.index)?.team ?? null}
                  indicators={dataset.indicators}
                  weights={state.weights}
                  values={dataset.values}
                  need={Object.fromEntries(
                    derived.prepared.ids.map((id) => {
                      const column = derived.prepared.columns[id];
                      return [id, column.has[selectedWard.index] ? column.need[selectedWard.index] : null];
                    }),
                  )}
                  onClose={() => dispatch({ type: 'wardSelected', index: null, focus: false })}
                />
              )}
            </div>
          </section>
          <RankedTable
            rows={rows}
            indicators={dataset.indicators}
            values={dataset.values}
            weighted={derived.scores.indicatorsWeighted}
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
      <footer className="bottom">
        {dataset?.synthetic
          ? 'Synthetic demo data: generated by scripts/make-demo-data.ts, not real statistics.'
          : dataset?.attribution ?? ''}{' '}
        All data stays in this browser.
      </footer>
    </div>
  );
}

function snapshot(state: AppState, derived: ReturnType<typeof useRanking>) {
  if (!state.dataset || !derived) return { selected: state.selected, ranking: [] };
  const wards = state.dataset.wards;
  return {
    selected: state.selected,
    weights: state.weights,
    method: state.method,
    ranking: derived.ranking.order.map((i) => ({ index: i, code: wards[i].code, rank: derived.ranking.rank[i], score: derived.scores.score[i] })),
  };
}
