/** Colors as the document stores them: `#rrggbb`, lower case, so equal colors compare equal. */
import { z } from 'zod';

export type HexColor = string;

export const HexColorSchema = z
  .string()
  .regex(/^#[0-9a-f]{6}$/, 'expected a color as #rrggbb in lower case');

export interface Rgb {
  /** 0–255 each. */
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/**
 * Accepts what people type or paste (`#abc`, `ABCDEF`, `#AbCdEf`) and returns the canonical
 * form, or null when it is not a color.
 */
export function normalizeHexColor(input: string): HexColor | null {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(input.trim());
  const digits = match?.[1]?.toLowerCase();
  if (digits === undefined) return null;
  const full = digits.length === 3 ? [...digits].map((digit) => digit + digit).join('') : digits;
  return `#${full}`;
}

export function rgbToHex({ r, g, b }: Rgb): HexColor {
  const channel = (value: number): string =>
    Math.round(Math.min(255, Math.max(0, value)))
      .toString(16)
      .padStart(2, '0');
  return `#${channel(r)}${channel(g)}${channel(b)}`;
}

export function hexToRgb(color: HexColor): Rgb {
  const value = Number.parseInt(color.slice(1), 16);
  return { r: (value >> 16) & 0xff, g: (value >> 8) & 0xff, b: value & 0xff };
}
