import { useMemo, useState } from 'react';
import type { Scope } from '../model/scoreInScope';
import type { IndicatorDef, Level } from '../model/types';

export interface AreaOption {
  code: string;
  name: string;
  /** Offered first: where CHW teams work today. */
  priority: boolean;
}

export interface ScopePanelProps {
  /** "municipalities" for Statbel data, "districts" for data without municipality codes. */
  groupNoun: 'municipalities' | 'districts';
  level: Level;
  populationId: string | null;
  indicators: IndicatorDef[];
  areas: AreaOption[];
  areaFilter: string[];
  scope: Scope;
  onLevel: (level: Level) => void;
  onPopulation: (id: string | null) => void;
  onAreaFilter: (codes: string[]) => void;
  onScope: (scope: Scope) => void;
}

/** Which wards are scored and at what level: wards or merged municipalities, all or a selection. */
export function ScopePanel(props: ScopePanelProps) {
  const [query, setQuery] = useState('');
  const selected = useMemo(() => new Set(props.areaFilter), [props.areaFilter]);
  const needle = query.trim().toLowerCase();
  const listed = props.areas.filter((a) => needle === '' || a.name.toLowerCase().includes(needle) || a.code.toLowerCase().includes(needle));
  const priority = listed.filter((a) => a.priority);
  const others = listed.filter((a) => !a.priority);
  const toggle = (code: string) =>
    props.onAreaFilter(selected.has(code) ? props.areaFilter.filter((c) => c !== code) : [...props.areaFilter, code]);
  const item = (a: AreaOption) => (
    <li key={a.code}>
      <label>
        <input type="checkbox" checked={selected.has(a.code)} onChange={() => toggle(a.code)} />
        {a.name}
        {a.name !== a.code && <span className="code"> {a.code}</span>}
      </label>
    </li>
  );
  const noun = props.groupNoun;
  if (props.areas.length === 0) {
    return (
      <section className="panel scope" aria-label="Area and level">
        <h2>Area and level</h2>
        <p className="hint">These wards have no district or municipality: every ward is ranked against all others.</p>
      </section>
    );
  }
  return (
    <section className="panel scope" aria-label="Area and level">
      <h2>Area and level</h2>
      <fieldset className="level">
        <legend>Rank</legend>
        <label>
          <input type="radio" name="level" checked={props.level === 'ward'} onChange={() => props.onLevel('ward')} />
          Wards
        </label>
        <label>
          <input type="radio" name="level" checked={props.level === 'municipality'} onChange={() => props.onLevel('municipality')} />
          {noun === 'municipalities' ? 'Municipalities' : 'Districts'} (wards merged)
        </label>
      </fieldset>
      {props.level === 'municipality' && (
        <label className="population">
          Weight shares and means by
          <select value={props.populationId ?? ''} onChange={(e) => props.onPopulation(e.currentTarget.value || null)}>
            <option value="">(no weighting)</option>
            {props.indicators.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label.en}
              </option>
            ))}
          </select>
        </label>
      )}
      <details className="area-filter" open={props.areaFilter.length > 0}>
        <summary>
          {props.areaFilter.length === 0 ? `All ${noun}` : `${props.areaFilter.length} of ${props.areas.length} ${noun} selected`}
        </summary>
        <input
          type="search"
          placeholder={`Find ${noun}…`}
          aria-label={`Find ${noun}`}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        {priority.length > 0 && (
          <>
            <h3>Where CHW teams work</h3>
            <ul>{priority.map(item)}</ul>
          </>
        )}
        {others.length > 0 && (
          <>
            {priority.length > 0 && <h3>Other {noun}</h3>}
            <ul>{others.slice(0, 300).map(item)}</ul>
            {others.length > 300 && <p className="hint">{others.length - 300} more: type to find them.</p>}
          </>
        )}
        {props.areaFilter.length > 0 && (
          <button type="button" onClick={() => props.onAreaFilter([])}>
            Clear selection
          </button>
        )}
      </details>
      <fieldset className="scope-choice" disabled={props.areaFilter.length === 0}>
        <legend>Compare with</legend>
        <label>
          <input type="radio" name="scope" checked={props.scope === 'selection'} onChange={() => props.onScope('selection')} />
          the selected {noun} only
        </label>
        <label>
          <input type="radio" name="scope" checked={props.scope === 'all'} onChange={() => props.onScope('all')} />
          all wards (national scores)
        </label>
      </fieldset>
    </section>
  );
}
