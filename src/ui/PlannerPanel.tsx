import { useId, useState } from 'react';
import type { CapacityParams } from '../model/plan';

export interface PlannerPanelProps {
  /** The capacity parameters in use; the inputs show these unless the user is mid-edit. */
  params: CapacityParams;
  /** Called with the whole parameter set after each edit that leaves every shown value valid. */
  onChange: (params: CapacityParams) => void;
  /** Leave wards inside current CHW areas out of the proposed teams. */
  excludeCurrent: boolean;
  onExcludeCurrent: (exclude: boolean) => void;
  /** Leave wards scored workability 1 ("not workable") out of the proposed teams. */
  excludeUnworkable: boolean;
  onExcludeUnworkable: (exclude: boolean) => void;
  /** 0: plan anywhere; 1: only wards bordering current areas; 2: those and the next ring. */
  expansion: 0 | 1 | 2;
  onExpansion: (expansion: 0 | 1 | 2) => void;
}

type Field = keyof CapacityParams;

interface FieldSpec {
  field: Field;
  label: string;
  /** Shown after the input and read with its label. */
  unit: string;
  /** The unit in an error message ("at most 20 FTE"); empty when the number speaks for itself. */
  shortUnit: string;
  min: number;
  max: number;
  /** Whether `min` itself is allowed (0 FTE available is; a team of 0 FTE is not). */
  minAllowed: boolean;
  step: number;
  /** The number the input shows per unit stored: 100 for a 0–1 share shown as a percentage. */
  scale: number;
}

const FIELDS: FieldSpec[] = [
  {
    field: 'interventionsPerFte',
    label: 'Interventions one full-time CHW performs',
    unit: 'interventions per FTE per year',
    shortUnit: '',
    min: 50,
    max: 2000,
    minAllowed: true,
    step: 10,
    scale: 1,
  },
  {
    field: 'interventionShare',
    label: 'Vulnerable persons needing an intervention',
    unit: '% per year',
    shortUnit: '%',
    min: 0,
    max: 100,
    minAllowed: false,
    step: 1,
    scale: 100,
  },
  { field: 'teamSize', label: 'Team size', unit: 'FTE', shortUnit: 'FTE', min: 0, max: 20, minAllowed: false, step: 0.5, scale: 1 },
  { field: 'availableFte', label: 'CHWs available to deploy', unit: 'FTE', shortUnit: 'FTE', min: 0, max: 1000, minAllowed: true, step: 0.5, scale: 1 },
  {
    field: 'maxDistanceKm',
    label: 'Largest distance from a team’s base ward',
    unit: 'km',
    shortUnit: 'km',
    min: 0,
    max: 50,
    minAllowed: false,
    step: 0.5,
    scale: 1,
  },
];

const EXPANSIONS: { value: 0 | 1 | 2; label: string }[] = [
  { value: 0, label: 'Off' },
  { value: 1, label: 'Ring 1 (bordering current areas)' },
  { value: 2, label: 'Rings 1 and 2' },
];

/** The stored value as the input shows it, without float noise (0.1 x 100 -> "10", not "10.000000000000002"). */
function shown(spec: FieldSpec, value: number): string {
  return String(Number((value * spec.scale).toFixed(6)));
}

/** The stored value typed into an input, or why it cannot be used. */
function parse(spec: FieldSpec, text: string): { value: number } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'Enter a number.' };
  const number = Number(trimmed);
  if (!Number.isFinite(number)) return { error: 'Enter a number.' };
  if (number < 0) return { error: 'Must not be negative.' };
  if (number === 0 && !spec.minAllowed) return { error: 'Must be more than 0.' };
  const unit = spec.shortUnit === '' ? '' : spec.shortUnit === '%' ? ' %' : ` ${spec.shortUnit}`;
  if (number < spec.min || (number === spec.min && !spec.minAllowed) || number > spec.max) {
    const range = spec.minAllowed ? `from ${spec.min} to ${spec.max}` : `above ${spec.min} and at most ${spec.max}`;
    return { error: `Enter a number ${range}${unit}.` };
  }
  return { value: number / spec.scale };
}

/**
 * The deployment planner's inputs: what a CHW can do, how many there are, how far a team reaches,
 * and which wards may be proposed. Invalid numbers are explained inline and never passed up.
 */
export function PlannerPanel(props: PlannerPanelProps) {
  const { params } = props;
  const id = useId();
  // The text of inputs being edited: kept while it is invalid or half-typed, dropped on blur when valid.
  const [drafts, setDrafts] = useState<Partial<Record<Field, string>>>({});

  const edit = (spec: FieldSpec, text: string) => {
    const next = { ...drafts, [spec.field]: text };
    setDrafts(next);
    const parsed = parse(spec, text);
    if ('value' in parsed && parsed.value !== params[spec.field]) props.onChange({ ...params, [spec.field]: parsed.value });
  };
  const settle = (spec: FieldSpec) => {
    const text = drafts[spec.field];
    if (text === undefined || !('value' in parse(spec, text))) return;
    const rest = { ...drafts };
    delete rest[spec.field];
    setDrafts(rest);
  };

  return (
    <section className="panel planner" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Deployment planner</h2>
      <div className="planner-fields">
        {FIELDS.map((spec) => {
          const inputId = `${id}-${spec.field}`;
          const text = drafts[spec.field] ?? shown(spec, params[spec.field]);
          const parsed = parse(spec, text);
          const error = 'error' in parsed ? parsed.error : null;
          return (
            <div key={spec.field} className={error ? 'planner-field invalid' : 'planner-field'}>
              <label htmlFor={inputId}>{spec.label}</label>
              <div className="planner-input">
                <input
                  id={inputId}
                  type="number"
                  inputMode="decimal"
                  min={spec.min}
                  max={spec.max}
                  step={spec.step}
                  value={text}
                  aria-label={`${spec.label} (${spec.unit})`}
                  aria-invalid={error !== null}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                  onChange={(e) => edit(spec, e.currentTarget.value)}
                  onBlur={() => settle(spec)}
                />
                <span className="unit">{spec.unit}</span>
              </div>
              {error && (
                <p id={`${inputId}-error`} className="field-error">
                  {error}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <fieldset className="planner-options">
        <legend>Wards to plan for</legend>
        <label>
          <input type="checkbox" checked={props.excludeCurrent} onChange={(e) => props.onExcludeCurrent(e.currentTarget.checked)} />
          Leave out current CHW areas
        </label>
        <label>
          <input
            type="checkbox"
            checked={props.excludeUnworkable}
            onChange={(e) => props.onExcludeUnworkable(e.currentTarget.checked)}
          />
          Leave out wards with workability 1
        </label>
        <label className="planner-expansion">
          Expansion
          <select
            value={props.expansion}
            onChange={(e) => props.onExpansion(Number(e.currentTarget.value) as 0 | 1 | 2)}
          >
            {EXPANSIONS.map((x) => (
              <option key={x.value} value={x.value}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </section>
  );
}
