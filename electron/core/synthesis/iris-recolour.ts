/**
 * The iris tool's finish at full resolution: where the photo already has an iris under a mark,
 * the edit keeps that eye — its pupil, fibres, limbal ring, catchlight, lids and lashes, at the
 * photo's own sharpness — and moves the iris's colour (and part of its brightness) to the
 * mark's colour, as a retoucher's colour layer would. The network's rendering of an iris from a
 * colour ring came out as a milky disc without pupil or catchlight (sheet in the issue 16 note);
 * the photo's own iris is the better source whenever there is one.
 *
 * Per mark, over the photo's pixels in the work window:
 * - the photo's iris: the circle near the mark (centre within 0.6 radii, radius 0.7–1.3) across
 *   whose left and right edges the eye gets lightest (`findIris`); none → nothing here, the
 *   network's rendering stands (an eye drawn where the photo has none);
 * - over the mark's own mask disc the photo's pixels replace the network's; inside the iris
 *   circle, pixels not much lighter than the iris's median (lids and sclera are) and not much
 *   darker (lashes, the limbal ring) move in CIELAB: lightness by part of the step from the
 *   iris's mean to the colour's, chroma by most of it, each keeping its difference from the mean
 *   (the texture); the pupil (very dark) and the catchlight (very bright) keep their own values.
 */
import { hexToRgb, type HexColor, type Rgb } from '../../../shared/document/color';
import type { FaceDocument } from '../../../shared/document/document';
import { IRIS_MASK_RADII } from '../../../shared/document/iris';
import { networkLayers } from '../../../shared/document/network-view';

export interface IrisToRecolour {
  /** Photo pixels. */
  readonly x: number;
  readonly y: number;
  readonly radius: number;
  readonly color: HexColor;
}

export interface RecolourPlan {
  /** Per window pixel, 0–1: how much of `rgb` replaces the composite there. */
  readonly weight: Float32Array;
  /** Per window pixel, interleaved RGB: the recoloured photo. */
  readonly rgb: Uint8Array;
}

/**
 * The iris marks of the document's visible iris layers, as the finish stage takes them — except
 * where the person is redrawing that eye: a sketch line or a pasted region within the mark's
 * mask disc means the network's new eye is wanted there, not the photo's old one recoloured.
 */
export function irisesToRecolour(document: FaceDocument): IrisToRecolour[] {
  const layers = networkLayers(document);
  const drawn: { x: number; y: number }[] = [];
  for (const layer of layers) {
    if (layer.kind === 'sketch')
      for (const stroke of layer.strokes) if (stroke.tool === 'paint') drawn.push(...stroke.points);
    if (layer.kind === 'pasted-region') drawn.push({ x: layer.transform.x, y: layer.transform.y });
  }
  return layers.flatMap((layer) =>
    layer.kind === 'iris'
      ? layer.marks
          .filter(
            (mark) =>
              !drawn.some(
                (p) =>
                  Math.hypot(p.x - mark.center.x, p.y - mark.center.y) <=
                  IRIS_MASK_RADII * mark.radius,
              ),
          )
          .map((mark) => ({
            x: mark.center.x,
            y: mark.center.y,
            radius: mark.radius,
            color: mark.color,
          }))
      : [],
  );
}

/** Share of the step from the iris's mean lightness to the colour's that is taken. */
const LIGHTNESS_SHIFT = 0.5;
/** Share of the step from the iris's mean chroma to the colour's (a little short of it). */
const CHROMA_SHIFT = 0.7;
/** The photo's iris edge must be at least this much darker than the white of the eye (L). */
const MIN_EDGE_CONTRAST = 8;
/** Inside the iris, pixels this much lighter than its median are lid or sclera, not iris. */
const LIGHTER_THAN_IRIS = 14;

