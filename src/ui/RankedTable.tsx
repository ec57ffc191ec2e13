import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { IndicatorDef, Ward } from '../model/types';
import { formatScore, formatValue, isWholeColumn, missingText } from './formatValue';

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
  /** Columns shown after the score (team, expansion ring, distance …), aligned with the ward indices. */
  extraColumns?: { header: string; values: readonly (string | number | null)[] }[];
  selected: number | null;
  sort: { column: string; descending: boolean };
  districts: string[];
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
          District
          <select
            value={props.districtFilter ?? ''}
            onChange={(e) => props.onDistrictFilter(e.currentTarget.value === '' ? null : e.currentTarget.value)}
          >
            <option value="">All districts</option>
            {props.districts.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <span className="count" aria-live="polite">
          {rows.length} wards
        </span>
      </div>
      <div className="table-scroll" ref={scroller}>
        <table className="ranked">
          <caption>Ranked wards</caption>
          <thead>
            <tr>
              {header('rank', props.showOverallRank ? 'Rank (selection)' : 'Rank', true)}
              {props.showOverallRank && (
                <th scope="col" className="num">
                  Rank (all)
                </th>
              )}
              {header('code', 'Code')}
              {header('name', 'Name')}
              {header('district', 'District')}
              {header('score', 'Score', true)}
              {props.extraColumns?.map((c) => (
                <th key={c.header} scope="col" className="num">
                  {c.header}
                </th>
              ))}
              {indicators.map((d) => (
                <th key={d.id} scope="col" className="num" aria-sort={sort.column === d.id ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" className="sort" onClick={() => props.onSort(d.id)} title={`${d.label.en}${d.unit ? ` (${d.unit})` : ''}`}>
                    {(d.shortLabel ?? d.label).en}
                    {d.level === 'municipality' && <span className="level-tag"> (municipality)</span>}
                    {d.unit && d.unit !== 'persons' && d.unit !== 'contacts' ? ` (${d.unit})` : ''}
                    <span aria-hidden="true">{sort.column === d.id ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              ))}
              <th scope="col" className="num" title="Indicators with a value out of the weighted indicators">
                Data
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
                tabIndex={0}
                onClick={() => props.onSelect(ward.index)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    props.onSelect(ward.index);
                  }
                }}
              >
                <td className="num">{rank ?? '–'}</td>
                {props.showOverallRank && <td className="num">{overallRank ?? '–'}</td>}
                <td className="code">{ward.code}</td>
                <td>
                  {ward.name}
                  {props.currentAreas.has(ward.index) && (
                    <span className="badge" title="A CHW team works here today">
                      CHW
                    </span>
                  )}
                </td>
                <td>{ward.district ?? '–'}</td>
                <td className="num score">{formatScore(score)}</td>
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
                        <span className="missing" title={`Missing: the file says "${reason}"`}>
                          {missingText(reason)}
                        </span>
                      ) : (
                        <>
                          {props.flags?.[d.id]?.[ward.index] === 1 && (
                            <span className="flag" title="Among the 10 % of wards with most need on this criterion">
                              ⚑{' '}
                            </span>
                          )}
                          {formatValue(value, d.unit, whole[d.id])}
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
