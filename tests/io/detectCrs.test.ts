import { describe, expect, it } from 'vitest';
import { detectCrs } from '../../src/io/detectCrs';
import { english, messageText } from '../../src/io/problem';

/** The English sentence of detectCrs's conflict, as problem messages write it; null without one. */
function conflictText(input: Parameters<typeof detectCrs>[0]): string | null {
  const { conflict } = detectCrs(input);
  return conflict ? messageText(conflict.key, conflict.values ?? {}, english) : null;
}

// As ArcGIS writes it: this is the .prj of ../shared/data/lambert72-shapefile/gemeente.shp.
const ESRI_LAMBERT_72 =
  'PROJCS["Belge_Lambert_1972",GEOGCS["GCS_Belge_1972",DATUM["D_Belge_1972",SPHEROID["International_1924",6378388.0,297.0]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],' +
  'PARAMETER["False_Easting",150000.013],PARAMETER["False_Northing",5400088.438],PARAMETER["Central_Meridian",4.36748666666667],' +
  'PARAMETER["Standard_Parallel_1",51.1666672333333],PARAMETER["Standard_Parallel_2",49.8333339],' +
  'PARAMETER["Latitude_Of_Origin",90.0],UNIT["Meter",1.0]]';

// As the EPSG registry and GDAL write it (OGC WKT 1), with the datum's code before the system's.
const OGC_LAMBERT_72 =
  'PROJCS["BD72 / Belgian Lambert 72",GEOGCS["BD72",DATUM["Reseau_National_Belge_1972",SPHEROID["International 1924",6378388,297,' +
  'AUTHORITY["EPSG","7022"]],TOWGS84[-106.869,52.2978,-103.724,0.3366,-0.457,1.8422,-1.2747],AUTHORITY["EPSG","6313"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4313"]],' +
  'PROJECTION["Lambert_Conformal_Conic_2SP"],PARAMETER["standard_parallel_1",51.16666723333333],PARAMETER["standard_parallel_2",49.8333339],' +
  'PARAMETER["latitude_of_origin",90],PARAMETER["central_meridian",4.367486666666666],PARAMETER["false_easting",150000.013],' +
  'PARAMETER["false_northing",5400088.438],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["X",EAST],AXIS["Y",NORTH],AUTHORITY["EPSG","31370"]]';

// A nameless export that only the parameters give away.
const ANONYMOUS_LAMBERT_72 =
  'PROJCS["unnamed",GEOGCS["International 1909 (Hayford)",DATUM["unknown",SPHEROID["intl",6378388,297]],PRIMEM["Greenwich",0],' +
  'UNIT["degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic_2SP"],PARAMETER["standard_parallel_1",51.16666723333333],' +
  'PARAMETER["standard_parallel_2",49.8333339],PARAMETER["latitude_of_origin",90],PARAMETER["central_meridian",4.367486666666666],' +
  'PARAMETER["false_easting",150000.013],PARAMETER["false_northing",5400088.438],UNIT["Meter",1]]';

const WKT2_LAMBERT_72 =
  'PROJCRS["BD72 / Belgian Lambert 72",BASEGEOGCRS["BD72",DATUM["Reseau National Belge 1972",ELLIPSOID["International 1924",6378388,297]],' +
  'ID["EPSG",4313]],CONVERSION["Belgian Lambert 72",METHOD["Lambert Conic Conformal (2SP)",ID["EPSG",9802]],' +
  'PARAMETER["Easting at false origin",150000.013,LENGTHUNIT["metre",1]]],CS[Cartesian,2],' +
  'USAGE[SCOPE["Engineering survey, topographic mapping."],AREA["Belgium - onshore."]],ID["EPSG",31370]]';

const OGC_LAMBERT_2008 =
  'PROJCS["ETRS89 / Belgian Lambert 2008",GEOGCS["ETRS89",DATUM["European_Terrestrial_Reference_System_1989",SPHEROID["GRS 1980",' +
  '6378137,298.257222101,AUTHORITY["EPSG","7019"]],TOWGS84[0,0,0,0,0,0,0],AUTHORITY["EPSG","6258"]],PRIMEM["Greenwich",0,' +
  'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4258"]],' +
  'PROJECTION["Lambert_Conformal_Conic_2SP"],PARAMETER["standard_parallel_1",49.8333333333333],PARAMETER["standard_parallel_2",51.1666666666667],' +
  'PARAMETER["latitude_of_origin",50.797815],PARAMETER["central_meridian",4.35921583333333],PARAMETER["false_easting",649328],' +
  'PARAMETER["false_northing",665262],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AUTHORITY["EPSG","3812"]]';

const ESRI_LAMBERT_2008 =
  'PROJCS["Belge_Lambert_2008",GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",649328.0],' +
  'PARAMETER["False_Northing",665262.0],PARAMETER["Central_Meridian",4.359215833333333],PARAMETER["Standard_Parallel_1",49.83333333333334],' +
  'PARAMETER["Standard_Parallel_2",51.16666666666666],PARAMETER["Latitude_Of_Origin",50.797815],UNIT["Meter",1.0]]';

