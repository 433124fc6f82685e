import { describe, expect, it } from 'vitest';
import { fitToView } from '../../../shared/geometry/fit';

describe('fitToView', () => {
  it('shrinks a large picture to fit the narrower dimension and centres it', () => {
    const fit = fitToView({ width: 4000, height: 3000 }, { width: 1000, height: 1000 }, 0);
    expect(fit.zoom).toBe(0.25);
    expect(fit.offsetX).toBe(0);
    expect(fit.offsetY).toBe(125);
  });

  it('keeps the margin free', () => {
    const fit = fitToView({ width: 1000, height: 500 }, { width: 548, height: 800 }, 24);
    expect(fit.zoom).toBe(0.5);
    expect(fit.offsetX).toBe(24);
  });

  it('does not enlarge a small picture past 100 %', () => {
    const fit = fitToView({ width: 200, height: 100 }, { width: 1000, height: 600 }, 24);
    expect(fit).toEqual({ zoom: 1, offsetX: 400, offsetY: 250 });
  });

  it('survives degenerate sizes', () => {
    expect(fitToView({ width: 0, height: 10 }, { width: 100, height: 100 }).zoom).toBe(1);
    expect(
      fitToView({ width: 100, height: 100 }, { width: 0, height: 0 }, 24).zoom,
    ).toBeGreaterThan(0);
  });
});
