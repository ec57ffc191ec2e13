import { lazy, Suspense } from 'react';
import type { ChoroplethMapProps } from './ChoroplethMap';
import { useLanguage } from '../i18n/useLanguage';

let loading: Promise<typeof import('./ChoroplethMap')> | null = null;

/**
 * Starts fetching the map's chunk (ChoroplethMap and MapLibre, about half of the app's script)
 * if it has not started yet. Called at start-up so that the download runs alongside the demo
 * data instead of after it; the entry chunk stays free of MapLibre.
 */
export function loadChoroplethMap(): Promise<typeof import('./ChoroplethMap')> {
  loading ??= import('./ChoroplethMap');
  return loading;
}

const Loaded = lazy(() => loadChoroplethMap().then((m) => ({ default: m.ChoroplethMap })));

/** ChoroplethMap, loaded on first use; until then a placeholder of the same size. */
export function LazyChoroplethMap(props: ChoroplethMapProps) {
  const { t } = useLanguage();
  return (
    <Suspense
      fallback={
        <div className="map-wrap map-loading" role="status">
          {t('map.loading')}
        </div>
      }
    >
      <Loaded {...props} />
    </Suspense>
  );
}
