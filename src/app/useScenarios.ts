import { useEffect, useMemo, useState, type Dispatch } from 'react';
import { decodeText } from '../io/decodeText';
import { csvFileName } from '../io/csvFileName';
import { formatScenarios, parseScenarios, type Scenario } from '../io/scenarioJson';
import { compareRankings } from '../model/compareRankings';
import type { ScenarioComparison, ScenarioPanelProps } from '../ui/ScenarioPanel';
import { downloadText } from './download';
import { browserStorage } from './matchStore';
import { loadScenarios, saveScenarios } from './scenarioStore';
import { noticeProblem, type ShownProblem } from './notice';
import { reduce, type Action, type AppState } from './state';
import { rankSettings } from './derive';
import { useLanguage } from '../i18n/useLanguage';
import { wardName } from '../i18n/wardName';
import type { Derived } from './useRanking';

/** Rank changes between the two sides of a scenario comparison, per ward index. */
export interface RankShift {
  /** "from → to", in English as the CSV export writes it. */
  name: string;
  /** "from → to" as the interface shows it, in its language. */
  label: string;
  /** from-rank − to-rank: positive = moved up; null when unranked on either side. */
  values: (number | null)[];
  /** Wards in the top k of `to` but not of `from`, and the other way round. */
  entered: number[];
  left: number[];
  k: number;
}

/**
 * Saved scenarios for the loaded dataset: kept in the browser, applied to the state, exported and
 * imported as JSON, and compared with each other or with the current settings (top-k changes and
 * rank shifts).
 */
export function useScenarios(
  state: AppState,
  derived: Derived | null,
  dispatch: Dispatch<Action>,
  onProblems: (problems: ShownProblem[]) => void,
): { panel: ScenarioPanelProps; shift: RankShift | null } {
  const datasetName = state.dataset?.name ?? '';
  const [scenarios, setScenarios] = useState<Scenario[]>([]);
  // The two sides of a comparison: a saved scenario's index, or null for the current settings.
  const [comparing, setComparing] = useState<{ from: number | null; to: number | null } | null>(null);
  const [topK, setTopK] = useState(20);
  const { t, language } = useLanguage();

  // Only a new dataset reloads the saved scenarios; the problem callback may change every render.
  useEffect(() => {
    if (!datasetName) return;
    const loaded = loadScenarios(browserStorage(), datasetName);
    setScenarios(loaded.scenarios);
    setComparing(null);
    if (loaded.problem) onProblems([noticeProblem('savedScenarios', loaded.problem)]);
  }, [datasetName]);

  const store = (next: Scenario[]) => {
    setScenarios(next);
    const failed = saveScenarios(browserStorage(), datasetName, next);
    if (failed) onProblems([noticeProblem('savedScenarios', failed)]);
  };

  // Two rankings of the wards now shown, each the current settings (null) or a saved scenario's, for
  // the comparison, the shift column and the map. A scenario saved at another level is ranked at the
  // current one, so that both rankings cover the same wards.
  const compared = useMemo(() => {
    if (!derived || comparing === null || comparing.from === comparing.to) return null;
    const side = (index: number | null) => {
      if (index === null) return { name: 'current settings', label: t('scenarios.currentName'), ranks: derived.ranking.rank, otherLevel: false };
      const scenario = scenarios[index];
      if (!scenario) return null;
      const applied = reduce(state, { type: 'scenarioApplied', settings: scenario.settings });
      return { name: scenario.name, label: scenario.name, ranks: rankSettings(derived.base, { ...applied, level: state.level }), otherLevel: scenario.settings.level !== state.level };
    };
    const from = side(comparing.from);
    const to = side(comparing.to);
    if (!from || !to) return null;
    const view = derived.view;
    const codes = view.wards.map((w) => w.code);
    const result = compareRankings(from.ranks, to.ranks, codes, topK);
    const ward = (i: number, r: readonly (number | null)[]) => ({ code: view.wards[i].code, name: wardName(view.wards[i], language), rank: r[i] as number });
    const comparison: ScenarioComparison = {
      from: comparing.from,
      to: comparing.to,
      fromName: from.label,
      toName: to.label,
      k: topK,
      entered: result.entered.map((i) => ward(i, to.ranks)),
      left: result.left.map((i) => ward(i, from.ranks)),
      otherLevel: from.otherLevel || to.otherLevel,
    };
    return { comparison, shift: { name: `${from.name} → ${to.name}`, label: `${from.label} → ${to.label}`, values: result.shift, entered: result.entered, left: result.left, k: topK } };
    // The state matters only through the fields a scenario does not set (level) and the derived ranking.
  }, [comparing, topK, scenarios, derived, state.level, t, language]);

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
        setComparing(null);
      },
      onExport: () => downloadText(formatScenarios(scenarios), csvFileName('chw-scenarios', new Date()).replace(/\.csv$/, '.json'), 'application/json'),
      onImport: (file) =>
        void file.arrayBuffer().then((buffer) => {
          const parsed = parseScenarios(decodeText(new Uint8Array(buffer)).text, file.name);
          onProblems(parsed.problems);
          if (parsed.data) store([...scenarios.filter((s) => !parsed.data?.some((n) => n.name === s.name)), ...parsed.data]);
        }),
      comparing,
      onCompare: setComparing,
      topK,
      onTopK: setTopK,
      comparison: compared?.comparison ?? null,
    },
    shift: compared?.shift ?? null,
  };
}
