import { unzipSync } from 'fflate';
import type { Feature } from 'geojson';
import { read } from 'shapefile';
import type { Boundaries } from './parseBoundaries';
import { problemFrom, type Loaded, type MessagePiece, type MessageValue, type MessageValues, type Problem, type ProblemKey } from './problem';
import { toBoundaryFeatures } from './toBoundaryFeatures';

/** One file as the user gave it: its name and its bytes. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

// The parts we read; a zip's other entries (.shx, .qmd, licence PDFs) are not even inflated.
const PARTS = new Set(['shp', 'dbf', 'prj', 'cpg']);

// .cpg spellings seen in the wild (ArcGIS, QGIS, ogr2ogr) for the dBase default, Windows-1252;
// WHATWG decoders read ISO-8859-1 as Windows-1252 too, which only adds characters.
const CODE_PAGES: Record<string, string> = {
  '1252': 'windows-1252',
  'ansi 1252': 'windows-1252',
  'cp1252': 'windows-1252',
  '88591': 'windows-1252',
  '8859_1': 'windows-1252',
  'iso 8859-1': 'windows-1252',
  'iso88591': 'windows-1252',
  'utf8': 'utf-8',
  '65001': 'utf-8',
};

/**
 * Reads ward boundaries from an ESRI shapefile: one .zip holding it (the first .shp found, even in
 * a folder, with its .dbf, .prj and .cpg), or those parts as separate files. Attributes are decoded
 * as the .cpg says (Windows-1252, the dBase default, without one); coordinates in Belgian Lambert
 * 72 or 2008 are reprojected to WGS84, as for parseBoundaries, and the system found is reported.
 */
export async function parseShapefile(files: NamedBytes[], label: string): Promise<Loaded<Boundaries>> {
  const problems: Problem[] = [];
  const parts: NamedBytes[] = [];
  const zips: string[] = [];
  // Every name seen, parts or not, to say what a selection without a .shp held instead.
  const seen: string[] = [];
  for (const file of files) {
    if (extension(file.name) !== 'zip') {
      parts.push(file);
      seen.push(file.name);
      continue;
    }
    zips.push(file.name);
    try {
      parts.push(...unzipParts(file.bytes, seen));
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return fail(label, 'shapefileZipUnreadable', { file: file.name, error: why });
    }
  }

  const shps = parts.filter((part) => extension(part.name) === 'shp');
  const shp = shps[0];
  if (shp === undefined) {
    if (zips.length === 0) return fail(label, 'shapefileNoShpAmong', { files: files.map((f) => f.name) });
    const held: MessagePiece = seen.length === 0 ? { key: 'shapefileZipEmpty' } : { key: 'shapefileZipHolds', values: { names: listNames(seen) } };
    return fail(label, 'shapefileNoShpInZip', { files: zips, held });
  }
  if (shps.length > 1) {
    const others = shps.slice(1).map((s) => s.name);
    problems.push(problemFrom(label, 'shapefileSeveral', { file: shp.name, others }, { severity: 'info' }));
  }
  const stem = shp.name.slice(0, -'.shp'.length);
  const name = baseName(stem);
  const sibling = (ext: string) => parts.find((part) => part.name.toLowerCase() === `${stem}.${ext}`.toLowerCase());
  const dbf = sibling('dbf');
  if (dbf === undefined) {
    return fail(label, 'shapefileNoDbf', { name });
  }
  const prj = sibling('prj');
  const cpg = sibling('cpg');

  const encoding = attributeEncoding(cpg, dbf.bytes);
  if (encoding.unknown) problems.push(problemFrom(label, 'shapefileUnknownEncoding', encoding.unknown, { severity: 'warning' }));

  let features: Feature[];
  try {
    features = (await read(shp.bytes, dbf.bytes, { encoding: encoding.name })).features;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail(label, 'shapefileUnreadable', { file: shp.name, error: why });
  }

  const prjText = prj === undefined ? '' : new TextDecoder('utf-8').decode(prj.bytes).trim();
  if (prjText === '') {
    problems.push(problemFrom(label, prj === undefined ? 'shapefilePrjMissing' : 'shapefilePrjEmpty', { name }, { severity: 'warning' }));
  }
  const checked = toBoundaryFeatures(
    features.map((feature, i) => ({ row: i + 1, feature: { ...feature, properties: feature.properties ?? {} } })),
    label,
    prjText === '' ? null : { text: prjText, where: `${name}.prj` },
    true,
  );
  problems.push(...checked.problems);
  if (checked.data === null) return { data: null, problems };
  return { data: { ...checked.data, source: 'shapefile', objectName: null, objectNames: [] }, problems };
}

/**
 * The shapefile parts in a zip, named by their path inside it; macOS resource forks skipped. The
 * names of all entries are added to `seen`.
 */
function unzipParts(bytes: Uint8Array, seen: string[]): NamedBytes[] {
  const entries = unzipSync(bytes, {
    filter: ({ name }) => {
      const junk = name.startsWith('__MACOSX/') || baseName(name).startsWith('._') || name.endsWith('/');
      if (!junk) seen.push(name);
      return PARTS.has(extension(name)) && !junk;
    },
  });
  return Object.entries(entries).map(([name, content]) => ({ name, bytes: content }));
}

/** "a.dbf, b.txt" or "a.dbf, b.txt, … (12 files)". */
function listNames(names: string[]): MessageValue {
  const listed = names.slice(0, 5);
  return names.length > 5 ? { key: 'shapefileNamesMore', values: { listed, total: names.length } } : listed;
}

/**
 * The text encoding of the attributes. Without a .cpg the dBase default is Windows-1252, unless
 * the text is valid UTF-8 with non-ASCII characters in it: Windows-1252 accents almost never are,
 * and most files written today without a .cpg are UTF-8.
 */
function attributeEncoding(cpg: NamedBytes | undefined, dbf: Uint8Array): { name: string; unknown?: MessageValues } {
  if (cpg === undefined) return { name: looksUtf8(dbf) ? 'utf-8' : 'windows-1252' };
  const declared = new TextDecoder('utf-8').decode(cpg.bytes).trim();
  const key = declared.toLowerCase().replace(/^(?:ansi|cp|windows)[ _-]?(?=\d)/, '');
  const mapped = CODE_PAGES[key] ?? CODE_PAGES[key.replace(/-/g, '')] ?? (/^125\d$/.test(key) ? `windows-${key}` : declared);
  try {
    return { name: new TextDecoder(mapped).encoding };
  } catch {
    return { name: 'windows-1252', unknown: { file: cpg.name, encoding: declared.slice(0, 40) } };
  }
}

/** True when the dBase records hold non-ASCII bytes that decode as UTF-8 without error. */
function looksUtf8(dbf: Uint8Array): boolean {
  if (dbf.length < 32) return false;
  const headerLength = dbf[8] | (dbf[9] << 8);
  const records = dbf.subarray(headerLength);
  if (!records.some((byte) => byte > 0x7f)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(records);
    return true;
  } catch {
    return false;
  }
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function fail(file: string, key: ProblemKey, values: MessageValues): Loaded<Boundaries> {
  return { data: null, problems: [problemFrom(file, key, values)] };
}
