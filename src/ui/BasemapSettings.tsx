import { useId, useState, type FormEvent } from 'react';
import { activeBasemap, basemapStorage, disableBasemap, loadBasemap, saveBasemap } from '../app/basemap';
import { basemapOrigin } from '../app/contentSecurityPolicy';
import './basemapSettings.css';
import { useLanguage } from '../i18n/useLanguage';

/**
 * The optional basemap: off by default. The user pastes a raster tile template or a MapLibre style
 * URL, reads which host it will contact, and enables it. The page's policy only lets the page reach
 * that host once the page is loaded again, so Enable and Disable store the choice and reload.
 */
export function BasemapSettings({ reload = () => window.location.reload() }: { reload?: () => void }) {
  const id = useId();
  const { t } = useLanguage();
  const [stored] = useState(() => loadBasemap(basemapStorage()));
  const [active] = useState(activeBasemap);
  const [url, setUrl] = useState(stored?.url ?? '');
  const [attribution, setAttribution] = useState(stored?.attribution ?? '');
  const [error, setError] = useState<string | null>(null);
  const host = basemapOrigin(url.trim());
  const blocked = stored?.enabled && !active;

  const store = (enabled: boolean) => {
    const storage = basemapStorage();
    const problem = !storage ? t('basemap.noStorage') : enabled ? saveBasemap(storage, { url, attribution, enabled }) : disableBasemap(storage);
    setError(problem);
    if (!problem) reload();
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    store(true);
  };

  return (
    <details className="basemap-settings">
      <summary>{active ? t('basemap.on', { host: new URL(active.origin).host }) : t('basemap.off')}</summary>
      <form onSubmit={onSubmit} aria-label={t('basemap.label')}>
        <label htmlFor={`${id}-url`}>{t('basemap.url')}</label>
        <input
          id={`${id}-url`}
          type="text"
          inputMode="url"
          spellCheck={false}
          autoComplete="off"
          placeholder="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          aria-describedby={`${id}-notice`}
        />
        <label htmlFor={`${id}-attribution`}>{t('basemap.attribution')}</label>
        <input
          id={`${id}-attribution`}
          type="text"
          placeholder={t('basemap.attributionExample')}
          value={attribution}
          onChange={(e) => setAttribution(e.currentTarget.value)}
        />
        <p id={`${id}-notice`} className="basemap-notice">
          {host
            ? t('basemap.sendsTo', { host: new URL(host).host })
            : t('basemap.sends')}{' '}
          {t('basemap.reloads')}
        </p>
        {blocked && (
          <p className="basemap-error" role="alert">
            {t('basemap.blocked', { origin: stored?.origin ?? '' })}
          </p>
        )}
        {error && (
          <p className="basemap-error" role="alert">
            {error}
          </p>
        )}
        <div className="basemap-buttons">
          <button type="submit">{active ? t('basemap.save') : t('basemap.enable')}</button>
          {stored?.enabled && (
            <button type="button" onClick={() => store(false)}>
              {t('basemap.disable')}
            </button>
          )}
        </div>
      </form>
    </details>
  );
}
