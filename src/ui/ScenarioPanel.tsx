import { useState, type FormEvent } from 'react';
import type { Scenario } from '../io/scenarioJson';
import { useLanguage } from '../i18n/useLanguage';
import { formatDateTime } from './formatValue';

/** A ward in a comparison list, with its rank in the ranking it is in the top k of. */
export interface ComparedWard {
  code: string;
  name: string;
  rank: number;
}

/** Two sides of a comparison: a saved scenario's index, or null for the current settings. */
export interface ComparedSides {
  from: number | null;
  to: number | null;
}

/** One ranking against another: which wards enter and leave the top k going from `from` to `to`. */
export interface ScenarioComparison extends ComparedSides {
  fromName: string;
  toName: string;
  k: number;
  entered: ComparedWard[];
  left: ComparedWard[];
  /** A side was saved at another level and is ranked at the current one. */
  otherLevel: boolean;
}

export interface ScenarioPanelProps {
  scenarios: Scenario[];
  onSave: (name: string) => void;
  onApply: (index: number) => void;
  onDelete: (index: number) => void;
  onExport: () => void;
  onImport: (file: File) => void;
  /** What is compared; null = no comparison. */
  comparing: ComparedSides | null;
  onCompare: (sides: ComparedSides | null) => void;
  /** The size of the top that the comparison counts entries and exits of. */
  topK: number;
  onTopK: (k: number) => void;
  comparison: ScenarioComparison | null;
}

/** Saved scenarios: save the current settings under a name, apply, compare, delete, export and import them. */
export function ScenarioPanel(props: ScenarioPanelProps) {
  const [name, setName] = useState('');
  const trimmed = name.trim();
  const { t, locale } = useLanguage();
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (trimmed === '') return;
    props.onSave(trimmed);
    setName('');
  };
  return (
    <section className="panel scenarios" aria-label={t('scenarios.title')}>
      <h2>{t('scenarios.title')}</h2>
      {props.scenarios.length === 0 ? (
        <p className="hint">{t('scenarios.none')}</p>
      ) : (
        <ul className="scenario-list">
          {props.scenarios.map((s, i) => {
            const comparing = props.comparing !== null && (props.comparing.from === i || props.comparing.to === i);
            return (
              <li key={`${i}:${s.name}`} className={comparing ? 'comparing' : undefined}>
                <span className="scenario-name">{s.name}</span> <time dateTime={s.savedAt}>{formatDateTime(s.savedAt, locale)}</time>
                <button type="button" aria-label={t('scenarios.applyName', { name: s.name })} onClick={() => props.onApply(i)}>
                  {t('common.apply')}
                </button>
                <button
                  type="button"
                  aria-label={t('scenarios.compareName', { name: s.name })}
                  aria-pressed={comparing}
                  onClick={() => props.onCompare(comparing ? null : { from: i, to: null })}
                >
                  {t('scenarios.compare')}
                </button>
                <button type="button" aria-label={t('scenarios.deleteName', { name: s.name })} onClick={() => props.onDelete(i)}>
                  {t('scenarios.delete')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form className="scenario-save" onSubmit={save}>
        <label>
          {t('scenarios.saveAs')}
          <input type="text" value={name} onChange={(e) => setName(e.currentTarget.value)} placeholder={t('scenarios.name')} />
        </label>
        <button type="submit" disabled={trimmed === ''}>
          {t('common.save')}
        </button>
      </form>
      <div className="scenario-files">
        <button type="button" onClick={props.onExport} disabled={props.scenarios.length === 0}>
          {t('scenarios.export')}
        </button>
        <label className="file-button">
          {t('scenarios.import')}
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              // Cleared so that choosing the same file again imports it again.
              e.currentTarget.value = '';
              if (file) props.onImport(file);
            }}
          />
        </label>
      </div>
      {props.comparing && (
        <div className="scenario-compare-sides">
          <SideChoice
            label={t('scenarios.from')}
            ariaLabel={t('scenarios.compareFrom')}
            value={props.comparing.from}
            scenarios={props.scenarios}
            onChange={(from) => props.onCompare({ ...props.comparing!, from })}
          />
          <SideChoice
            label={t('scenarios.to')}
            ariaLabel={t('scenarios.compareTo')}
            value={props.comparing.to}
            scenarios={props.scenarios}
            onChange={(to) => props.onCompare({ ...props.comparing!, to })}
          />
          <label>
            {t('scenarios.top')}
            <input
              type="number"
              min={1}
              step={1}
              value={props.topK}
              onChange={(e) => {
                const k = Math.round(e.currentTarget.valueAsNumber);
                if (Number.isFinite(k) && k >= 1) props.onTopK(k);
              }}
            />
          </label>
        </div>
      )}
      {props.comparing && props.comparing.from === props.comparing.to && <p className="hint">{t('scenarios.twoDifferent')}</p>}
      {props.comparison && <Comparison {...props.comparison} />}
    </section>
  );
}

function SideChoice(props: { label: string; ariaLabel: string; value: number | null; scenarios: Scenario[]; onChange: (index: number | null) => void }) {
  const { t } = useLanguage();
  return (
    <label>
      {props.label}
      <select aria-label={props.ariaLabel} value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}>
        <option value="">{t('scenarios.current')}</option>
        {props.scenarios.map((s, i) => (
          <option key={`${i}:${s.name}`} value={i}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function Comparison({ fromName, toName, k, entered, left, otherLevel }: ScenarioComparison) {
  const { t } = useLanguage();
  return (
    <div className="scenario-comparison" role="status">
      <p>
        {t('scenarios.summary', {
          from: fromName,
          to: toName,
          k,
          entered: t('scenarios.enter', { count: entered.length }),
          left: t('scenarios.leave', { count: left.length }),
        })}
      </p>
      {otherLevel && <p className="hint">{t('scenarios.otherLevel')}</p>}
      <WardList title={t('scenarios.enterTop', { k })} wards={entered} />
      <WardList title={t('scenarios.leaveTop', { k })} wards={left} />
    </div>
  );
}

function WardList({ title, wards }: { title: string; wards: ComparedWard[] }) {
  if (wards.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ol className="compared-wards">
        {wards.map((w) => (
          <li key={w.code}>
            <span className="rank">{w.rank}</span> {w.name}
            {w.name !== w.code && <span className="code"> {w.code}</span>}
          </li>
        ))}
      </ol>
    </>
  );
}