const ESRI_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],' +
  'UNIT["Degree",0.0174532925199433]]';

const ESRI_ETRS89 =
  'GEOGCS["GCS_ETRS_1989",DATUM["D_ETRS_1989",SPHEROID["GRS_1980",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],' +
  'UNIT["Degree",0.0174532925199433]]';

const OGC_BD72_GEOGRAPHIC =
  'GEOGCS["BD72",DATUM["Reseau_National_Belge_1972",SPHEROID["International 1924",6378388,297],' +
  'TOWGS84[-106.869,52.2978,-103.724,0.3366,-0.457,1.8422,-1.2747]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],' +
  'AUTHORITY["EPSG","4313"]]';

const WKT2_WGS84 =
  'GEOGCRS["WGS 84",ENSEMBLE["World Geodetic System 1984 ensemble",MEMBER["World Geodetic System 1984 (Transit)"],' +
  'ELLIPSOID["WGS 84",6378137,298.257223563]],CS[ellipsoidal,2],USAGE[SCOPE["Horizontal component of 3D system."]]]';

const ESRI_UTM_31N =
  'PROJCS["WGS_1984_UTM_Zone_31N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],' +
  'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",3.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],' +
  'UNIT["Meter",1.0]]';

const ESRI_BD72_GEOGRAPHIC =
  'GEOGCS["GCS_Belge_1972",DATUM["D_Belge_1972",SPHEROID["International_1924",6378388.0,297.0]],PRIMEM["Greenwich",0.0],' +
  'UNIT["Degree",0.0174532925199433]]';

// Corners of Belgium in each system.
const DEGREES: [number, number][] = [[2.54, 49.5], [6.41, 51.5]];
const LAMBERT_72: [number, number][] = [[21_993, 21_000], [295_000, 244_026]];
const LAMBERT_2008: [number, number][] = [[521_993, 521_000], [795_000, 744_026]];
const UTM_31N: [number, number][] = [[480_000, 5_500_000], [720_000, 5_710_000]];

const L72 = { crs: 'EPSG:31370', label: 'Belgian Lambert 72 (EPSG:31370)' };
const L2008 = { crs: 'EPSG:3812', label: 'Belgian Lambert 2008 (EPSG:3812)' };
const WGS84 = { crs: 'EPSG:4326', label: 'WGS84 (EPSG:4326)' };

