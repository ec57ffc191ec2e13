import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import type { NumberFormat } from '../io/parseNumber';
import type { ShareScale } from '../io/readIndicatorTable';
import { describeDialect } from '../io/describeDialect';
import { problem, type Problem } from '../io/problem';
import type { Dataset } from '../model/createDataset';
import { ProblemList } from '../ui/ProblemList';
import type { TFunction } from 'i18next';
import { useLanguage } from '../i18n/useLanguage';
import { CATALOGUE } from './catalogue';
import {
  applyStaging,
  describeJoin,
  EMPTY_STAGING,
  formatSize,
  previewMatches,
  shareColumns,
  stagedTable,
  stagedWardCodes,
  updateFields,
  updateTable,
  type Staging,
  type StagedTable,
} from './staging';
import { stageProgress, type StagingProgress } from './stageProgress';
import { runStaging, type StagingRun } from './runStaging';
import { filesJob, objectJob, sheetJob, type StagingJob } from './stagingJobs';

export interface LoadDataProps {
  dataset: Dataset | null;
  onDataset: (dataset: Dataset, mode: 'replace' | 'add', notes: Problem[]) => void;
  /** Whether applied datasets are kept in this browser and reopened next time. */
  remember: boolean;
  onRemember: (on: boolean) => void;
  onClose: () => void;
}

// Files read faster than this show no progress bar, which would only flicker.
const PROGRESS_DELAY_MS = 400;


/**
 * Opening files: boundaries (GeoJSON, TopoJSON, shapefile) and indicator tables (CSV/TXT, .xlsx) are
 * read and checked here, in a worker with progress and a Cancel button, the user confirms keys,
 * sheets, years and number formats, and only "Apply" changes what the app shows.
 */
