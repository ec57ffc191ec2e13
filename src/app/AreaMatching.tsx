import { useMemo, useState } from 'react';
import { decodeText } from '../io/decodeText';
import { csvFileName } from '../io/csvFileName';
import { formatAreaMatches, parseAreaMatches, parseCurrentAreas, type AreaMatch, type CurrentArea } from '../io/areaMatches';
import type { Dataset } from '../model/createDataset';
import { candidatesFromWards, matchAllAreas } from '../model/matchAreaNames';
import { CurrentAreasMatcher } from '../ui/CurrentAreasMatcher';
import { useProblemMessage } from '../ui/ProblemList';
import { useLanguage } from '../i18n/useLanguage';
import { writeNotice } from '../i18n/writeNotice';
import programmeAreas from '../../data/chw-current-areas.csv?raw';
import { downloadText } from './download';
import { browserStorage, saveMatches } from './matchStore';
import type { CsvFormat } from './state';

/** The programme's list of current CHW areas, shipped in data/chw-current-areas.csv. */
const PROGRAMME_AREAS: CurrentArea[] = parseCurrentAreas(programmeAreas, 'chw-current-areas.csv').data ?? [];

export interface AreaMatchingProps {
  dataset: Dataset;
  matches: AreaMatch[];
  format: CsvFormat;
  onMatches: (matches: AreaMatch[]) => void;
  onClose: () => void;
}

/**
 * Matching the programme's neighbourhood names to the dataset's sectors: suggestions by name within
 * each municipality, confirmed by the user, kept in this browser, exported and re-imported as CSV.
 */
export function AreaMatching({ dataset, matches, format, onMatches, onClose }: AreaMatchingProps) {
  const [notice, setNotice] = useState<string | null>(null);
  const { t } = useLanguage();
  const messageOf = useProblemMessage();
  const candidates = useMemo(() => candidatesFromWards(dataset.wards), [dataset]);
  const suggestions = useMemo(() => {
    const all = matchAllAreas(PROGRAMME_AREAS, candidates);
    return new Map(all.map((r) => [`${r.area.city}\u0000${r.area.area}`, r.suggestions]));
  }, [candidates]);
  const covered = useMemo(() => new Set(candidates.map((c) => c.municipality)), [candidates]);
  const inDataset = PROGRAMME_AREAS.filter((a) => a.municipality === null || covered.has(a.municipality));

  const change = (next: AreaMatch[]) => {
    onMatches(next);
    // Saving is best effort: a full or blocked storage is said, and the matches stay in the app.
    const failed = saveMatches(browserStorage(), dataset.name, next);
    setNotice(failed && writeNotice(t, failed));
  };
  const sectorName = (code: string) => candidates.find((c) => c.code === code)?.names[0] ?? null;

  return (
    <CurrentAreasMatcher
      areas={inDataset.length > 0 ? inDataset : PROGRAMME_AREAS}
      matches={matches}
      candidates={candidates}
      suggest={(area) => suggestions.get(`${area.city}\u0000${area.area}`) ?? []}
      onChange={change}
      onExport={() => downloadText(formatAreaMatches(matches, format, { sectorName }), csvFileName('chw-area-matches', new Date()))}
      onImport={(file) =>
        void file.arrayBuffer().then((buffer) => {
          const parsed = parseAreaMatches(decodeText(new Uint8Array(buffer)).text, file.name);
          const errors = parsed.problems.filter((p) => p.severity === 'error');
          if (parsed.data) change(parsed.data);
          setNotice(
            errors.length > 0
              ? `${file.name}: ${errors.map((p) => (p.row !== null ? t('matcher.rowProblem', { row: p.row, message: messageOf(p) }) : messageOf(p))).join('; ')}`
              : t('matcher.imported', { file: file.name, count: parsed.data?.length ?? 0 }),
          );
        })
      }
      onClose={onClose}
      notice={
        notice ??
        (inDataset.length === 0
          ? t('matcher.noneInDataset')
          : null)
      }
    />
  );
}
