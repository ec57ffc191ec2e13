import {
  chooseObject,
  chooseSheet,
  EMPTY_STAGING,
  mergeStaging,
  readRawFile,
  stageNewFiles,
  type OnStagingProgress,
  type OpenedFile,
  type RawFile,
  type Staging,
  type StagingContext,
} from './staging';
import { stageProgress } from './stageProgress';

// The staging work that can take seconds at Belgium scale, split in two halves: the request a worker
// answers (`answerStagingRequest`), and how its answer updates the staging on the page. Both halves
// are plain functions, so that Node tests run them without a worker.

/**
 * What the staging worker is asked: to read opened files (the File objects as the browser gave them,
 * read there rather than on the page), or to read another sheet or TopoJSON object of what is staged,
 * given a staging holding just that table or those boundaries.
 */
export type StagingRequest =
  | { kind: 'files'; files: OpenedFile[]; context: StagingContext }
  | { kind: 'sheet'; staging: Staging; file: string; sheet: string }
  | { kind: 'object'; staging: Staging; objectName: string };

/** A request, the update its answer makes to the staging as it is by then, and the file(s) it is about (for errors). */
export interface StagingJob {
  request: StagingRequest;
  update: (answer: Staging) => (staging: Staging) => Staging;
  file: string;
}

/**
 * Opened files, added with `mergeStaging`.
 * @example
 * filesJob(files, { wardCodes: stagedWardCodes(staging, dataset), prepared: staging.prepared })
 */
export function filesJob(files: readonly OpenedFile[], context: StagingContext): StagingJob {
  return {
    request: { kind: 'files', files: [...files], context },
    update: (added) => (staging) => mergeStaging(staging, added),
    file: files.map((f) => f.name).join(', '),
  };
}

/**
 * Another sheet of a staged workbook (1.6 s for Statbel's income by municipality). The table goes
 * without its rows; its bytes are copied on the way, so a cancelled job leaves the staged table whole.
 */
export function sheetJob(staging: Staging, file: string, sheet: string): StagingJob {
  const tables = staging.tables.filter((t) => t.file === file).map((t) => ({ ...t, source: { ...t.source, rows: [] } }));
  return {
    request: { kind: 'sheet', staging: { ...EMPTY_STAGING, tables }, file, sheet },
    update: (chosen) => (current) => ({
      ...current,
      tables: current.tables.map((t) => (t.file === file ? (chosen.tables[0] ?? t) : t)),
      problems: [...current.problems, ...chosen.problems],
    }),
    file,
  };
}

/** Another object of the staged TopoJSON (half a second for Belgium's sectors). The boundaries go without their features. */
export function objectJob(staging: Staging, objectName: string): StagingJob {
  const staged = staging.boundaries;
  const boundaries = staged && { ...staged, boundaries: { ...staged.boundaries, features: [] } };
  return {
    request: { kind: 'object', staging: { ...EMPTY_STAGING, boundaries }, objectName },
    update: (chosen) => (current) => ({
      ...current,
      // The answer comes without the text, which is here already.
      boundaries: chosen.boundaries && current.boundaries ? { ...chosen.boundaries, text: current.boundaries.text } : current.boundaries,
      problems: [...current.problems, ...chosen.problems],
    }),
    file: staged?.file ?? '',
  };
}

/**
 * The worker's answer to a request: the files staged by `stageNewFiles` (read with `readRawFile`),
 * or a staging holding only the sheet or object read anew, and the problems met. Progress by stage.
 */
export async function answerStagingRequest(request: StagingRequest, onProgress?: OnStagingProgress): Promise<Staging> {
  const report = onProgress ?? (() => {});
  if (request.kind === 'files') {
    const raw: RawFile[] = [];
    for (const file of request.files) raw.push(await readRawFile(file, report));
    return stageNewFiles(raw, request.context, report);
  }
  if (request.kind === 'sheet') {
    report(stageProgress('readingSheet', { sheet: request.sheet, file: request.file }, null));
    const chosen = await chooseSheet(request.staging, request.file, request.sheet);
    // The table came without its rows: only a table read anew goes back.
    return { ...chosen, tables: chosen.tables.filter((t) => !request.staging.tables.includes(t)) };
  }
  const file = request.staging.boundaries?.file;
  report(file ? stageProgress('readingObject', { name: request.objectName, file }, null) : stageProgress('readingObjectOfBoundaries', { name: request.objectName }, null));
  const chosen = chooseObject(request.staging, request.objectName);
  // The boundaries came without their features: only boundaries read anew go back, and without the text.
  const read = chosen.boundaries !== request.staging.boundaries ? chosen.boundaries : null;
  return { ...chosen, boundaries: read && { ...read, text: null } };
}