export function LoadData({ dataset, onDataset, remember, onRemember, onClose }: LoadDataProps) {
  const [staging, setStaging] = useState<Staging>(EMPTY_STAGING);
  const [progress, setProgress] = useState<StagingProgress | null>(null);
  const [progressShown, setProgressShown] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  // The run under way; a run that is no longer this one has been cancelled and its outcome is ignored.
  const run = useRef<StagingRun | null>(null);
  const codes = useMemo(() => stagedWardCodes(staging, dataset), [staging, dataset]);
  const reading = progress !== null;
  const { t, language } = useLanguage();

  useEffect(() => () => run.current?.cancel(), []);

  /** Runs a staging job in a worker, showing its progress; the staging changes only if it completes. */
  const start = async (job: StagingJob, first: StagingProgress) => {
    if (run.current) {
      setStatus(t('load.stillReading'));
      return;
    }
    const current = runStaging(job);
    run.current = current;
    setStatus(null);
    setProgress(first);
    current.onProgress((p) => {
      if (run.current === current) setProgress(p);
    });
    const timer = setTimeout(() => setProgressShown(true), PROGRESS_DELAY_MS);
    try {
      const update = await current.promise;
      if (run.current === current) setStaging(update);
    } catch (error) {
      if (run.current !== current) return;
      if (error instanceof DOMException && error.name === 'AbortError') {
        setStatus(t('load.cancelled'));
      } else {
        const message = error instanceof Error ? error.message : String(error);
        setStaging((s) => ({ ...s, problems: [...s.problems, problem(job.file, t('load.unreadable', { message }))] }));
      }
    } finally {
      clearTimeout(timer);
      if (run.current === current) {
        // Dropped at once: a settled run would otherwise hold on to what it read.
        run.current = null;
        setProgress(null);
        setProgressShown(false);
      }
    }
  };

  const addFiles = (files: File[]) => {
    if (files.length === 0) return;
    // What the worker will say first, shown until it does.
    const first = stageProgress('reading', { file: files[0].name, size: formatSize(files[0].size), bytes: files[0].size }, 0);
    void start(filesJob(files, { wardCodes: codes, prepared: staging.prepared }), first);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    addFiles([...e.dataTransfer.files]);
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
  // A size is written in the interface language ("4,2 Mo"), from the byte count the stage names.
  const stageText = progress
    ? t(`load.stages.${progress.key}`, typeof progress.values.bytes === 'number' ? { ...progress.values, size: formatSize(progress.values.bytes, language) } : progress.values)
    : '';
  const boundaries = staging.boundaries;
  return (
    <section className="load-panel" aria-label={t('load.label')}>
      <header>
        <h2>{t('load.title')}</h2>
        <button type="button" onClick={onClose} aria-label={t('common.close')}>
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
          {t('load.drop')}{' '}
          <label className="file-button">
            {t('load.choose')}
            <input
              type="file"
              multiple
              disabled={reading}
              accept=".geojson,.json,.topojson,.zip,.shp,.dbf,.prj,.cpg,.shx,.csv,.txt,.tsv,.xlsx"
              onChange={(e) => {
                const files = [...(e.currentTarget.files ?? [])];
                // Cleared so that choosing the same file again, after a cancel, reads it again.
                e.currentTarget.value = '';
                addFiles(files);
              }}
            />
          </label>
          .
        </p>
        <p className="hint">
          {t('load.hintFiles')} {t('load.hintPrepared')} <code>npm run prepare-data</code>
          {t('load.hintPreparedEnd')} {t('load.hintLocal')}
        </p>
        <label className="remember">
          <input type="checkbox" checked={remember} onChange={(e) => onRemember(e.currentTarget.checked)} />
          {t('load.remember')}
        </label>
        {progress && progressShown && (
          <div className="staging-progress">
            <span className="stage">{stageText}</span>
            <progress max={1} value={progress.fraction ?? undefined} aria-label={stageText} />
            <button type="button" onClick={() => run.current?.cancel()}>
              {t('common.cancel')}
            </button>
          </div>
        )}
        {status && (
          <p className="staging-status" role="status">
            {status}
          </p>
        )}
      </div>

      {staging.prepared && (
        <p className="prepared">
          {t('load.prepared')} <strong>{staging.prepared.manifest.name}</strong>
          {staging.prepared.manifest.attribution ? ` (${staging.prepared.manifest.attribution})` : ''}
          {t('load.preparedEnd')}
        </p>
      )}

      {boundaries && (
        <fieldset>
          <legend>
            {t('load.boundaries', { file: boundaries.file, n: boundaries.boundaries.features.length })}
          </legend>
          <p className="crs">
            {t('load.coordinates', { crs: boundaries.boundaries.crs.label })}
            {boundaries.boundaries.crs.crs !== 'EPSG:4326' ? t('load.reprojected') : ''}
            {boundaries.boundaries.crs.how === 'prj' ? t('load.crsDeclared') : boundaries.boundaries.crs.how === 'range' ? t('load.crsRange') : ''}.
          </p>
          {boundaries.boundaries.objectNames.length > 1 && (
            <label>
              {t('load.topoObject')}
              <select
                aria-label={t('load.topoObject')}
                value={boundaries.boundaries.objectName ?? ''}
                disabled={reading}
                onChange={(e) => void start(objectJob(staging, e.currentTarget.value), stageProgress('readingObject', { name: e.currentTarget.value, file: boundaries.file }, null))}
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
              {t(`load.fields.${field}`)}
              <select
                aria-label={t('load.property', { field: t(`load.fields.${field}`) })}
                value={boundaries.fields[field] ?? ''}
                onChange={(e) => setStaging((s) => updateFields(s, { [field]: e.currentTarget.value || null }))}
              >
                <option value="">{field === 'key' ? t('load.choosePlaceholder') : t('load.none')}</option>
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

      {staging.tables.map((table) => (
        <StagedTableView
          key={table.file}
          table={table}
          codes={codes}
          onKey={(key) => setStaging((s) => updateTable(s, table.file, { key }))}
          onYear={(year) => setStaging((s) => updateTable(s, table.file, { year }))}
          onFormat={(column, format) => setStaging((s) => updateTable(s, table.file, { formats: { ...table.formats, [column]: format } }))}
          onShare={(column, scale) => setStaging((s) => updateTable(s, table.file, { shares: { ...table.shares, [column]: scale } }))}
          reading={reading}
          onSheet={(sheet) => void start(sheetJob(staging, table.file, sheet), stageProgress('readingSheet', { sheet, file: table.file }, null))}
        />
      ))}

      {staging.problems.length > 0 && <ProblemList problems={staging.problems} />}

      <div className="load-actions">
        <button type="button" className="primary" onClick={apply} disabled={nothingStaged || reading}>
          {t('common.apply')}
        </button>
        <button type="button" onClick={() => setStaging(EMPTY_STAGING)} disabled={nothingStaged && staging.problems.length === 0}>
          {t('common.clear')}
        </button>
      </div>
    </section>
  );
}

interface StagedTableViewProps {
  table: StagedTable;
  codes: string[];
  /** True while files are read: another sheet cannot be read meanwhile. */
  reading: boolean;
  onKey: (key: string | null) => void;
  onYear: (year: number) => void;
  onFormat: (column: string, format: NumberFormat) => void;
  onShare: (column: string, scale: ShareScale) => void;
  onSheet: (sheet: string) => void;
}

const describeFormat = (f: NumberFormat, t: TFunction) =>
  `${f.decimal === ',' ? t('load.decimalComma') : t('load.decimalPoint')}${
    f.thousands ? t('load.thousands', { sign: f.thousands === ' ' ? t('load.space') : f.thousands }) : ''
  }`;

/** One staged indicator table: how it was read, its key, sheet, year, ambiguous columns and first rows. */
function StagedTableView({ table, codes, reading, onKey, onYear, onFormat, onShare, onSheet }: StagedTableViewProps) {
  // `t` stays the staged table, as everywhere in this file; the texts come from `say`.
  const t = table;
  const { t: say } = useLanguage();
  const view = useMemo(() => stagedTable(t), [t]);
  // Memoised: a table of 200,000 rows takes a while to match, and the panel redraws with every progress step.
  const preview = useMemo(() => (t.key ? previewMatches(view, t.key, codes) : null), [view, t.key, codes]);
  // Shares written as 0.35 in one file and 35 in another: say what each column looks like and ask.
  const shares = useMemo(() => shareColumns(view, t.key, CATALOGUE, t.formats), [view, t.key, t.formats]);
  const dialect = view.dialect;
  return (
    <fieldset>
      <legend>
        {say('load.indicators', { file: t.file, n: view.rows.length })}{' '}
        {t.sheets
          ? say('load.sheetDecimal', { sheet: t.sheet ?? '', decimal: dialect.decimal === ',' ? say('load.decimalComma') : say('load.decimalPoint') })
          : describeDialect(dialect, t.encoding ? { encoding: t.encoding, bom: dialect.bom } : null)}
        )
      </legend>
      {t.sheets && t.sheets.length > 1 && (
        <label>
          {say('load.sheet')}
          <select aria-label={say('load.sheetOf', { file: t.file })} value={t.sheet ?? ''} disabled={reading} onChange={(e) => onSheet(e.currentTarget.value)}>
            {t.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {say('load.keyColumn')}
        <select aria-label={say('load.keyColumnOf', { file: t.file })} value={t.key ?? ''} onChange={(e) => onKey(e.currentTarget.value || null)}>
          <option value="">{say('load.choosePlaceholder')}</option>
          {view.columns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      {t.yearColumn && t.years.length > 0 && (
        <label>
          {say('load.year', { column: t.yearColumn })}
          <select aria-label={say('load.yearOf', { file: t.file })} value={t.year ?? ''} onChange={(e) => onYear(Number(e.currentTarget.value))}>
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
            ? say('load.matchMunicipalities', { n: preview.matched })
            : say('load.matchWards', { n: preview.matched, total: codes.length })}
        </p>
      )}
      {t.ambiguous.length > 0 && (
        <div className="ambiguous">
          <p>{say('load.ambiguous')}</p>
          {t.ambiguous.map((a) => {
            const current = t.formats[a.column] ?? a.reading;
            const isAlternative = current.decimal === a.alternative.decimal && current.thousands === a.alternative.thousands;
            return (
              <label key={a.column}>
                {a.column} ({a.examples.map((e) => `"${e}"`).join(', ')})
                <select
                  aria-label={say('load.numberFormatOf', { column: a.column })}
                  value={isAlternative ? 'alternative' : 'reading'}
                  onChange={(e) => onFormat(a.column, e.currentTarget.value === 'alternative' ? a.alternative : a.reading)}
                >
                  <option value="reading">{describeFormat(a.reading, say)}</option>
                  <option value="alternative">{describeFormat(a.alternative, say)}</option>
                </select>
              </label>
            );
          })}
        </div>
      )}
      {shares.length > 0 && (
        <div className="shares">
          {shares.map(({ column, guess }) => {
            const chosen = t.shares[column] ?? (guess.scale === 'fraction' ? 'fraction' : 'percent');
            const ask = guess.scale !== 'percent' || chosen !== 'percent';
            return (
              <label key={column} className={ask ? 'ask' : undefined}>
                {column}: {guess.scale === 'fraction' ? say('load.looksFraction') : guess.scale === 'percent' ? say('load.looksPercent') : say('load.cannotTell')} (
                {guess.reasons.join('; ')})
                <select aria-label={say('load.howWritten', { column })} value={chosen} onChange={(e) => onShare(column, e.currentTarget.value as ShareScale)}>
                  <option value="percent">{say('load.percent')}</option>
                  <option value="fraction">{say('load.fraction')}</option>
                </select>
              </label>
            );
          })}
        </div>
      )}
      <details className="preview">
        <summary>{say('load.firstRows')}</summary>
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