interface Circle {
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

/**
 * The photo's own iris near a mark: the circle (centre within 0.6 radii of the mark's, radius
 * 0.7–1.3 of it) across whose edge the eye gets lightest, on both its left and its right side
 * (where the lids do not cover it; the weaker side counts). Null when no edge stands out.
 */
function findIris(lab: Float32Array, width: number, height: number, mark: Circle): Circle | null {
  const L = (x: number, y: number): number | null => {
    const px = Math.round(x);
    const py = Math.round(y);
    return px < 0 || py < 0 || px >= width || py >= height
      ? null
      : (lab[3 * (py * width + px)] as number);
  };
  // Left and right of the centre, where the lids do not cover the iris: both edges must show.
  const sides = [0, Math.PI].map((mid) =>
    [-3, -2, -1, 0, 1, 2, 3].map((k) => mid + (k * Math.PI) / 14),
  );
  let best: { circle: Circle; contrast: number } | null = null;
  for (let dy = -0.6; dy <= 0.6001; dy += 0.1)
    for (let dx = -0.6; dx <= 0.6001; dx += 0.1)
      for (let k = 0.7; k <= 1.3001; k += 0.05) {
        const circle = { x: mark.x + dx * mark.r, y: mark.y + dy * mark.r, r: k * mark.r };
        let contrast = Infinity;
        for (const side of sides) {
          let sum = 0;
          let count = 0;
          for (const a of side) {
            const c = Math.cos(a);
            const sn = Math.sin(a);
            const at = (k: number) => L(circle.x + k * circle.r * c, circle.y + k * circle.r * sn);
            const i = at(0.88);
            // The white of the eye just outside the edge: where it is narrow (an eye's corner)
            // the lashes begin soon after it.
            const o1 = at(1.06);
            const o2 = at(1.14);
            if (i === null || o1 === null || o2 === null) continue;
            sum += Math.max(o1, o2) - i;
            count++;
          }
          contrast = Math.min(contrast, count < 4 ? -Infinity : sum / count);
        }
        if (best === null || contrast > best.contrast) best = { circle, contrast };
      }
  return best !== null && best.contrast >= MIN_EDGE_CONTRAST ? best.circle : null;
}

/**
 * `original`: the photo's RGB over the window `win` (photo pixels). For each mark over a photo
 * iris, the plan covers the mark's own mask disc: the photo itself there, its iris recoloured.
 * Null when no mark lies over an iris.
 */
export function planIrisRecolour(
  original: Uint8Array,
  win: {
    readonly left: number;
    readonly top: number;
    readonly width: number;
    readonly height: number;
  },
  irises: readonly IrisToRecolour[],
): RecolourPlan | null {
  const n = win.width * win.height;
  const lab = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) {
    const [l, a, b] = rgbToLab(
      original[3 * i] ?? 0,
      original[3 * i + 1] ?? 0,
      original[3 * i + 2] ?? 0,
    );
    lab[3 * i] = l;
    lab[3 * i + 1] = a;
    lab[3 * i + 2] = b;
  }
  const weight = new Float32Array(n);
  const rgb = new Uint8Array(original);
  let any = false;
  for (const mark of irises) {
    const iris = findIris(lab, win.width, win.height, {
      x: mark.x - win.left,
      y: mark.y - win.top,
      r: mark.radius,
    });
    if (iris === null) continue;
    any = true;
    const reach = IRIS_MASK_RADII * mark.radius;
    const mx = mark.x - win.left;
    const my = mark.y - win.top;
    const x0 = Math.max(0, Math.floor(Math.min(mx - reach, iris.x - iris.r)));
    const x1 = Math.min(win.width - 1, Math.ceil(Math.max(mx + reach, iris.x + iris.r)));
    const y0 = Math.max(0, Math.floor(Math.min(my - reach, iris.y - iris.r)));
    const y1 = Math.min(win.height - 1, Math.ceil(Math.max(my + reach, iris.y + iris.r)));
    // The iris's median lightness and mean colour, from its inner part.
    const lights: number[] = [];
    const mean = [0, 0, 0];
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) {
        const d = Math.hypot(x - iris.x, y - iris.y) / iris.r;
        if (d > 0.9 || d < 0.35) continue;
        const i = y * win.width + x;
        lights.push(lab[3 * i] as number);
      }
    if (lights.length === 0) continue;
    lights.sort((a, b) => a - b);
    const median = lights[Math.floor(lights.length / 2)] as number;
    let sum = 0;
    const irisShare = (i: number, d: number): number =>
      (1 - smoothstep(0.9, 1.02, d)) *
      (1 -
        smoothstep(
          median + LIGHTER_THAN_IRIS - 4,
          median + LIGHTER_THAN_IRIS + 4,
          lab[3 * i] as number,
        ));
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) {
        const i = y * win.width + x;
        const w = irisShare(i, Math.hypot(x - iris.x, y - iris.y) / iris.r);
        if (w <= 0) continue;
        sum += w;
        for (let c = 0; c < 3; c++) mean[c] = (mean[c] as number) + w * (lab[3 * i + c] as number);
      }
    if (sum === 0) continue;
    const [ml, ma, mb] = mean.map((v) => v / sum) as [number, number, number];
    const target = hexToRgb(mark.color);
    const [tl, ta, tb] = rgbToLab(target.r, target.g, target.b);
    for (let y = y0; y <= y1; y++)
      for (let x = x0; x <= x1; x++) {
        const i = y * win.width + x;
        // The mark's mask disc: the photo's own pixels replace the network's there.
        const disc = 1 - smoothstep(reach - 2, reach, Math.hypot(x - mx, y - my));
        if (disc <= 0 || disc <= (weight[i] as number)) continue;
        weight[i] = disc;
        const share = irisShare(i, Math.hypot(x - iris.x, y - iris.y) / iris.r);
        if (share <= 0) continue;
        const l = lab[3 * i] as number;
        // The pupil and the catchlight keep their own colour; the iris between them moves.
        // Lashes and the lid's shadow over the iris, and the limbal ring, are much darker than
        // the iris: they keep their own (neutral) dark, or lashes would turn the iris's colour.
        const d = Math.hypot(x - iris.x, y - iris.y) / iris.r;
        const dark = d > 0.4 ? smoothstep(median - 16, median - 6, l) : 1;
        const move = share * dark * smoothstep(8, 20, l) * (1 - smoothstep(80, 92, l));
        const out = labToRgb(
          l + move * LIGHTNESS_SHIFT * (tl - ml),
          (lab[3 * i + 1] as number) + move * CHROMA_SHIFT * (ta - ma),
          (lab[3 * i + 2] as number) + move * CHROMA_SHIFT * (tb - mb),
        );
        rgb[3 * i] = out.r;
        rgb[3 * i + 1] = out.g;
        rgb[3 * i + 2] = out.b;
      }
  }
  return any ? { weight, rgb } : null;
}

