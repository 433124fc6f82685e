/**
 * Seeded randomness: `seededRandom` (mulberry32) for anything that must repeat for a seed (the
 * colour walks of a paste, the detail stage's PatchMatch), and seeded standard-normal noise for
 * the model's `noise` input: the same seed gives the same variation on every machine
 * (mulberry32 + Box–Muller, both exact in IEEE doubles).
 */

/** mulberry32: uniform in [0, 1), the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seededNormal(seed: number, count: number): Float32Array {
  const random = seededRandom(seed);
  // Half a step up, so 0 never reaches the logarithm (exact: both terms are dyadic).
  const uniform = (): number => random() + 0.5 / 4294967296;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const a = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(a);
    if (i + 1 < count) out[i + 1] = r * Math.sin(a);
  }
  return out;
}
