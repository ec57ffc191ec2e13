import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { IndicatorDef, Ward } from '../model/types';
import { formatScore, formatValue, isWholeColumn, missingText } from './formatValue';
import { labelIn } from '../i18n/language';
import { useLanguage } from '../i18n/useLanguage';
import { districtName } from '../i18n/wardName';
import { unitLabel } from '../i18n/unitLabel';

/** Units the column name already says ("Population", "Requests"): the header leaves them out, the tooltip keeps them. */
const WORD_UNITS = new Set(['persons', 'contacts', 'requests', 'score']);

export interface RankedRow {
  ward: Ward;
  rank: number | null;
  /** Rank among all wards when the table shows a selection; else null. */
  overallRank?: number | null;
  score: number | null;
  used: number;
}

export interface RankedTableProps {
  rows: RankedRow[];
  indicators: IndicatorDef[];
  values: Record<string, (number | null)[]>;
  /** Per indicator, the file's reason for a missing value ("<5", "-", "*"). */
  missing: Record<string, (string | null)[]>;
  /** Per indicator, 1 where the ward is among the 10 % neediest (flagged with ⚑, not colour alone). */
  flags?: Record<string, ArrayLike<number>>;
  weighted: number;
  /** Show the rank among all wards next to the rank within the selection. */
  showOverallRank?: boolean;
  /** A ward's name as shown (wardName in the interface language); its `name` when absent. */
  nameOf?: (ward: Ward) => string;
  /** Columns shown after the score (team, expansion ring, distance …), aligned with the ward indices. */
  extraColumns?: { header: string; values: readonly (string | number | null)[] }[];
  selected: number | null;
  sort: { column: string; descending: boolean };
  districts: string[];
  /** A district's name as shown (its French name in French, where the data has one); the district itself when absent. */
  districtLabel?: (district: string) => string;
  districtFilter: string | null;
  currentAreas: ReadonlySet<number>;
  onSort: (column: string) => void;
  onSelect: (index: number) => void;
  onDistrictFilter: (district: string | null) => void;
}

// A city's few hundred wards render in full (every row in the DOM, for search and assistive
// technology); Belgium's 19,478 sectors render only the rows in view.
const VIRTUALISE_ABOVE = 1000;
const ROW_HEIGHT = 21;

