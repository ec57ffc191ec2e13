import { distanceKm } from './centroids';
import type { Expansion } from './plan';
import { rank } from './rank';

/**
 * The wards around today's CHW areas: ring 1 borders a current area, ring 2 borders ring 1. A ward
 * bordering areas of several teams (ring 1), or ring-1 wards of several teams (ring 2), is given the
 * team of the nearest of those wards by centroid (ties, or no centroids: the lower index).
 * distanceKm is the centroid distance to the nearest current-area ward, for every other ward with a
 * centroid, in a ring or not.
 */
export function expansion(
  current: ReadonlyMap<number, string>,
  neighbours: readonly (readonly number[])[],
  centroids: readonly (readonly [number, number] | null)[],
): Expansion {
  const n = neighbours.length;
  if (centroids.length !== n) throw new Error(`invalid centroids: ${centroids.length} wards for ${n}`);
  for (const index of current.keys()) {
    if (!(Number.isInteger(index) && index >= 0 && index < n)) throw new Error(`invalid current ward: ${index}`);
  }
  const ring: (1 | 2 | null)[] = new Array(n).fill(null);
  const bordersTeam: (string | null)[] = new Array(n).fill(null);

  const nearestTeam = (ward: number, from: (j: number) => string | null) => {
    let team: string | null = null;
    let best = Infinity;
    let bestIndex = Infinity;
    const at = centroids[ward];
    for (const j of neighbours[ward]) {
      const t = from(j);
      if (t === null) continue;
      const other = centroids[j];
      const d = at && other ? distanceKm(at, other) : Infinity;
      if (d < best || (d === best && j < bestIndex)) {
        team = t;
        best = d;
        bestIndex = j;
      }
    }
    return team;
  };

  for (let i = 0; i < n; i++) {
    if (current.has(i)) continue;
    const team = nearestTeam(i, (j) => current.get(j) ?? null);
    if (team !== null) {
      ring[i] = 1;
      bordersTeam[i] = team;
    }
  }
  for (let i = 0; i < n; i++) {
    if (current.has(i) || ring[i] === 1) continue;
    const team = nearestTeam(i, (j) => (ring[j] === 1 ? bordersTeam[j] : null));
    if (team !== null) {
      ring[i] = 2;
      bordersTeam[i] = team;
    }
  }

  // Nearest by the dot product of unit vectors (the largest is the nearest on the sphere): three
  // multiplications per pair instead of a haversine, which only the winner needs.
  const sources: (readonly [number, number])[] = [];
  for (const index of current.keys()) {
    const at = centroids[index];
    if (at) sources.push(at);
  }
  const unit = sources.map(toUnit);
  const distance: (number | null)[] = new Array(n).fill(null);
  if (sources.length > 0) {
    for (let i = 0; i < n; i++) {
      const at = centroids[i];
      if (!at || current.has(i)) continue;
      const [x, y, z] = toUnit(at);
      let best = 0;
      let bestDot = -Infinity;
      for (let k = 0; k < unit.length; k++) {
        const u = unit[k];
        const dot = x * u[0] + y * u[1] + z * u[2];
        if (dot > bestDot) {
          bestDot = dot;
          best = k;
        }
      }
      distance[i] = distanceKm(at, sources[best]);
    }
  }
  return { ring, distanceKm: distance, bordersTeam };
}

/**
 * Ranks the expansion candidates, the wards in rings 1 … maxRing, by score as rank() does (1 = highest,
 * ties share the lower rank); other wards get null. `order` lists the ranked candidates only, best
 * first, ties by code (by index without codes).
 */
export function rankCandidates(
  scores: readonly (number | null)[],
  expansion: Expansion,
  maxRing: 1 | 2,
  codes?: readonly string[],
): { rank: (number | null)[]; order: number[] } {
  if (maxRing !== 1 && maxRing !== 2) throw new Error(`invalid maxRing: ${maxRing}`);
  if (expansion.ring.length !== scores.length) throw new Error(`invalid expansion: ${expansion.ring.length} wards for ${scores.length} scores`);
  const masked = scores.map((s, i) => {
    const r = expansion.ring[i];
    return r !== null && r <= maxRing ? s : null;
  });
  // Zero-padded indices sort as numbers, so ties fall back to the ward order.
  const width = String(scores.length).length;
  const keys = codes ?? scores.map((_, i) => String(i).padStart(width, '0'));
  const ranking = rank(masked, keys);
  return { rank: ranking.rank, order: ranking.order.slice(0, ranking.scored) };
}

function toUnit([lon, lat]: readonly [number, number]): [number, number, number] {
  const rad = Math.PI / 180;
  const c = Math.cos(lat * rad);
  return [c * Math.cos(lon * rad), c * Math.sin(lon * rad), Math.sin(lat * rad)];
}
