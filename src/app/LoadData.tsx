import { useMemo, useState, type DragEvent } from 'react';
import type { Problem } from '../io/problem';
import type { Dataset } from '../model/createDataset';
import { ProblemList } from '../ui/ProblemList';
import type { SourceFile } from './assembleDataset';
import { CATALOGUE } from './catalogue';
import { applyStaging, describeJoin, EMPTY_STAGING, previewMatches, stagedWardCodes, stageFiles, type Staging } from './staging';

export interface LoadDataProps {
  dataset: Dataset | null;
  onDataset: (dataset: Dataset, mode: 'replace' | 'add', notes: Problem[]) => void;
  onClose: () => void;
}

/**
 * Opening files: boundaries (GeoJSON/TopoJSON) and indicator CSVs are read and checked here, the user
 * confirms the key columns, and only "Apply" changes what the app shows.
 */
export function LoadData({ dataset, onDataset, onClose }: LoadDataProps) {
  const [staging, setStaging] = useState<Staging>(EMPTY_STAGING);
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const codes = useMemo(() => stagedWardCodes(staging, dataset), [staging, dataset]);

  const addFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setReading(true);
    const files: SourceFile[] = await Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() })));
    setStaging((s) => stageFiles(s, files, dataset));
    setReading(false);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void addFiles(e.dataTransfer.files);
  };

  const apply = () => {
    const result = applyStaging(staging, dataset, CATALOGUE);
    if (!result.dataset) {
      setStaging({ ...staging, problems: [...staging.problems.filter((p) => p.severity !== 'error'), ...result.problems] });
      return;
    }
    const reports = result.dataset.joinReports.slice(result.mode === 'add' && dataset ? dataset.joinReports.length : 0);
    setStaging(EMPTY_STAGING);
    onDataset(result.dataset, result.mode, [...result.problems, ...reports.map(describeJoin)]);
  };

  const setField = (field: 'key' | 'name' | 'district', value: string) =>
    setStaging((s) => (s.boundaries ? { ...s, boundaries: { ...s.boundaries, fields: { ...s.boundaries.fields, [field]: value || null } } } : s));
  const setTableKey = (file: string, key: string) =>
    setStaging((s) => ({ ...s, tables: s.tables.map((t) => (t.file === file ? { ...t, key: key || null } : t)) }));

  const nothingStaged = !staging.boundaries && staging.tables.length === 0;
  return (
    <section className="load-panel" aria-label="Open files">
      <header>
        <h2>Open your own files</h2>
        <button type="button" onClick={onClose} aria-label="Close">
          ×
        </button>
      </header>
      <div
        className={dragging ? 'drop dragging' : 'drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>
          Drop files here, or{' '}
          <label className="file-button">
            choose files
            <input
              type="file"
              multiple
              accept=".geojson,.json,.topojson,.csv,.txt,.tsv"
              onChange={(e) => void addFiles(e.currentTarget.files)}
            />
          </label>
          .
        </p>
        <p className="hint">
          Boundaries: GeoJSON or TopoJSON in WGS84, one polygon per ward. Indicators: CSV with one row per ward code, comma
          or semicolon separated, decimal point or comma. Files are read in this browser only.
        </p>
        {reading && <p role="status">Reading…</p>}
      </div>

      {staging.boundaries && (
        <fieldset>
          <legend>Boundaries: {staging.boundaries.file} ({staging.boundaries.boundaries.features.length} features)</legend>
          {(['key', 'name', 'district'] as const).map((field) => (
            <label key={field}>
              {field === 'key' ? 'Ward code' : field === 'name' ? 'Ward name' : 'District'}
              <select
                aria-label={`${field === 'key' ? 'Ward code' : field === 'name' ? 'Ward name' : 'District'} property`}
                value={staging.boundaries?.fields[field] ?? ''}
                onChange={(e) => setField(field, e.currentTarget.value)}
              >
                <option value="">{field === 'key' ? 'Choose…' : '(none)'}</option>
                {staging.boundaries?.boundaries.propertyNames.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}

      {staging.tables.map((t) => {
        const preview = t.key ? previewMatches(t.csv, t.key, codes) : null;
        return (
          <fieldset key={t.file}>
            <legend>
              Indicators: {t.file} ({t.csv.rows.length} rows, {t.csv.dialect.delimiter === ';' ? 'semicolon' : t.csv.dialect.delimiter === ',' ? 'comma' : 'tab'}{' '}
              separated, decimal {t.csv.dialect.decimal === ',' ? 'comma' : 'point'})
            </legend>
            <label>
              Ward code column
              <select aria-label={`Ward code column of ${t.file}`} value={t.key ?? ''} onChange={(e) => setTableKey(t.file, e.currentTarget.value)}>
                <option value="">Choose…</option>
                {t.csv.columns.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
            {preview && (
              <p className={preview.matched === 0 ? 'join bad' : 'join'}>
                {preview.matched} of {codes.length} wards match a row in this file.
              </p>
            )}
          </fieldset>
        );
      })}

      {staging.problems.length > 0 && <ProblemList problems={staging.problems} />}

      <div className="load-actions">
        <button type="button" className="primary" onClick={apply} disabled={nothingStaged}>
          Apply
        </button>
        <button type="button" onClick={() => setStaging(EMPTY_STAGING)} disabled={nothingStaged && staging.problems.length === 0}>
          Clear
        </button>
      </div>
    </section>
  );
}
