import { describe, expect, it } from 'vitest';
import { stageProgress } from '../../src/app/stageProgress';
import { translator } from '../../src/i18n/translator';

describe('stageProgress', () => {
  it('stageProgress(key, values, fraction) writes the English text the interface writes in English', () => {
    const progress = stageProgress('loadingFeatures', { done: 64, n: 19478 }, 0.5);
    expect(progress).toEqual({ stage: 'Loading features 64 / 19478', key: 'loadingFeatures', values: { done: 64, n: 19478 }, fraction: 0.5 });
    expect(translator('en')(`load.stages.${progress.key}`, progress.values)).toBe(progress.stage);
    expect(stageProgress('reading', { file: 'wards.geojson', size: '1.2 MB' }, 0).stage).toBe('Reading wards.geojson (1.2 MB)');
    expect(stageProgress('preparing', {}, null).stage).toBe('Preparing the preview');
  });

  it('stageProgress(key, values) is translated from its key and values', () => {
    const { key, values } = stageProgress('parsing', { file: 'sectors.geojson' }, null);
    expect(translator('fr')(`load.stages.${key}`, values)).toBe('Analyse de sectors.geojson');
    expect(translator('nl')(`load.stages.${key}`, values)).toBe('sectors.geojson wordt ontleed');
  });
});
