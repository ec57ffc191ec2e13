import { useMemo, useState } from 'react';
import type { Scope } from '../model/scoreInScope';
import type { IndicatorDef, Level } from '../model/types';
import { labelIn } from '../i18n/language';
import { useLanguage } from '../i18n/useLanguage';

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
  const { t, language } = useLanguage();
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
  // The texts that name the groups come in two sets: municipalities (Statbel data) or districts.
  const g = props.groupNoun === 'municipalities' ? 'municipalities' : 'districts';
  if (props.areas.length === 0) {
    return (
      <section className="panel scope" aria-label={t('scope.title')}>
        <h2>{t('scope.title')}</h2>
        <p className="hint">{t('scope.noAreas')}</p>
      </section>
    );
  }
  return (
    <section className="panel scope" aria-label={t('scope.title')}>
      <h2>{t('scope.title')}</h2>
      <fieldset className="level">
        <legend>{t('scope.rank')}</legend>
        <label>
          <input type="radio" name="level" checked={props.level === 'ward'} onChange={() => props.onLevel('ward')} />
          {t('scope.wards')}
        </label>
        <label>
          <input type="radio" name="level" checked={props.level === 'municipality'} onChange={() => props.onLevel('municipality')} />
          {t(`scope.${g}.merged`)}
        </label>
      </fieldset>
      {props.level === 'municipality' && (
        <label className="population">
          {t('scope.weightBy')}
          <select value={props.populationId ?? ''} onChange={(e) => props.onPopulation(e.currentTarget.value || null)}>
            <option value="">{t('scope.noWeighting')}</option>
            {props.indicators.map((d) => (
              <option key={d.id} value={d.id}>
                {labelIn(d.label, language)}
              </option>
            ))}
          </select>
        </label>
      )}
      <details className="area-filter" open={props.areaFilter.length > 0}>
        <summary>
          {props.areaFilter.length === 0 ? t(`scope.${g}.all`) : t(`scope.${g}.selected`, { n: props.areaFilter.length, total: props.areas.length })}
        </summary>
        <input
          type="search"
          placeholder={`${t(`scope.${g}.find`)}…`}
          aria-label={t(`scope.${g}.find`)}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        {priority.length > 0 && (
          <>
            <h3>{t('scope.chwWork')}</h3>
            <ul>{priority.map(item)}</ul>
          </>
        )}
        {others.length > 0 && (
          <>
            {priority.length > 0 && <h3>{t(`scope.${g}.other`)}</h3>}
            <ul>{others.slice(0, 300).map(item)}</ul>
            {others.length > 300 && <p className="hint">{t('scope.more', { n: others.length - 300 })}</p>}
          </>
        )}
        {props.areaFilter.length > 0 && (
          <button type="button" onClick={() => props.onAreaFilter([])}>
            {t('scope.clear')}
          </button>
        )}
      </details>
      <fieldset className="scope-choice" disabled={props.areaFilter.length === 0}>
        <legend>{t('scope.compareWith')}</legend>
        <label>
          <input type="radio" name="scope" checked={props.scope === 'selection'} onChange={() => props.onScope('selection')} />
          {t(`scope.${g}.selectedOnly`)}
        </label>
        <label>
          <input type="radio" name="scope" checked={props.scope === 'all'} onChange={() => props.onScope('all')} />
          {t('scope.allWards')}
        </label>
      </fieldset>
    </section>
  );
}