describe('detectCrs', () => {
  it('detectCrs({prj}) reads Lambert 72 from ESRI, OGC, WKT2 and nameless WKT', () => {
    for (const prj of [ESRI_LAMBERT_72, OGC_LAMBERT_72, WKT2_LAMBERT_72, ANONYMOUS_LAMBERT_72]) {
      expect(detectCrs({ prj, sample: LAMBERT_72 })).toEqual({ ...L72, how: 'prj' });
    }
  });

  it('detectCrs({prj}) reads Lambert 2008 from OGC and ESRI WKT', () => {
    for (const prj of [OGC_LAMBERT_2008, ESRI_LAMBERT_2008]) {
      expect(detectCrs({ prj, sample: LAMBERT_2008 })).toEqual({ ...L2008, how: 'prj' });
    }
  });

  it('detectCrs({prj}) reads WGS84 and ETRS89 geographic WKT as WGS84', () => {
    for (const prj of [ESRI_WGS84, ESRI_ETRS89, WKT2_WGS84]) {
      expect(detectCrs({ prj, sample: DEGREES })).toEqual({ ...WGS84, how: 'prj' });
    }
  });

  it('detectCrs({prj}) reads CRS names as GeoJSON crs members give them', () => {
    expect(detectCrs({ prj: 'urn:ogc:def:crs:EPSG::31370', sample: LAMBERT_72 })).toEqual({ ...L72, how: 'prj' });
    expect(detectCrs({ prj: 'EPSG:3812', sample: LAMBERT_2008 })).toEqual({ ...L2008, how: 'prj' });
    expect(detectCrs({ prj: 'urn:ogc:def:crs:OGC:1.3:CRS84', sample: DEGREES })).toEqual({ ...WGS84, how: 'prj' });
    expect(detectCrs({ prj: 'urn:ogc:def:crs:EPSG:6.6:4326', sample: DEGREES })).toEqual({ ...WGS84, how: 'prj' });
  });

  it('detectCrs({sample}) tells the three systems apart by their range when nothing is declared', () => {
    expect(detectCrs({ sample: DEGREES })).toEqual({ ...WGS84, how: 'range' });
    expect(detectCrs({ prj: null, sample: LAMBERT_72 })).toEqual({ ...L72, how: 'range' });
    expect(detectCrs({ prj: '  ', sample: LAMBERT_2008 })).toEqual({ ...L2008, how: 'range' });
  });

  it('detectCrs({sample}) reads a generator of positions as well as an array', () => {
    function* positions(): Generator<[number, number]> {
      for (let x = 100_000; x <= 200_000; x += 10_000) yield [x, 170_000];
    }
    expect(detectCrs({ sample: positions() }).crs).toBe('EPSG:31370');
  });

  it('detectCrs({sample}) knows nothing of UTM, mixed systems or no positions', () => {
    const unknown = { crs: null, how: 'unknown', label: 'an unknown coordinate system' };
    expect(detectCrs({ sample: UTM_31N })).toEqual(unknown);
    expect(detectCrs({ sample: [[500_000, 5_600_000]] })).toEqual(unknown);
    expect(detectCrs({ sample: [...DEGREES, ...LAMBERT_72] })).toEqual(unknown);
    expect(detectCrs({ sample: [] })).toEqual(unknown);
    expect(detectCrs({ sample: [[Number.NaN, 50]] })).toEqual(unknown);
  });

  it('detectCrs({prj, sample}) trusts the coordinates when they clearly contradict the declaration', () => {
    expect(detectCrs({ prj: ESRI_WGS84, sample: LAMBERT_72 })).toEqual({
      ...L72,
      how: 'range',
      conflict: { key: 'crsDeclaredButLooks', values: { declared: 'WGS84 (EPSG:4326)', looks: 'Belgian Lambert 72 (EPSG:31370)' } },
    });
    expect(conflictText({ prj: ESRI_WGS84, sample: LAMBERT_72 })).toBe(
      'declared as WGS84 (EPSG:4326), but the coordinates look like Belgian Lambert 72 (EPSG:31370)',
    );
    expect(detectCrs({ prj: ESRI_LAMBERT_72, sample: LAMBERT_2008 })).toMatchObject({ ...L2008, how: 'range' });
    expect(detectCrs({ prj: OGC_LAMBERT_2008, sample: DEGREES })).toMatchObject({ ...WGS84, how: 'range' });
  });

  it('detectCrs({prj, sample}) refuses degrees declared for values that cannot be degrees', () => {
    expect(detectCrs({ prj: 'EPSG:4326', sample: UTM_31N })).toEqual({
      crs: null,
      how: 'unknown',
      label: 'an unknown coordinate system',
      conflict: { key: 'crsDeclaredNotDegrees', values: { declared: 'WGS84 (EPSG:4326)' } },
    });
    expect(conflictText({ prj: 'EPSG:4326', sample: UTM_31N })).toBe('declared as WGS84 (EPSG:4326), but the coordinates are not degrees');
  });

  it('detectCrs({prj, sample}) believes a declared Lambert projection beyond the Belgian range', () => {
    // A file that reaches across the border into France: x runs negative.
    expect(detectCrs({ prj: ESRI_LAMBERT_72, sample: [[-20_000, 10_000], [300_000, 240_000]] })).toEqual({ ...L72, how: 'prj' });
  });

  it('detectCrs({prj, sample}) sets aside a declaration it does not know, and says so', () => {
    expect(detectCrs({ prj: ESRI_UTM_31N, sample: UTM_31N })).toEqual({
      crs: null,
      how: 'unknown',
      label: 'an unknown coordinate system',
      conflict: { key: 'crsDeclaredUnknown', values: { name: '"WGS_1984_UTM_Zone_31N"' } },
    });
    expect(conflictText({ prj: ESRI_UTM_31N, sample: UTM_31N })).toBe(
      'the declared coordinate system "WGS_1984_UTM_Zone_31N" is not WGS84 or Belgian Lambert',
    );
    expect(detectCrs({ prj: ESRI_BD72_GEOGRAPHIC, sample: DEGREES })).toEqual({
      ...WGS84,
      how: 'range',
      conflict: { key: 'crsDeclaredUnknownLooksLike', values: { name: '"GCS_Belge_1972"', looks: 'WGS84 (EPSG:4326)' } },
    });
    expect(conflictText({ prj: ESRI_BD72_GEOGRAPHIC, sample: DEGREES })).toBe(
      'the declared coordinate system "GCS_Belge_1972" is not WGS84 or Belgian Lambert; the coordinates look like WGS84 (EPSG:4326)',
    );
    // BD72 degrees are some 100 m off WGS84: not taken for WGS84 because of their TOWGS84.
    expect(detectCrs({ prj: OGC_BD72_GEOGRAPHIC, sample: DEGREES })).toMatchObject({ ...WGS84, how: 'range' });
    expect(conflictText({ prj: OGC_BD72_GEOGRAPHIC, sample: DEGREES })).toMatch(/^the declared coordinate system "BD72" is not/);
    expect(conflictText({ prj: 'EPSG:32631', sample: UTM_31N })).toBe(
      'the declared coordinate system "EPSG:32631" is not WGS84 or Belgian Lambert',
    );
  });
});
