import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type { CsvTable } from '../io/parseCsv';
import type { BoundaryFeature } from '../io/parseBoundaries';
import type { OnStagingProgress, StagedBoundaries, StagedTable, Staging } from './staging';
import { stageProgress, type StagingProgress } from './stageProgress';

// A staging read in a worker comes back to the page. Posted as it is, its millions of coordinate
// pairs and table cells would be rebuilt by the page in one task (2.5 s for a 100 MB GeoJSON, during
// which nothing responds); packed, the numbers move in typed arrays and the page rebuilds the
// features and rows in slices between which it handles input.

/**
 * Boundary features in flat arrays. Feature i's polygons are polygonStarts[i] up to polygonStarts[i + 1],
 * polygon p's rings ringStarts[p] up to ringStarts[p + 1], ring r's positions positionStarts[r] up to
 * positionStarts[r + 1], position k at coordinates[2k], coordinates[2k + 1].
 */
export interface PackedFeatures {
  /** 0 for a feature without geometry, 1 for a Polygon, 2 for a MultiPolygon. */
  kinds: Uint8Array<ArrayBuffer>;
  polygonStarts: Uint32Array<ArrayBuffer>;
  ringStarts: Uint32Array<ArrayBuffer>;
  positionStarts: Uint32Array<ArrayBuffer>;
  coordinates: Float64Array<ArrayBuffer>;
  /** Each feature's id, undefined for none; null when no feature has one. */
  ids: (string | number | undefined)[] | null;
  properties: BoundaryFeature['properties'][];
}

/** A table's cells in one string: cell c is text.slice(cellEnds[c - 1] ?? 0, cellEnds[c]), row r's cells rowEnds[r - 1] ?? 0 up to rowEnds[r]. */
export interface PackedRows {
  text: string;
  cellEnds: Uint32Array<ArrayBuffer>;
  rowEnds: Uint32Array<ArrayBuffer>;
}

/** A staging as it crosses from the worker: everything as it is but the features and the table rows. */
export interface PackedStaging {
  boundaries: (Omit<StagedBoundaries, 'boundaries'> & { boundaries: Omit<StagedBoundaries['boundaries'], 'features'>; features: PackedFeatures }) | null;
  tables: (Omit<StagedTable, 'source'> & { source: Omit<CsvTable, 'rows'>; rows: PackedRows })[];
  prepared: Staging['prepared'];
  problems: Staging['problems'];
}

const KINDS = [null, 'Polygon', 'MultiPolygon'] as const;

/**
 * A staging in typed arrays and the buffers to transfer with it (a workbook's bytes among them, so
 * the worker keeps no copy). Positions keep x and y: ward boundaries are drawn flat.
 * @example
 * const { packed, transfer } = packStaging(staged); postMessage(packed, transfer);
 */
export function packStaging(staging: Staging): { packed: PackedStaging; transfer: Transferable[] } {
  const transfer: Transferable[] = [];
  let boundaries: PackedStaging['boundaries'] = null;
  if (staging.boundaries) {
    const { boundaries: read, ...rest } = staging.boundaries;
    const { features, ...about } = read;
    const packedFeatures = packFeatures(features);
    transfer.push(
      packedFeatures.kinds.buffer,
      packedFeatures.polygonStarts.buffer,
      packedFeatures.ringStarts.buffer,
      packedFeatures.positionStarts.buffer,
      packedFeatures.coordinates.buffer,
    );
    boundaries = { ...rest, boundaries: about, features: packedFeatures };
  }
  const tables = staging.tables.map((table) => {
    const { source, ...rest } = table;
    const { rows, ...about } = source;
    const packedRows = packRows(rows);
    transfer.push(packedRows.cellEnds.buffer, packedRows.rowEnds.buffer);
    // A workbook's bytes move when they fill their buffer; a view into a larger one is copied.
    if (table.bytes && table.bytes.byteOffset === 0 && table.bytes.byteLength === table.bytes.buffer.byteLength && table.bytes.buffer instanceof ArrayBuffer) {
      transfer.push(table.bytes.buffer);
    }
    return { ...rest, source: about, rows: packedRows };
  });
  return { packed: { boundaries, tables, prepared: staging.prepared, problems: staging.problems }, transfer };
}

/** How `unpackStaging` shares the page: the progress to show, a signal to stop, and the longest slice of work. */
export interface UnpackOptions {
  onProgress?: OnStagingProgress;
  signal?: AbortSignal;
  /** Milliseconds of work between two chances for the page to handle input; 30 unless told. */
  sliceMs?: number;
}

/**
 * The staging back from `packStaging`, rebuilt in slices of at most `sliceMs` between which the page
 * handles input, reporting "Loading features i / n" and "Loading table <file>". Rejects with an
 * AbortError at the next slice once `signal` is aborted.
 * @example
 * const staged = await unpackStaging(packed, { onProgress: show, signal: controller.signal });
 */
export async function unpackStaging(packed: PackedStaging, options: UnpackOptions = {}): Promise<Staging> {
  const slicer = new Slicer(options);
  let boundaries: StagedBoundaries | null = null;
  if (packed.boundaries) {
    const { features, boundaries: about, ...rest } = packed.boundaries;
    const n = features.kinds.length;
    const unpacked: BoundaryFeature[] = new Array(n);
    await slicer.run(n, (i) => (unpacked[i] = unpackFeature(features, i)), (done) => stageProgress('loadingFeatures', { done, n }, n === 0 ? 1 : done / n));
    boundaries = { ...rest, boundaries: { ...about, features: unpacked } };
  }
  const tables: StagedTable[] = [];
  for (const table of packed.tables) {
    const { rows: packedRows, source, ...rest } = table;
    const n = packedRows.rowEnds.length;
    const rows: string[][] = new Array(n);
    await slicer.run(n, (r) => (rows[r] = unpackRow(packedRows, r)), (done) => stageProgress('loadingTable', { file: table.file }, n === 0 ? 1 : done / n));
    tables.push({ ...rest, source: { ...source, rows } });
  }
  return { boundaries, tables, prepared: packed.prepared, problems: packed.problems };
}

