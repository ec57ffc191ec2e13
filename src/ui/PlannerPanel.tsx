import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import type { CapacityParams } from '../model/plan';
import { useLanguage } from '../i18n/useLanguage';
import { numberFormat } from './formatValue';

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
  /** The unit in an error message ("at most 20 FTE"); empty when the number speaks for itself. */
  shortUnit: '' | '%' | 'fte' | 'km';
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
    shortUnit: '',
    min: 50,
    max: 2000,
    minAllowed: true,
    step: 10,
    scale: 1,
  },
  {
    field: 'interventionShare',
    shortUnit: '%',
    min: 0,
    max: 100,
    minAllowed: false,
    step: 1,
    scale: 100,
  },
  { field: 'teamSize', shortUnit: 'fte', min: 0, max: 20, minAllowed: false, step: 0.5, scale: 1 },
  { field: 'availableFte', shortUnit: 'fte', min: 0, max: 1000, minAllowed: true, step: 0.5, scale: 1 },
  {
    field: 'maxDistanceKm',
    shortUnit: 'km',
    min: 0,
    max: 50,
    minAllowed: false,
    step: 0.5,
    scale: 1,
  },
];

const EXPANSIONS: readonly (0 | 1 | 2)[] = [0, 1, 2];

/** The stored value as the input shows it, without float noise (0.1 x 100 -> "10", not "10.000000000000002"). */
function shown(spec: FieldSpec, value: number): string {
  return String(Number((value * spec.scale).toFixed(6)));
}

/** The stored value typed into an input, or why it cannot be used, in the interface language. */
function parse(spec: FieldSpec, text: string, t: TFunction, locale: string): { value: number } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: t('planner.errors.number') };
  const number = Number(trimmed);
  if (!Number.isFinite(number)) return { error: t('planner.errors.number') };
  if (number < 0) return { error: t('planner.errors.negative') };
  if (number === 0 && !spec.minAllowed) return { error: t('planner.errors.zero') };
  const unit = spec.shortUnit === '' ? '' : ` ${t(`planner.units.${spec.shortUnit}`)}`;
  if (number < spec.min || (number === spec.min && !spec.minAllowed) || number > spec.max) {
    const format = numberFormat(locale, { maximumFractionDigits: 2, useGrouping: false });
    const bounds = { min: format.format(spec.min), max: format.format(spec.max), unit };
    return { error: spec.minAllowed ? t('planner.errors.range', bounds) : t('planner.errors.above', bounds) };
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
  const { t, locale } = useLanguage();
  // The text of inputs being edited: kept while it is invalid or half-typed, dropped on blur when valid.
  const [drafts, setDrafts] = useState<Partial<Record<Field, string>>>({});

  const edit = (spec: FieldSpec, text: string) => {
    const next = { ...drafts, [spec.field]: text };
    setDrafts(next);
    const parsed = parse(spec, text, t, locale);
    if ('value' in parsed && parsed.value !== params[spec.field]) props.onChange({ ...params, [spec.field]: parsed.value });
  };
  const settle = (spec: FieldSpec) => {
    const text = drafts[spec.field];
    if (text === undefined || !('value' in parse(spec, text, t, locale))) return;
    const rest = { ...drafts };
    delete rest[spec.field];
    setDrafts(rest);
  };

  return (
    <section className="panel planner" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('planner.title')}</h2>
      <div className="planner-fields">
        {FIELDS.map((spec) => {
          const inputId = `${id}-${spec.field}`;
          const text = drafts[spec.field] ?? shown(spec, params[spec.field]);
          const parsed = parse(spec, text, t, locale);
          const error = 'error' in parsed ? parsed.error : null;
          return (
            <div key={spec.field} className={error ? 'planner-field invalid' : 'planner-field'}>
              <label htmlFor={inputId}>{t(`planner.fields.${spec.field}.label`)}</label>
              <div className="planner-input">
                <input
                  id={inputId}
                  type="number"
                  inputMode="decimal"
                  min={spec.min}
                  max={spec.max}
                  step={spec.step}
                  value={text}
                  aria-label={`${t(`planner.fields.${spec.field}.label`)} (${t(`planner.fields.${spec.field}.unit`)})`}
                  aria-invalid={error !== null}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                  onChange={(e) => edit(spec, e.currentTarget.value)}
                  onBlur={() => settle(spec)}
                />
                <span className="unit">{t(`planner.fields.${spec.field}.unit`)}</span>
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
        <legend>{t('planner.wardsToPlan')}</legend>
        <label>
          <input type="checkbox" checked={props.excludeCurrent} onChange={(e) => props.onExcludeCurrent(e.currentTarget.checked)} />
          {t('planner.excludeCurrent')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={props.excludeUnworkable}
            onChange={(e) => props.onExcludeUnworkable(e.currentTarget.checked)}
          />
          {t('planner.excludeUnworkable')}
        </label>
        <label className="planner-expansion">
          {t('planner.expansion')}
          <select
            value={props.expansion}
            onChange={(e) => props.onExpansion(Number(e.currentTarget.value) as 0 | 1 | 2)}
          >
            {EXPANSIONS.map((x) => (
              <option key={x} value={x}>
                {t(`planner.expansions.${x}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </section>
  );
}