/** The ranked wards: one row per ward in the chosen order; a click or Enter selects a ward. */
export function RankedTable(props: RankedTableProps) {
  const { rows, indicators, values, selected, sort } = props;
  const { t, language, locale } = useLanguage();
  const body = useRef<HTMLTableSectionElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const whole = useMemo(() => Object.fromEntries(indicators.map((d) => [d.id, isWholeColumn(values[d.id])])), [indicators, values]);
  const virtual = rows.length > VIRTUALISE_ABOVE;
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
  });
  const items = virtual ? virtualizer.getVirtualItems() : null;
  const shown = items ? items.map((item) => rows[item.index]) : rows;
  const padTop = items && items.length > 0 ? items[0].start : 0;
  const padBottom = items && items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  // One row is in the Tab order (a roving tabindex): the row last focused, else the selected one, else
  // the first; the arrow keys, Home and End move between rows, so Tab leaves the table in one step.
  const [active, setActive] = useState<number | null>(null);
  const tabbable = [active, selected].find((i) => i !== null && shown.some((r) => r.ward.index === i)) ?? shown[0]?.ward.index ?? null;

  useEffect(() => {
    if (selected === null) return;
    if (virtual) {
      const position = rows.findIndex((r) => r.ward.index === selected);
      if (position >= 0) virtualizer.scrollToIndex(position, { align: 'auto' });
      return;
    }
    const row = body.current?.querySelector<HTMLTableRowElement>(`tr[data-index="${selected}"]`);
    row?.scrollIntoView({ block: 'nearest' });
    // Scroll only when the selection changes, not on every re-sort.
  }, [selected]);

  const header = (column: string, label: string, numeric = false) => {
    const active = sort.column === column;
    return (
      <th
        scope="col"
        className={numeric ? 'num' : undefined}
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      >
        <button type="button" className="sort" onClick={() => props.onSort(column)}>
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <div className="table-panel">
      <div className="table-tools">
        <label>
          {t('table.district')}
          <select
            value={props.districtFilter ?? ''}
            onChange={(e) => props.onDistrictFilter(e.currentTarget.value === '' ? null : e.currentTarget.value)}
          >
            <option value="">{t('table.allDistricts')}</option>
            {props.districts.map((d) => (
              <option key={d} value={d}>
                {props.districtLabel ? props.districtLabel(d) : d}
              </option>
            ))}
          </select>
        </label>
        <span className="count" aria-live="polite">
          {t('table.count', { count: rows.length })}
        </span>
      </div>
      <div className="table-scroll" ref={scroller}>
        <p id="ranked-keys" className="visually-hidden">
          {t('table.keys')}
        </p>
        <table className="ranked" aria-describedby="ranked-keys">
          <caption>{t('table.caption')}</caption>
          <thead>
            <tr>
              {header('rank', props.showOverallRank ? t('table.rankSelection') : t('table.rank'), true)}
              {props.showOverallRank && (
                <th scope="col" className="num">
                  {t('table.rankAll')}
                </th>
              )}
              {header('code', t('table.code'))}
              {header('name', t('table.name'))}
              {header('district', t('table.district'))}
              {header('score', t('table.score'), true)}
              {props.extraColumns?.map((c) => (
                <th key={c.header} scope="col" className="num">
                  {c.header}
                </th>
              ))}
              {indicators.map((d) => (
                <th key={d.id} scope="col" className="num" aria-sort={sort.column === d.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" className="sort" onClick={() => props.onSort(d.id)} title={`${labelIn(d.label, language)}${d.unit ? ` (${unitLabel(d.unit, t)})` : ''}`}>
                    {labelIn(d.shortLabel ?? d.label, language)}
                    {d.level === 'municipality' && <span className="level-tag"> ({t('table.municipality')})</span>}
                    {d.unit && !WORD_UNITS.has(d.unit) ? ` (${unitLabel(d.unit, t)})` : ''}
                    <span aria-hidden="true">{sort.column === d.id ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col" className="num" title={t('table.dataTitle')}>
                {t('table.data')}
              </th>
            </tr>
          </thead>
          <tbody ref={body}>
            {padTop > 0 && <tr aria-hidden="true" style={{ height: padTop }} />}
            {shown.map(({ ward, rank, overallRank, score, used }) => (
              <tr
                key={ward.index}
                data-code={ward.code}
                data-index={ward.index}
                aria-selected={ward.index === selected}
                tabIndex={ward.index === tabbable ? 0 : -1}
                onFocus={(e) => {
                  setActive(ward.index);
                  // Tabbing through the column headers scrolled the table sideways; a keyboard user
                  // arriving at the rows sees rank, code and name again. Moving between rows keeps the scroll.
                  const fromRow = e.relatedTarget instanceof HTMLTableRowElement;
                  if (!fromRow && e.currentTarget.matches(':focus-visible') && scroller.current) scroller.current.scrollLeft = 0;
                }}
                onClick={() => props.onSelect(ward.index)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    props.onSelect(ward.index);
                    return;
                  }
                  const next = rowToFocus(e.currentTarget, e.key);
                  if (next) {
                    e.preventDefault();
                    next.focus({ preventScroll: true });
                    if (scroller.current) scrollRowIntoView(next, scroller.current);
                  }
                }}
              >
                <td className="num">{rank ?? '–'}</td>
                {props.showOverallRank && <td className="num">{overallRank ?? '–'}</td>}
                <td className="code">{ward.code}</td>
                <td>
                  {props.nameOf ? props.nameOf(ward) : ward.name}
                  {props.currentAreas.has(ward.index) && (
                    <span className="badge" title={t('table.chwHere')}>
                      CHW
                    </span>
                  )}
                </td>
                <td>{districtName(ward, language) ?? '–'}</td>
                <td className="num score">{formatScore(score, locale)}</td>
                {props.extraColumns?.map((c) => (
                  <td key={c.header} className="num">
                    {c.values[ward.index] ?? '–'}
                  </td>
                ))}
                {indicators.map((d) => {
                  const value = values[d.id][ward.index];
                  const reason = props.missing[d.id]?.[ward.index];
                  return (
                    <td key={d.id} className={d.level === 'municipality' ? 'num municipal' : 'num'}>
                      {value === null && reason ? (
                        <span className="missing" title={t('table.missing', { reason })}>
                          {missingText(reason)}
                        </span>
                      ) : (
                        <>
                          {props.flags?.[d.id]?.[ward.index] === 1 && (
                            <span className="flag" role="img" title={t('ward.flagTitle')} aria-label={t('ward.flagLabel')}>
                              ⚑{' '}
                            </span>
                          )}
                          {formatValue(value, d.unit, whole[d.id], locale)}
                        </>
                      )}
                    </td>
                  );
                })}
                <td className={used < props.weighted ? 'num partial' : 'num'}>
                  {used}/{props.weighted}
                </td>
              </tr>
            ))}
            {padBottom > 0 && <tr aria-hidden="true" style={{ height: padBottom }} />}
          </tbody>
        </table>
      </div>
    </div>
  );
}

const ROW_KEYS: Record<string, (at: number, count: number) => number> = {
  ArrowDown: (at, count) => Math.min(at + 1, count - 1),
  ArrowUp: (at) => Math.max(at - 1, 0),
  Home: () => 0,
  End: (_, count) => count - 1,
};

/**
 * Scrolls the table up or down, never sideways (a row is wider than the panel, and the browser's
 * own scrolling on focus would hide the rank and name), so that the row shows below the sticky header.
 */
function scrollRowIntoView(row: HTMLTableRowElement, scroller: HTMLElement) {
  const view = scroller.getBoundingClientRect();
  const box = row.getBoundingClientRect();
  const top = view.top + (row.closest('table')?.tHead?.getBoundingClientRect().height ?? 0);
  if (box.top < top) scroller.scrollTop -= top - box.top;
  else if (box.bottom > view.bottom) scroller.scrollTop += box.bottom - view.bottom;
}

/** The row of the table body that a navigation key moves to from `row`; null for other keys. */
function rowToFocus(row: HTMLTableRowElement, key: string): HTMLTableRowElement | null {
  const move = ROW_KEYS[key];
  if (!move || !row.parentElement) return null;
  const rows = [...row.parentElement.querySelectorAll<HTMLTableRowElement>('tr[data-index]')];
  return rows[move(rows.indexOf(row), rows.length)] ?? null;
}
