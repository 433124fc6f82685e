import { z } from 'zod';

/**
 * Binary data crossing the boundary: any Uint8Array, including a Node Buffer (a subclass) and a
 * view into a larger buffer. Never base64 text or an array of numbers.
 */
export const BytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, {
  message: 'expected binary data (a Uint8Array)',
});
