import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { labelPointsInSlices, type LabelPoints } from './labelPoints';
import { labelFeatures } from './labels';

type Geometry = FeatureCollection<Polygon | MultiPolygon | null, unknown>;

/**
 * The ward names for the map, or null while they are off or their places are still being worked
 * out. The places (labelPointsInSlices) are computed once per geometry, a few milliseconds at a
 * time so that loading Belgium never freezes the page; a change of names (another language) only
 * rebuilds the points.
 */
export function useWardLabels(geometry: Geometry | null, names: readonly string[] | null, enabled: boolean): FeatureCollection | null {
  const [placed, setPlaced] = useState<{ geometry: Geometry; points: LabelPoints } | null>(null);
  const wardCount = names?.length ?? 0;
  useEffect(() => {
    if (!enabled || !geometry || (placed && placed.geometry === geometry)) return;
    const controller = new AbortController();
    labelPointsInSlices(geometry, wardCount, controller.signal)
      .then((points) => setPlaced({ geometry, points }))
      .catch((error: unknown) => {
        if ((error as { name?: string }).name !== 'AbortError') console.error('chw-planner: ward names could not be placed', error);
      });
    return () => controller.abort();
  }, [enabled, geometry, wardCount, placed]);
  return useMemo(
    () => (enabled && names && placed && placed.geometry === geometry ? labelFeatures(placed.points, names) : null),
    [enabled, names, placed, geometry],
  );
}
