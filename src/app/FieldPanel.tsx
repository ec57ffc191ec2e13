import { median } from 'd3';
import type { TFunction } from 'i18next';
import { useState, type Dispatch } from 'react';
import { csvFileName } from '../io/csvFileName';
import { decodeText } from '../io/decodeText';
import type { Problem } from '../io/problem';
import { formatRequests, parseRequests } from '../io/requestsCsv';
import { formatWorkability, parseWorkability, type WorkabilityEntry } from '../io/workabilityCsv';
import type { Dataset } from '../model/createDataset';
import { normaliseCode } from '../model/normaliseCode';
import { NeedVsFieldScatter } from '../ui/NeedVsFieldScatter';
import { WorkabilityEditor } from '../ui/WorkabilityEditor';
import { useLanguage } from '../i18n/useLanguage';
import { wardName } from '../i18n/wardName';
import { writeNotice } from '../i18n/writeNotice';
import { numberFormat } from '../ui/formatValue';
import { downloadText } from './download';
import type { Action, AppState } from './state';
import type { Notice } from './notice';
import { saveRequests, saveWorkability } from './workabilityStore';

export interface FieldPanelProps {
  state: AppState;
  view: Dataset;
  scores: readonly (number | null)[];
  selected: number | null;
  datasetId: string;
  onSelect: (index: number) => void;
  dispatch: Dispatch<Action>;
  onProblems: (problems: Problem[]) => void;
}

const HALF_LIVES: readonly (number | null)[] = [null, 6, 12, 24];

/**
 * Field knowledge next to the numbers: the need-vs-requests scatter, help requests in and out, and
 * the workability of the selected ward, all kept in this browser (IndexedDB).
 */
export function FieldPanel({ state, view, scores, selected, datasetId, onSelect, dispatch, onProblems }: FieldPanelProps) {
  const [notice, setNotice] = useState<string | null>(null);
  const { t, language, locale } = useLanguage();
  // What a save says: nothing when saved, else why not, in the interface language.
  const saved = (failed: Notice | null) => setNotice(failed && writeNotice(t, failed));
  const requests = view.values.help_requests ?? view.wards.map(() => null);
  const needCut = median(scores.filter((s): s is number => s !== null)) ?? 50;
  // Most wards have no request at all; the cut is the median among wards that have some, so that
  // "many requests" means many, not merely one.
  const requestCut = median(requests.filter((r): r is number => r !== null && r > 0)) ?? 1;
  const wardLevel = state.level === 'ward';
  const ward = selected !== null ? view.wards[selected] : null;
  const name = ward ? wardName(ward, language) : '';
  const entry = ward ? state.workability.find((e) => normaliseCode(e.code) === normaliseCode(ward.code)) ?? null : null;

  const [count, setCount] = useState('1');
  const [date, setDate] = useState('');
  const addRequests = () => {
    if (!ward) return;
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1) {
      setNotice(t('field.wholeNumber'));
      return;
    }
    const next = [...state.requests, { code: ward.code, count: n, date: date === '' ? null : date }];
    dispatch({ type: 'requestsSet', requests: next });
    void saveRequests(datasetId, next).then((failed) => setNotice(failed ? writeNotice(t, failed) : t('field.added', { count: n, ward: name })));
  };

  const setWorkability = (entries: WorkabilityEntry[]) => {
    dispatch({ type: 'workabilitySet', entries });
    void saveWorkability(datasetId, entries).then(saved);
  };
  const readFile = (file: File, then: (text: string) => void) =>
    void file.arrayBuffer().then((buffer) => then(decodeText(new Uint8Array(buffer)).text));

  return (
    <section className="panel field" aria-label={t('field.title')}>
      <h2>{t('field.title')}</h2>
      {notice && (
        <p className="call" role="status">
          {notice}
        </p>
      )}
      <NeedVsFieldScatter
        need={[...scores]}
        requests={requests}
        names={view.wards.map((w) => wardName(w, language))}
        needCut={needCut}
        requestCut={requestCut}
        selected={selected}
        onSelect={onSelect}
        width={300}
      />
      <div className="requests">
        <h3>{t('field.requests')}</h3>
        <p className="hint">{state.requests.length === 0 ? t('field.noRequests') : t('field.rowsLoaded', { n: state.requests.length })}</p>
        <label>
          {t('field.older')}
          <select
            value={state.halfLifeMonths ?? ''}
            onChange={(e) => dispatch({ type: 'halfLifeSet', months: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })}
          >
            {HALF_LIVES.map((months) => (
              <option key={months ?? 'all'} value={months ?? ''}>
                {months === null ? t('field.allCount') : t('field.halfWeight', { months })}
              </option>
            ))}
          </select>
        </label>
        {wardLevel && ward && (
          <form
            className="add-requests"
            aria-label={t('field.addFor', { ward: name })}
            onSubmit={(e) => {
              e.preventDefault();
              addRequests();
            }}
          >
            <span>
              {t('field.soFar', { ward: name, requests: formatRequestCount(requests[ward.index], t, locale) })}
            </span>
            <label>
              {t('field.requestsInput')}
              <input type="number" min={1} step={1} value={count} onChange={(e) => setCount(e.currentTarget.value)} />
            </label>
            <label>
              {t('field.date')}
              <input type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
            </label>
            <button type="submit">{t('field.add')}</button>
          </form>
        )}
        <div className="row-buttons">
          <label className="file-button">
            {t('field.import')}
            <input
              type="file"
              accept=".csv,.txt"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (!file) return;
                readFile(file, (text) => {
                  const parsed = parseRequests(text, file.name);
                  onProblems(parsed.problems);
                  if (!parsed.data) return;
                  dispatch({ type: 'requestsSet', requests: parsed.data });
                  void saveRequests(datasetId, parsed.data).then(saved);
                });
              }}
            />
          </label>
          <button
            type="button"
            disabled={state.requests.length === 0}
            onClick={() => downloadText(formatRequests(state.requests, state.csvFormat), csvFileName('chw-help-requests', new Date()))}
          >
            {t('field.export')}
          </button>
        </div>
      </div>
      {wardLevel && ward ? (
        <WorkabilityEditor
          key={ward.index}
          wardName={name}
          score={entry?.score ?? null}
          note={entry?.note ?? ''}
          onChange={(score, note) =>
            setWorkability([...state.workability.filter((e) => normaliseCode(e.code) !== normaliseCode(ward.code)), { code: ward.code, score, note }])
          }
          onClear={() => setWorkability(state.workability.filter((e) => normaliseCode(e.code) !== normaliseCode(ward.code)))}
          onExport={() => downloadText(formatWorkability(state.workability, state.csvFormat), csvFileName('chw-workability', new Date()))}
          onImport={(file) =>
            readFile(file, (text) => {
              const parsed = parseWorkability(text, file.name);
              onProblems(parsed.problems);
              if (parsed.data) setWorkability(parsed.data);
            })
          }
        />
      ) : (
        <p className="hint">
          {wardLevel ? t('field.selectWard') : t('field.perWard')}
        </p>
      )}
    </section>
  );
}

function formatRequestCount(value: number | null | undefined, t: TFunction, locale: string): string {
  if (value === null || value === undefined) return t('field.noRequestsYet');
  const rounded = Math.round(value * 10) / 10;
  return t('field.requestCount', { count: rounded, n: numberFormat(locale, { maximumFractionDigits: 1 }).format(rounded) });
}