/** Features in flat typed arrays (see PackedFeatures). */
export function packFeatures(features: readonly BoundaryFeature[]): PackedFeatures {
  let polygons = 0;
  let rings = 0;
  let positions = 0;
  for (const f of features) {
    for (const polygon of polygonsOf(f)) {
      polygons++;
      rings += polygon.length;
      for (const ring of polygon) positions += ring.length;
    }
  }
  const kinds = new Uint8Array(features.length);
  const polygonStarts = new Uint32Array(features.length + 1);
  const ringStarts = new Uint32Array(polygons + 1);
  const positionStarts = new Uint32Array(rings + 1);
  const coordinates = new Float64Array(positions * 2);
  let p = 0;
  let r = 0;
  let k = 0;
  features.forEach((f, i) => {
    kinds[i] = f.geometry === null ? 0 : f.geometry.type === 'Polygon' ? 1 : 2;
    for (const polygon of polygonsOf(f)) {
      for (const ring of polygon) {
        for (const position of ring) {
          coordinates[2 * k] = position[0];
          coordinates[2 * k + 1] = position[1];
          k++;
        }
        positionStarts[++r] = k;
      }
      ringStarts[++p] = r;
    }
    polygonStarts[i + 1] = p;
  });
  const ids = features.some((f) => f.id !== undefined) ? features.map((f) => f.id) : null;
  return { kinds, polygonStarts, ringStarts, positionStarts, coordinates, ids, properties: features.map((f) => f.properties) };
}

function polygonsOf(f: BoundaryFeature): Position[][][] {
  if (f.geometry === null) return [];
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

/** Feature i back from packFeatures. */
export function unpackFeature(packed: PackedFeatures, i: number): BoundaryFeature {
  const kind = KINDS[packed.kinds[i]];
  const polygons: Position[][][] = [];
  for (let p = packed.polygonStarts[i]; p < packed.polygonStarts[i + 1]; p++) {
    const rings: Position[][] = [];
    for (let r = packed.ringStarts[p]; r < packed.ringStarts[p + 1]; r++) {
      const start = packed.positionStarts[r];
      const ring: Position[] = new Array(packed.positionStarts[r + 1] - start);
      for (let k = 0; k < ring.length; k++) ring[k] = [packed.coordinates[2 * (start + k)], packed.coordinates[2 * (start + k) + 1]];
      rings.push(ring);
    }
    polygons.push(rings);
  }
  const geometry: Polygon | MultiPolygon | null =
    kind === null ? null : kind === 'Polygon' ? { type: 'Polygon', coordinates: polygons[0] ?? [] } : { type: 'MultiPolygon', coordinates: polygons };
  const id = packed.ids?.[i];
  const feature: Feature<Polygon | MultiPolygon | null> = { type: 'Feature', ...(id === undefined ? {} : { id }), geometry, properties: packed.properties[i] };
  return feature;
}

function packRows(rows: readonly string[][]): PackedRows {
  let cells = 0;
  for (const row of rows) cells += row.length;
  const cellEnds = new Uint32Array(cells);
  const rowEnds = new Uint32Array(rows.length);
  const parts: string[] = new Array(cells);
  let c = 0;
  let length = 0;
  rows.forEach((row, r) => {
    for (const cell of row) {
      parts[c] = cell;
      length += cell.length;
      cellEnds[c++] = length;
    }
    rowEnds[r] = c;
  });
  return { text: parts.join(''), cellEnds, rowEnds };
}

function unpackRow({ text, cellEnds, rowEnds }: PackedRows, r: number): string[] {
  const first = r === 0 ? 0 : rowEnds[r - 1];
  const row: string[] = new Array(rowEnds[r] - first);
  for (let c = first; c < rowEnds[r]; c++) row[c - first] = text.slice(c === 0 ? 0 : cellEnds[c - 1], cellEnds[c]);
  return row;
}

/** Runs loops in slices of `sliceMs`, yielding to the page between them and reporting progress after each. */
class Slicer {
  private readonly sliceMs: number;
  constructor(private readonly options: UnpackOptions) {
    this.sliceMs = options.sliceMs ?? 30;
  }

  async run(count: number, each: (i: number) => void, progress: (done: number) => StagingProgress): Promise<void> {
    const { onProgress, signal } = this.options;
    let i = 0;
    onProgress?.(progress(0));
    while (i < count) {
      if (signal?.aborted) throw abortError();
      const end = performance.now() + this.sliceMs;
      // Checking the clock every 64 items keeps its cost out of the loop.
      do each(i++);
      while (i < count && (i % 64 !== 0 || performance.now() < end));
      onProgress?.(progress(i));
      if (i < count) await yieldToPage();
    }
    if (signal?.aborted) throw abortError();
  }
}

function abortError(): DOMException {
  return new DOMException('staging cancelled', 'AbortError');
}

/**
 * Lets the page handle input before the next slice. A message to ourselves rather than setTimeout,
 * which a background tab delays to once a second.
 */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
