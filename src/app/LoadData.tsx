import { useMemo, useState, type DragEvent } from 'react';
import type { NumberFormat } from '../io/parseNumber';
import type { Problem } from '../io/problem';
import type { Dataset } from '../model/createDataset';
import { ProblemList } from '../ui/ProblemList';
import { CATALOGUE } from './catalogue';
import {
  applyStaging,
  chooseObject,
  chooseSheet,
  describeJoin,
  EMPTY_STAGING,
  previewMatches,
  stagedTable,
  stagedWardCodes,
  stageFiles,
  updateFields,
  updateTable,
  type Staging,
  type StagedTable,
} from './staging';

export interface LoadDataProps {
  dataset: Dataset | null;
  onDataset: (dataset: Dataset, mode: 'replace' | 'add', notes: Problem[]) => void;
  onClose: () => void;
}

const FIELD_LABELS = { key: 'Ward code', name: 'Ward name', district: 'District', municipality: 'Municipality code' } as const;

/**
 * Opening files: boundaries (GeoJSON, TopoJSON, shapefile) and indicator tables (CSV/TXT, .xlsx) are
 * read and checked here, the user confirms keys, sheets, years and number formats, and only "Apply"
 * changes what the app shows.
 */
export function LoadData({ dataset, onDataset, onClose }: LoadDataProps) {
  const [staging, setStaging] = useState<Staging>(EMPTY_STAGING);
  const [reading, setReading] = useState(false);
  const [dragging, setDragging] = useState(false);
  const codes = useMemo(() => stagedWardCodes(staging, dataset), [staging, dataset]);

  const addFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setReading(true);
    try {
      const files = await Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const next = await stageFiles(staging, files, dataset);
      setStaging(next);
    } finally {
      setReading(false);
    }
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

  const nothingStaged = !staging.boundaries && staging.tables.length === 0;
  const boundaries = staging.boundaries;
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
              accept=".geojson,.json,.topojson,.zip,.shp,.dbf,.prj,.cpg,.shx,.csv,.txt,.tsv,.xlsx"
              onChange={(e) => void addFiles(e.currentTarget.files)}
            />
          </label>
          .
        </p>
        <p className="hint">
          Boundaries: GeoJSON, TopoJSON or a shapefile (.zip, or .shp + .dbf + .prj together), in WGS84 or Belgian Lambert
          72/2008. Indicators: CSV/TXT (comma, semicolon, tab or |; UTF-8 or Latin-1) or Excel .xlsx, one row per ward or
          municipality code. A dataset made by <code>npm run prepare-data</code>: select all the files of its folder.
          Files are read in this browser only.
        </p>
        {reading && <p role="status">Reading…</p>}
      </div>

      {staging.prepared && (
        <p className="prepared">
          Prepared dataset <strong>{staging.prepared.manifest.name}</strong>
          {staging.prepared.manifest.attribution ? ` (${staging.prepared.manifest.attribution})` : ''}: keys and levels come from
          its dataset.json.
        </p>
      )}

      {boundaries && (
        <fieldset>
          <legend>
            Boundaries: {boundaries.file} ({boundaries.boundaries.features.length} features)
          </legend>
          <p className="crs">
            Coordinates: {boundaries.boundaries.crs.label}
            {boundaries.boundaries.crs.crs !== 'EPSG:4326' ? ', reprojected to WGS84' : ''}
            {boundaries.boundaries.crs.how === 'prj' ? ' (from the .prj)' : boundaries.boundaries.crs.how === 'range' ? ' (from the coordinate range)' : ''}.
          </p>
          {boundaries.boundaries.objectNames.length > 1 && (
            <label>
              TopoJSON object
              <select
                aria-label="TopoJSON object"
                value={boundaries.boundaries.objectName ?? ''}
                onChange={(e) => setStaging((s) => chooseObject(s, e.currentTarget.value))}
              >
                {boundaries.boundaries.objectNames.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            </label>
          )}
          {(['key', 'name', 'district', 'municipality'] as const).map((field) => (
            <label key={field}>
              {FIELD_LABELS[field]}
              <select
                aria-label={`${FIELD_LABELS[field]} property`}
                value={boundaries.fields[field] ?? ''}
                onChange={(e) => setStaging((s) => updateFields(s, { [field]: e.currentTarget.value || null }))}
              >
                <option value="">{field === 'key' ? 'Choose…' : '(none)'}</option>
                {boundaries.boundaries.propertyNames.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}

      {staging.tables.map((t) => (
        <StagedTableView
          key={t.file}
          table={t}
          codes={codes}
          onKey={(key) => setStaging((s) => updateTable(s, t.file, { key }))}
          onYear={(year) => setStaging((s) => updateTable(s, t.file, { year }))}
          onFormat={(column, format) => setStaging((s) => updateTable(s, t.file, { formats: { ...t.formats, [column]: format } }))}
          onSheet={(sheet) => void chooseSheet(staging, t.file, sheet).then(setStaging)}
        />
      ))}

      {staging.problems.length > 0 && <ProblemList problems={staging.problems} />}

      <div className="load-actions">
        <button type="button" className="primary" onClick={apply} disabled={nothingStaged || reading}>
          Apply
        </button>
        <button type="button" onClick={() => setStaging(EMPTY_STAGING)} disabled={nothingStaged && staging.problems.length === 0}>
          Clear
        </button>
      </div>
    </section>
  );
}

interface StagedTableViewProps {
  table: StagedTable;
  codes: string[];
  onKey: (key: string | null) => void;
  onYear: (year: number) => void;
  onFormat: (column: string, format: NumberFormat) => void;
  onSheet: (sheet: string) => void;
}

const describeFormat = (f: NumberFormat) =>
  `decimal ${f.decimal === ',' ? 'comma' : 'point'}${f.thousands ? `, thousands "${f.thousands === ' ' ? 'space' : f.thousands}"` : ''}`;

/** One staged indicator table: how it was read, its key, sheet, year, ambiguous columns and first rows. */
function StagedTableView({ table: t, codes, onKey, onYear, onFormat, onSheet }: StagedTableViewProps) {
  const view = useMemo(() => stagedTable(t), [t]);
  const preview = t.key ? previewMatches(view, t.key, codes) : null;
  const dialect = view.dialect;
  return (
    <fieldset>
      <legend>
        Indicators: {t.file} ({view.rows.length} rows
        {t.sheets ? '' : `, ${dialect.delimiter === ';' ? 'semicolon' : dialect.delimiter === ',' ? 'comma' : dialect.delimiter === '\t' ? 'tab' : '"|"'} separated`},
        decimal {dialect.decimal === ',' ? 'comma' : 'point'}
        {t.encoding && t.encoding !== 'utf-8' ? `, ${t.encoding === 'windows-1252' ? 'Windows-1252 (Latin-1)' : t.encoding.toUpperCase()}` : ''})
      </legend>
      {t.sheets && t.sheets.length > 1 && (
        <label>
          Sheet
          <select aria-label={`Sheet of ${t.file}`} value={t.sheet ?? ''} onChange={(e) => onSheet(e.currentTarget.value)}>
            {t.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Ward code column
        <select aria-label={`Ward code column of ${t.file}`} value={t.key ?? ''} onChange={(e) => onKey(e.currentTarget.value || null)}>
          <option value="">Choose…</option>
          {view.columns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      {t.yearColumn && t.years.length > 0 && (
        <label>
          Year ({t.yearColumn})
          <select aria-label={`Year of ${t.file}`} value={t.year ?? ''} onChange={(e) => onYear(Number(e.currentTarget.value))}>
            {t.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
      )}
      {preview && (
        <p className={preview.matched === 0 ? 'join bad' : 'join'}>
          {preview.level === 'municipality'
            ? `${preview.matched} municipalities of the wards match a row: values apply to every ward of the municipality.`
            : `${preview.matched} of ${codes.length} wards match a row in this file.`}
        </p>
      )}
      {t.ambiguous.length > 0 && (
        <div className="ambiguous">
          <p>These columns can be read two ways; check the examples:</p>
          {t.ambiguous.map((a) => {
            const current = t.formats[a.column] ?? a.reading;
            const isAlternative = current.decimal === a.alternative.decimal && current.thousands === a.alternative.thousands;
            return (
              <label key={a.column}>
                {a.column} ({a.examples.map((e) => `"${e}"`).join(', ')})
                <select
                  aria-label={`Number format of ${a.column}`}
                  value={isAlternative ? 'alternative' : 'reading'}
                  onChange={(e) => onFormat(a.column, e.currentTarget.value === 'alternative' ? a.alternative : a.reading)}
                >
                  <option value="reading">{describeFormat(a.reading)}</option>
                  <option value="alternative">{describeFormat(a.alternative)}</option>
                </select>
              </label>
            );
          })}
        </div>
      )}
      <details className="preview">
        <summary>First rows</summary>
        <div className="preview-scroll">
          <table>
            <thead>
              <tr>
                {view.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.rows.slice(0, 5).map((row, i) => (
                <tr key={i}>
                  {view.columns.map((c, j) => (
                    <td key={c}>{row[j] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </fieldset>
  );
}
