import { describe, expect, it } from 'vitest';
import { dirichlet, gamma } from '../../src/model/dirichlet';
import { random } from '../../src/model/random';

describe('dirichlet', () => {
  it('dirichlet(alpha, rng) draws shares that sum to 1', () => {
    const rng = random(1);
    for (let i = 0; i < 200; i++) {
      const x = dirichlet([0.3, 2, 5, 0.01], rng);
      expect(x.every((v) => v >= 0 && v <= 1)).toBe(true);
      expect(x.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    }
  });

  it('dirichlet(alpha, rng) has mean alpha / sum(alpha)', () => {
    for (const alpha of [[1, 2, 3], [0.2, 0.5, 0.3], [50, 10, 40]]) {
      const rng = random(7);
      const total = alpha.reduce((a, b) => a + b, 0);
      const mean = alpha.map(() => 0);
      const n = 20000;
      for (let i = 0; i < n; i++) dirichlet(alpha, rng).forEach((v, j) => (mean[j] += v / n));
      mean.forEach((m, j) => expect(Math.abs(m - alpha[j] / total)).toBeLessThan(0.01));
    }
  });

  it('dirichlet(alpha, rng) stays finite when every part underflows', () => {
    const x = dirichlet([1e-6, 1e-6, 1e-6], random(3));
    expect(x.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(x.every(Number.isFinite)).toBe(true);
  });

  it('dirichlet(alpha, rng) is deterministic for a seed', () => {
    const a = random(42);
    const b = random(42);
    for (let i = 0; i < 10; i++) expect(dirichlet([1, 0.5, 3], a)).toEqual(dirichlet([1, 0.5, 3], b));
  });

  it('dirichlet(alpha, rng) rejects a shape that is not positive', () => {
    expect(() => dirichlet([1, 0], random(1))).toThrow('invalid shape: 0');
    expect(() => dirichlet([], random(1))).toThrow('invalid alpha');
  });
});

describe('gamma', () => {
  it('gamma(shape, rng) has mean and variance equal to shape', () => {
    for (const shape of [0.1, 0.5, 1, 2.5, 30]) {
      const rng = random(11);
      const n = 40000;
      let sum = 0;
      let squares = 0;
      let min = Infinity;
      for (let i = 0; i < n; i++) {
        const x = gamma(shape, rng);
        min = Math.min(min, x);
        sum += x;
        squares += x * x;
      }
      expect(min).toBeGreaterThanOrEqual(0);
      const mean = sum / n;
      const variance = squares / n - mean * mean;
      expect(Math.abs(mean - shape)).toBeLessThan(0.05 * Math.max(1, shape));
      expect(Math.abs(variance - shape)).toBeLessThan(0.1 * Math.max(1, shape));
    }
  });
});
