import type { LisaCluster, LocalMoran } from '../model/localMoran';

// Typed arrays cross to and from a worker by moving their buffers instead of copying them element by
// element; these turn the model's nullable arrays and lists into typed arrays and back. NaN stands for
// null only while in transit.

/** Neighbour lists as compressed sparse rows: ward i's neighbours are indices[offsets[i]] up to indices[offsets[i + 1]]. */
export interface PackedNeighbours {
  offsets: Int32Array<ArrayBuffer>;
  indices: Uint32Array<ArrayBuffer>;
}

/** A `LocalMoran` in typed arrays: NaN for null, the clusters as `CLUSTER_CODES` positions (0 for none). */
export interface PackedLocalMoran {
  I: Float64Array<ArrayBuffer>;
  z: Float64Array<ArrayBuffer>;
  lag: Float64Array<ArrayBuffer>;
  p: Float64Array<ArrayBuffer>;
  cluster: Int8Array<ArrayBuffer>;
}

/** Cluster codes: a cluster travels as its position here. */
const CLUSTER_CODES: readonly (LisaCluster | null)[] = [null, 'HH', 'LL', 'HL', 'LH'];

/**
 * Nullable numbers as a Float64Array with NaN for null.
 * @example
 * packNullable([1, null]) -> Float64Array [1, NaN]
 */
export function packNullable(values: readonly (number | null)[]): Float64Array<ArrayBuffer> {
  const packed = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) packed[i] = values[i] ?? NaN;
  return packed;
}

/**
 * The nullable numbers back from `packNullable`: NaN becomes null.
 * @example
 * unpackNullable(Float64Array.of(1, NaN)) -> [1, null]
 */
export function unpackNullable(packed: Float64Array): (number | null)[] {
  const values: (number | null)[] = new Array(packed.length);
  for (let i = 0; i < packed.length; i++) values[i] = Number.isNaN(packed[i]) ? null : packed[i];
  return values;
}

/**
 * Neighbour lists as compressed sparse rows, two arrays however many wards there are.
 * @example
 * packNeighbours([[1], [], [0, 1]]) -> { offsets: Int32Array [0, 1, 1, 3], indices: Uint32Array [1, 0, 1] }
 */
export function packNeighbours(neighbours: readonly (readonly number[])[]): PackedNeighbours {
  const offsets = new Int32Array(neighbours.length + 1);
  for (let i = 0; i < neighbours.length; i++) offsets[i + 1] = offsets[i] + neighbours[i].length;
  const indices = new Uint32Array(offsets[neighbours.length]);
  for (let i = 0; i < neighbours.length; i++) {
    const list = neighbours[i];
    for (let t = 0; t < list.length; t++) {
      const j = list[t];
      // A Uint32Array would silently wrap anything else into some other ward.
      if (!(Number.isInteger(j) && j >= 0 && j <= 0xffffffff)) throw new Error(`invalid neighbour of ward ${i}: ${j}`);
      indices[offsets[i] + t] = j;
    }
  }
  return { offsets, indices };
}

/**
 * The neighbour lists back from `packNeighbours`.
 * @example
 * unpackNeighbours(packNeighbours([[1], [], [0, 1]])) -> [[1], [], [0, 1]]
 */
export function unpackNeighbours({ offsets, indices }: PackedNeighbours): number[][] {
  const neighbours: number[][] = new Array(offsets.length - 1);
  for (let i = 0; i < neighbours.length; i++) neighbours[i] = Array.from(indices.subarray(offsets[i], offsets[i + 1]));
  return neighbours;
}

/**
 * A `LocalMoran` in typed arrays, and the buffers to transfer.
 * @example
 * const { packed, transfer } = packLocalMoran(localMoran(values, neighbours, options)); postMessage(packed, transfer);
 */
export function packLocalMoran(result: LocalMoran): { packed: PackedLocalMoran; transfer: ArrayBuffer[] } {
  const packed: PackedLocalMoran = {
    I: packNullable(result.I),
    z: packNullable(result.z),
    lag: packNullable(result.lag),
    p: packNullable(result.p),
    cluster: Int8Array.from(result.cluster, (c) => CLUSTER_CODES.indexOf(c)),
  };
  return { packed, transfer: [packed.I.buffer, packed.z.buffer, packed.lag.buffer, packed.p.buffer, packed.cluster.buffer] };
}

/**
 * The `LocalMoran` back from `packLocalMoran`.
 * @example
 * unpackLocalMoran(packLocalMoran(result).packed) -> a copy of result
 */
export function unpackLocalMoran(packed: PackedLocalMoran): LocalMoran {
  return {
    I: unpackNullable(packed.I),
    z: unpackNullable(packed.z),
    lag: unpackNullable(packed.lag),
    p: unpackNullable(packed.p),
    cluster: Array.from(packed.cluster, (code) => {
      if (!(code >= 0 && code < CLUSTER_CODES.length)) throw new Error(`invalid cluster code: ${code}`);
      return CLUSTER_CODES[code];
    }),
  };
}
