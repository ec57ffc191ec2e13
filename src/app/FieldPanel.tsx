import { median } from 'd3';
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
import { downloadText } from './download';
import type { Action, AppState } from './state';
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

const HALF_LIVES: { months: number | null; label: string }[] = [
  { months: null, label: 'all count fully' },
  { months: 6, label: 'half weight after 6 months' },
  { months: 12, label: 'half weight after 12 months' },
  { months: 24, label: 'half weight after 24 months' },
];

/**
 * Field knowledge next to the numbers: the need-vs-requests scatter, help requests in and out, and
 * the workability of the selected ward, all kept in this browser (IndexedDB).
 */
export function FieldPanel({ state, view, scores, selected, datasetId, onSelect, dispatch, onProblems }: FieldPanelProps) {
  const [notice, setNotice] = useState<string | null>(null);
  const requests = view.values.help_requests ?? view.wards.map(() => null);
  const needCut = median(scores.filter((s): s is number => s !== null)) ?? 50;
  // Most wards have no request at all; the cut is the median among wards that have some, so that
  // "many requests" means many, not merely one.
  const requestCut = median(requests.filter((r): r is number => r !== null && r > 0)) ?? 1;
  const wardLevel = state.level === 'ward';
  const ward = selected !== null ? view.wards[selected] : null;
  const entry = ward ? state.workability.find((e) => normaliseCode(e.code) === normaliseCode(ward.code)) ?? null : null;

  const [count, setCount] = useState('1');
  const [date, setDate] = useState('');
  const addRequests = () => {
    if (!ward) return;
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1) {
      setNotice('Enter a whole number of requests, 1 or more.');
      return;
    }
    const next = [...state.requests, { code: ward.code, count: n, date: date === '' ? null : date }];
    dispatch({ type: 'requestsSet', requests: next });
    void saveRequests(datasetId, next).then((failed) => setNotice(failed ?? `${n} request${n > 1 ? 's' : ''} added for ${ward.name}.`));
  };

  const setWorkability = (entries: WorkabilityEntry[]) => {
    dispatch({ type: 'workabilitySet', entries });
    void saveWorkability(datasetId, entries).then(setNotice);
  };
  const readFile = (file: File, then: (text: string) => void) =>
    void file.arrayBuffer().then((buffer) => then(decodeText(new Uint8Array(buffer)).text));

  return (
    <section className="panel field" aria-label="Field knowledge">
      <h2>Field knowledge</h2>
      {notice && (
        <p className="call" role="status">
          {notice}
        </p>
      )}
      <NeedVsFieldScatter
        need={[...scores]}
        requests={requests}
        names={view.wards.map((w) => w.name)}
        needCut={needCut}
        requestCut={requestCut}
        selected={selected}
        onSelect={onSelect}
        width={300}
      />
      <div className="requests">
        <h3>Help requests</h3>
        <p className="hint">
          {state.requests.length === 0
            ? 'None yet: import a CSV with a ward code and a count (and optionally a date) per row.'
            : `${state.requests.length} rows of requests loaded.`}
        </p>
        <label>
          Older requests
          <select
            value={state.halfLifeMonths ?? ''}
            onChange={(e) => dispatch({ type: 'halfLifeSet', months: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })}
          >
            {HALF_LIVES.map((h) => (
              <option key={h.label} value={h.months ?? ''}>
                {h.label}
              </option>
            ))}
          </select>
        </label>
        {wardLevel && ward && (
          <form
            className="add-requests"
            aria-label={`Add help requests for ${ward.name}`}
            onSubmit={(e) => {
              e.preventDefault();
              addRequests();
            }}
          >
            <span>
              {ward.name}: {formatRequestCount(requests[ward.index])} so far
            </span>
            <label>
              Requests
              <input type="number" min={1} step={1} value={count} onChange={(e) => setCount(e.currentTarget.value)} />
            </label>
            <label>
              Date (optional)
              <input type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
            </label>
            <button type="submit">Add</button>
          </form>
        )}
        <div className="row-buttons">
          <label className="file-button">
            Import requests…
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
                  void saveRequests(datasetId, parsed.data).then(setNotice);
                });
              }}
            />
          </label>
          <button
            type="button"
            disabled={state.requests.length === 0}
            onClick={() => downloadText(formatRequests(state.requests, state.csvFormat), csvFileName('chw-help-requests', new Date()))}
          >
            Export requests
          </button>
        </div>
      </div>
      {wardLevel && ward ? (
        <WorkabilityEditor
          key={ward.index}
          wardName={ward.name}
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
          {wardLevel ? 'Select a ward (map or table) to enter its workability.' : 'Workability is entered per ward: switch back to wards.'}
        </p>
      )}
    </section>
  );
}

function formatRequestCount(value: number | null | undefined): string {
  if (value === null || value === undefined) return 'no requests';
  const rounded = Math.round(value * 10) / 10;
  return `${rounded} request${rounded === 1 ? '' : 's'}`;
}
