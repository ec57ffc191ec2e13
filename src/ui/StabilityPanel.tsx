import { useState } from 'react';

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

const FIELDS: { key: keyof StabilitySettings; label: string; min: number; max: number; step: number }[] = [
  { key: 'draws', label: 'Draws', min: 100, max: 5000, step: 100 },
  { key: 'concentration', label: 'Concentration (higher = weights vary less)', min: 1, max: 10000, step: 1 },
  { key: 'topK', label: 'Top k', min: 1, max: 1000, step: 1 },
];

/**
 * Rank stability: how sure the ranking is when the weights are not exactly right. Runs in a worker
 * with progress; the UI stays usable.
 */
export function StabilityPanel({ settings, onSettings, progress, status, onRun, onCancel }: StabilityPanelProps) {
  const [text, setText] = useState<Record<string, string>>({});
  return (
    <section className="panel stability" aria-label="Rank stability">
      <h2>Rank stability</h2>
      <p className="hint">Perturbs the weights at random around the chosen ones and ranks again, many times.</p>
      <div className="stability-fields">
        {FIELDS.map((f) => (
          <label key={f.key}>
            {f.label}
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
          Run stability
        </button>
      ) : (
        <div className="stability-progress">
          <progress max={settings.draws} value={progress} aria-label="Stability draws done" />
          <span>
            {progress} / {settings.draws}
          </span>
          <button type="button" onClick={onCancel}>
            Cancel
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
