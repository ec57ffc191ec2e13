import { useEffect, useMemo, useState, type Dispatch } from 'react';
import { decodeText } from '../io/decodeText';
import { csvFileName } from '../io/csvFileName';
import type { Problem } from '../io/problem';
import { formatScenarios, parseScenarios, type Scenario } from '../io/scenarioJson';
import { compareRankings } from '../model/compareRankings';
import { prepare } from '../model/prepare';
import { rank } from '../model/rank';
import { score } from '../model/score';
import type { ScenarioComparison, ScenarioPanelProps } from '../ui/ScenarioPanel';
import { downloadText } from './download';
import { browserStorage } from './matchStore';
import { loadScenarios, saveScenarios } from './scenarioStore';
import type { Action, AppState } from './state';
import type { Derived } from './useRanking';

const TOP_K = 20;

/**
 * Saved scenarios for the loaded dataset: kept in the browser, applied to the state, exported and
 * imported as JSON, and compared with the current ranking (top-k changes and rank shifts).
 */
export function useScenarios(
  state: AppState,
  derived: Derived | null,
  dispatch: Dispatch<Action>,
  onProblems: (problems: Problem[]) => void,
): { panel: ScenarioPanelProps; shift: { name: string; values: (number | null)[] } | null } {
  const datasetName = state.dataset?.name ?? '';
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  const [compareIndex, setCompareIndex] = useState<number | null>(null);

  // Only a new dataset reloads the saved scenarios; the problem callback may change every render.
  useEffect(() => {
    if (!datasetName) return;
    const loaded = loadScenarios(browserStorage(), datasetName);
    setScenarios(loaded.scenarios);
    setCompareIndex(null);
    if (loaded.problem) onProblems([{ file: 'saved scenarios', row: null, column: null, message: loaded.problem, severity: 'warning' }]);
  }, [datasetName]);

  const store = (next: Scenario[]) => {
    setScenarios(next);
    const failed = saveScenarios(browserStorage(), datasetName, next);
    if (failed) onProblems([{ file: 'saved scenarios', row: null, column: null, message: failed, severity: 'warning' }]);
  };

  // The saved scenario's ranking of the wards now shown, for the comparison and the shift column.
  const compared = useMemo(() => {
    const scenario = compareIndex === null ? null : scenarios[compareIndex];
    if (!scenario || !derived) return null;
    const view = derived.view;
    const directions = Object.fromEntries(view.indicators.map((d) => [d.id, scenario.settings.directions[d.id] ?? d.direction]));
    const prepared = prepare(view.values, directions, scenario.settings.method, view.wards.length);
    const codes = view.wards.map((w) => w.code);
    const ranks = rank(score(prepared, scenario.settings.weights).score, codes).rank;
    const result = compareRankings(ranks, derived.ranking.rank, codes, TOP_K);
    const ward = (i: number, r: (number | null)[]) => ({ code: view.wards[i].code, name: view.wards[i].name, rank: r[i] as number });
    const comparison: ScenarioComparison = {
      name: scenario.name,
      k: TOP_K,
      entered: result.entered.map((i) => ward(i, derived.ranking.rank)),
      left: result.left.map((i) => ward(i, ranks)),
    };
    return { comparison, shift: { name: scenario.name, values: result.shift } };
  }, [compareIndex, scenarios, derived]);

  const settingsOf = (s: AppState) => ({
    weights: s.weights,
    directions: s.directions,
    method: s.method,
    level: s.level,
    populationId: s.populationId,
    areaFilter: s.areaFilter,
    scope: s.scope,
    smoothShares: s.smoothShares,
    capacity: s.capacity,
    excludeCurrent: s.excludeCurrent,
    excludeUnworkable: s.excludeUnworkable,
    expansion: s.expansion,
  });

  return {
    panel: {
      scenarios,
      onSave: (name) => store([...scenarios.filter((s) => s.name !== name), { name, savedAt: new Date().toISOString(), datasetName, settings: settingsOf(state) }]),
      onApply: (index) => dispatch({ type: 'scenarioApplied', settings: scenarios[index].settings }),
      onDelete: (index) => {
        store(scenarios.filter((_, i) => i !== index));
        setCompareIndex(null);
      },
      onExport: () => downloadText(formatScenarios(scenarios), csvFileName('chw-scenarios', new Date()).replace(/\.csv$/, '.json'), 'application/json'),
      onImport: (file) =>
        void file.arrayBuffer().then((buffer) => {
          const parsed = parseScenarios(decodeText(new Uint8Array(buffer)).text, file.name);
          onProblems(parsed.problems);
          if (parsed.data) store([...scenarios.filter((s) => !parsed.data?.some((n) => n.name === s.name)), ...parsed.data]);
        }),
      compareIndex,
      onCompare: setCompareIndex,
      comparison: compared?.comparison ?? null,
    },
    shift: compared?.shift ?? null,
  };
}
