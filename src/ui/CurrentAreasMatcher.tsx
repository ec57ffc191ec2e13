import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { groupAreasByCity, matchOf, withoutSector, withSector, type AreaMatch, type CurrentArea } from '../io/areaMatches';
import { searchSectors, type SectorCandidate, type Suggestion } from '../model/matchAreaNames';
import { normaliseCode } from '../model/normaliseCode';
import { useLanguage } from '../i18n/useLanguage';
import { writeMatchReason } from '../i18n/writeMatchReason';
import { formatNumber } from './formatValue';

export interface CurrentAreasMatcherProps {
  /** The programme's areas (parseCurrentAreas), shown grouped by city in the order given. */
  areas: readonly CurrentArea[];
  /** The confirmed matches: the state this panel edits, owned by the caller. */
  matches: readonly AreaMatch[];
  /** The dataset's sectors: searched by name, and the source of the names on the chips. */
  candidates: readonly SectorCandidate[];
  /**
   * The suggestions for an area, best first; the panel shows the first three. Called on every
   * render, so pass something cheap: suggestSectors keeps its preparation per candidates array, or
   * look the area up in a memoised matchAllAreas result.
   */
  suggest: (area: CurrentArea) => readonly Suggestion[];
  /** The whole new list of matches after a sector was confirmed, added or removed. */
  onChange: (matches: AreaMatch[]) => void;
  /** "Export matches (CSV)": the caller writes formatAreaMatches and downloads it. */
  onExport: () => void;
  /** "Import matches…": the file the user picked; the caller reads it with parseAreaMatches. */
  onImport: (file: File) => void;
  onClose: () => void;
  /** A line to show under the title, e.g. a save or load problem from matchStore; none when null. */
  notice?: string | null;
}

const SHOWN_SUGGESTIONS = 3;
const SHOWN_SEARCH_RESULTS = 8;

/**
 * The programme's current CHW areas beside the dataset's sectors: per area, the confirmed sectors
 * (removable), the top suggestions to confirm, and a search box to add any sector of the city.
 */
export function CurrentAreasMatcher(props: CurrentAreasMatcherProps) {
  const { areas, matches, candidates, suggest, onChange } = props;
  const titleId = useId();
  const { t } = useLanguage();
  const groups = useMemo(() => groupAreasByCity(areas), [areas]);
  const namesByCode = useMemo(() => {
    const names = new Map<string, string>();
    for (const c of candidates) names.set(normaliseCode(c.code), c.names.find((n) => n && n.trim() !== '')?.trim() ?? c.code);
    return names;
  }, [candidates]);
  const matchedCount = areas.filter((a) => (matchOf(matches, a)?.sectorCodes.length ?? 0) > 0).length;

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // Cleared so that picking the same file again, after editing it, imports it again.
    event.currentTarget.value = '';
    if (file) props.onImport(file);
  };

  return (
    <section className="current-areas-matcher" aria-labelledby={titleId}>
      <header>
        <h2 id={titleId}>{t('matcher.title')}</h2>
        <p className="summary">{t('matcher.summary', { n: matchedCount, total: areas.length })}</p>
        {props.notice && (
          <p className="notice" role="status">
            {props.notice}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={props.onExport}>
            {t('matcher.export')}
          </button>
          <label className="import">
            {t('matcher.import')}
            <input type="file" accept=".csv,.txt,text/csv" onChange={onFile} />
          </label>
          <button type="button" className="close" onClick={props.onClose}>
            {t('common.close')}
          </button>
        </div>
      </header>
      {groups.map((group) => (
        <section key={group.city} className="city">
          <h3>{group.city}</h3>
          <ul className="areas">
            {group.areas.map((area) => (
              <AreaItem
                key={area.area}
                area={area}
                match={matchOf(matches, area)}
                suggestions={suggest(area).slice(0, SHOWN_SUGGESTIONS)}
                candidates={candidates}
                nameOf={(code) => namesByCode.get(normaliseCode(code)) ?? code}
                onAdd={(code) => onChange(withSector(matches, area, code))}
                onRemove={(code) => onChange(withoutSector(matches, area, code))}
              />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

interface AreaItemProps {
  area: CurrentArea;
  match: AreaMatch | null;
  suggestions: readonly Suggestion[];
  candidates: readonly SectorCandidate[];
  nameOf: (code: string) => string;
  onAdd: (code: string) => void;
  onRemove: (code: string) => void;
}

/** One programme area: its status, confirmed sectors, suggestions and search. */
function AreaItem({ area, match, suggestions, candidates, nameOf, onAdd, onRemove }: AreaItemProps) {
  const [query, setQuery] = useState('');
  const { t, locale } = useLanguage();
  const codes = match?.sectorCodes ?? [];
  const confirmed = useMemo(() => new Set(codes.map(normaliseCode)), [codes]);
  const results = useMemo(
    () =>
      searchSectors(query, candidates, { municipality: area.municipality, limit: SHOWN_SEARCH_RESULTS, exclude: confirmed }),
    [query, candidates, area.municipality, confirmed],
  );
  const status = codes.length === 0 ? t('matcher.notMatched') : t('matcher.matched', { count: codes.length });

  return (
    <li className={codes.length > 0 ? 'area matched' : 'area'}>
      <h4>{area.area}</h4>
      <p className="status">{status}</p>

      {codes.length > 0 && (
        <ul className="chips" aria-label={t('matcher.confirmedFor', { area: area.area })}>
          {codes.map((code) => (
            <li key={code} className="chip">
              <span className="name">{nameOf(code)}</span> <span className="code">{code}</span>
              <button type="button" aria-label={t('matcher.removeFrom', { name: nameOf(code), area: area.area })} onClick={() => onRemove(code)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}

      {suggestions.length > 0 && (
        <ol className="suggestions" aria-label={t('matcher.suggestedFor', { area: area.area })}>
          {suggestions.map((s) => {
            const done = confirmed.has(normaliseCode(s.code));
            return (
              <li key={s.code}>
                <span className="name">{s.name}</span> <span className="code">{s.code}</span>{' '}
                <span className="score">{t('matcher.score', { score: formatNumber(s.score, 2, locale) })}</span>, <span className="reason">{writeMatchReason(t, s, locale)}</span>
                <button
                  type="button"
                  disabled={done}
                  aria-label={done ? t('matcher.confirmedName', { name: s.name, area: area.area }) : t('matcher.confirmName', { name: s.name, area: area.area })}
                  onClick={() => onAdd(s.code)}
                >
                  {done ? t('matcher.confirmed') : t('matcher.confirm')}
                </button>
              </li>
            );
          })}
        </ol>
      )}

      <div className="search">
        <input
          type="search"
          aria-label={t('matcher.searchFor', { area: area.area })}
          placeholder={t('matcher.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        {query.trim() !== '' &&
          (results.length === 0 ? (
            <p className="no-results">{t('matcher.noResults', { query: query.trim() })}</p>
          ) : (
            <ul className="results" aria-label={t('matcher.foundFor', { area: area.area })}>
              {results.map((r) => (
                <li key={r.code}>
                  <button
                    type="button"
                    aria-label={t('matcher.addTo', { name: r.name, area: area.area })}
                    onClick={() => {
                      onAdd(r.code);
                      setQuery('');
                    }}
                  >
                    {r.name} <span className="code">{r.code}</span>
                  </button>
                </li>
              ))}
            </ul>
          ))}
      </div>
    </li>
  );
}
