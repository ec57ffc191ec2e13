import { useState, type FormEvent } from 'react';
import type { Scenario } from '../io/scenarioJson';

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
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (trimmed === '') return;
    props.onSave(trimmed);
    setName('');
  };
  return (
    <section className="panel scenarios" aria-label="Scenarios">
      <h2>Scenarios</h2>
      {props.scenarios.length === 0 ? (
        <p className="hint">No saved scenarios yet.</p>
      ) : (
        <ul className="scenario-list">
          {props.scenarios.map((s, i) => {
            const comparing = props.comparing !== null && (props.comparing.from === i || props.comparing.to === i);
            return (
              <li key={`${i}:${s.name}`} className={comparing ? 'comparing' : undefined}>
                <span className="scenario-name">{s.name}</span> <time dateTime={s.savedAt}>{formatDate(s.savedAt)}</time>
                <button type="button" aria-label={`Apply ${s.name}`} onClick={() => props.onApply(i)}>
                  Apply
                </button>
                <button
                  type="button"
                  aria-label={`Compare with ${s.name}`}
                  aria-pressed={comparing}
                  onClick={() => props.onCompare(comparing ? null : { from: i, to: null })}
                >
                  Compare
                </button>
                <button type="button" aria-label={`Delete ${s.name}`} onClick={() => props.onDelete(i)}>
                  Delete
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form className="scenario-save" onSubmit={save}>
        <label>
          Save current as…
          <input type="text" value={name} onChange={(e) => setName(e.currentTarget.value)} placeholder="Scenario name" />
        </label>
        <button type="submit" disabled={trimmed === ''}>
          Save
        </button>
      </form>
      <div className="scenario-files">
        <button type="button" onClick={props.onExport} disabled={props.scenarios.length === 0}>
          Export scenarios
        </button>
        <label className="file-button">
          Import scenarios
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
          <SideChoice label="From" value={props.comparing.from} scenarios={props.scenarios} onChange={(from) => props.onCompare({ ...props.comparing!, from })} />
          <SideChoice label="to" value={props.comparing.to} scenarios={props.scenarios} onChange={(to) => props.onCompare({ ...props.comparing!, to })} />
          <label>
            top
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
      {props.comparing && props.comparing.from === props.comparing.to && <p className="hint">Choose two different rankings to compare.</p>}
      {props.comparison && <Comparison {...props.comparison} />}
    </section>
  );
}

function SideChoice(props: { label: string; value: number | null; scenarios: Scenario[]; onChange: (index: number | null) => void }) {
  return (
    <label>
      {props.label}
      <select aria-label={`Compare ${props.label.toLowerCase()}`} value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}>
        <option value="">Current settings</option>
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
  return (
    <div className="scenario-comparison" role="status">
      <p>
        From {fromName} to {toName}: {count(entered.length)} {entered.length === 1 ? 'enters' : 'enter'} the top {k}, {left.length}{' '}
        {left.length === 1 ? 'leaves' : 'leave'}. Colour the map by “Rank shift” to see every move.
      </p>
      {otherLevel && <p className="hint">A scenario saved at another level is ranked at the current level here.</p>}
      <WardList title={`Enter the top ${k}`} wards={entered} />
      <WardList title={`Leave the top ${k}`} wards={left} />
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

function count(n: number): string {
  return n === 1 ? '1 ward' : `${n} wards`;
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