function smoothstep(from: number, to: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - from) / (to - from)));
  return t * t * (3 - 2 * t);
}

// ── sRGB ⇄ CIELAB (D65) ─────────────────────────────────────────────────────────────────────

const WHITE = [0.95047, 1, 1.08883] as const;

function toLinear(v: number): number {
  const c = v / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function fromLinear(c: number): number {
  const v = c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055;
  return Math.min(255, Math.max(0, Math.round(v * 255)));
}

function f(t: number): number {
  return t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116;
}

function fInverse(t: number): number {
  return t ** 3 > 216 / 24389 ? t ** 3 : (116 * t - 16) / (24389 / 27);
}

export function rgbToLab(r8: number, g8: number, b8: number): [number, number, number] {
  const r = toLinear(r8);
  const g = toLinear(g8);
  const b = toLinear(b8);
  const x = f((0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / WHITE[0]);
  const y = f(0.2126729 * r + 0.7151522 * g + 0.072175 * b);
  const z = f((0.0193339 * r + 0.119192 * g + 0.9503041 * b) / WHITE[2]);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

export function labToRgb(l: number, a: number, b: number): Rgb {
  const fy = (l + 16) / 116;
  const x = WHITE[0] * fInverse(fy + a / 500);
  const y = fInverse(fy);
  const z = WHITE[2] * fInverse(fy - b / 200);
  return {
    r: fromLinear(3.2404542 * x - 1.5371385 * y - 0.4985314 * z),
    g: fromLinear(-0.969266 * x + 1.8760108 * y + 0.041556 * z),
    b: fromLinear(0.0556434 * x - 0.2040259 * y + 1.0572252 * z),
  };
}
