import { useState } from 'react';
import { useLanguage } from '../i18n/useLanguage';

export interface StabilitySettings {
  draws: number;
  /** Dirichlet concentration: higher = weights stay closer to the chosen ones. */
  concentration: number;
  topK: number;
}

export interface StabilityPanelProps {
  settings: StabilitySettings;
  onSettings: (settings: StabilitySettings) => void;
  /** Draws done while a run is going; null when idle. */
  progress: number | null;
  /** A line about the last result ("1,000 draws at the current weights"), or null. */
  status: string | null;
  onRun: () => void;
  onCancel: () => void;
}

const FIELDS: { key: keyof StabilitySettings; min: number; max: number; step: number }[] = [
  { key: 'draws', min: 100, max: 5000, step: 100 },
  { key: 'concentration', min: 1, max: 10000, step: 1 },
  { key: 'topK', min: 1, max: 1000, step: 1 },
];

/**
 * Rank stability: how sure the ranking is when the weights are not exactly right. Runs in a worker
 * with progress; the UI stays usable.
 */
export function StabilityPanel({ settings, onSettings, progress, status, onRun, onCancel }: StabilityPanelProps) {
  const [text, setText] = useState<Record<string, string>>({});
  const { t } = useLanguage();
  return (
    <section className="panel stability" aria-label={t('stability.title')}>
      <h2>{t('stability.title')}</h2>
      <p className="hint">{t('stability.hint')}</p>
      <div className="stability-fields">
        {FIELDS.map((f) => (
          <label key={f.key}>
            {t(`stability.fields.${f.key}`)}
            <input
              type="number"
              min={f.min}
              max={f.max}
              step={f.step}
              value={text[f.key] ?? String(settings[f.key])}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setText((t) => ({ ...t, [f.key]: value }));
                const n = Number(value);
                if (value !== '' && Number.isFinite(n) && n >= f.min && n <= f.max) onSettings({ ...settings, [f.key]: Math.round(n) });
              }}
            />
          </label>
        ))}
      </div>
      {progress === null ? (
        <button type="button" onClick={onRun}>
          {t('stability.run')}
        </button>
      ) : (
        <div className="stability-progress">
          <progress max={settings.draws} value={progress} aria-label={t('stability.progress')} />
          <span>
            {progress} / {settings.draws}
          </span>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {status && (
        <p className="hint" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
