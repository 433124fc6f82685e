/**
 * A binary message format for carrying contract payloads over a byte stream (the browser host's
 * HTTP). Images stay binary: every `Uint8Array` in the value is lifted out of the JSON into a
 * length-prefixed blob and replaced by a `{"$bytes": index}` placeholder, so a 10 MB preview
 * costs 10 MB on the wire, not the 13.3 MB and the parse time of base64 inside JSON.
 *
 * Layout (integers are unsigned 32-bit little-endian):
 *   "FSW1" | json length | json (UTF-8) | blob count | (blob length | blob bytes)*
 * A json length of 0 stands for `undefined` (a method without a request).
 */

const MAGIC = [0x46, 0x53, 0x57, 0x31]; // "FSW1"
const PLACEHOLDER_KEY = '$bytes';

// The WHATWG Encoding API exists in every runtime that loads shared/ (Chromium, Node); shared/
// is compiled without DOM or Node typings, so it is reached through globalThis with local types.
const encoding = globalThis as unknown as {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new (
    label: string,
    options: { fatal: boolean },
  ) => { decode(bytes: Uint8Array): string };
};

export class WireFormatError extends Error {
  override readonly name = 'WireFormatError';
}

export function encodeWireMessage(value: unknown): Uint8Array<ArrayBuffer> {
  const blobs: Uint8Array[] = [];
  const json =
    value === undefined
      ? ''
      : JSON.stringify(value, function (this: unknown, key: string, item: unknown) {
          // `item` has already been through toJSON(), which turns a Node Buffer (a Uint8Array)
          // into an array of numbers; the holder still has the original.
          const original = (this as Record<string, unknown>)[key];
          if (original instanceof Uint8Array) {
            blobs.push(original);
            return { [PLACEHOLDER_KEY]: blobs.length - 1 };
          }
          if (isPlainRecord(item) && Object.hasOwn(item, PLACEHOLDER_KEY)) {
            throw new WireFormatError(`"${PLACEHOLDER_KEY}" is a reserved key`);
          }
          return item;
        });
  const jsonBytes = new encoding.TextEncoder().encode(json);

  const size = 4 + 4 + jsonBytes.byteLength + 4 + blobs.reduce((n, b) => n + 4 + b.byteLength, 0);
  const message = new Uint8Array(size);
  const view = new DataView(message.buffer);
  let offset = 0;
  message.set(MAGIC, offset);
  offset += 4;
  view.setUint32(offset, jsonBytes.byteLength, true);
  offset += 4;
  message.set(jsonBytes, offset);
  offset += jsonBytes.byteLength;
  view.setUint32(offset, blobs.length, true);
  offset += 4;
  for (const blob of blobs) {
    view.setUint32(offset, blob.byteLength, true);
    offset += 4;
    message.set(blob, offset);
    offset += blob.byteLength;
  }
  return message;
}

/** Decodes a message; blobs come back as views into `message`, without copying. */
export function decodeWireMessage(message: Uint8Array): unknown {
  const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
  let offset = 0;
  const need = (count: number) => {
    if (offset + count > message.byteLength) throw new WireFormatError('message is truncated');
  };

  need(8);
  if (MAGIC.some((byte, i) => message[i] !== byte)) {
    throw new WireFormatError('not a FaceShop wire message');
  }
  offset = 4;
  const jsonLength = view.getUint32(offset, true);
  offset += 4;
  need(jsonLength);
  const jsonBytes = message.subarray(offset, offset + jsonLength);
  offset += jsonLength;

  need(4);
  const blobCount = view.getUint32(offset, true);
  offset += 4;
  const blobs: Uint8Array[] = [];
  for (let i = 0; i < blobCount; i++) {
    need(4);
    const length = view.getUint32(offset, true);
    offset += 4;
    need(length);
    blobs.push(message.subarray(offset, offset + length));
    offset += length;
  }
  if (offset !== message.byteLength) throw new WireFormatError('message has trailing bytes');

  if (jsonLength === 0) return undefined;
  let json: string;
  try {
    json = new encoding.TextDecoder('utf-8', { fatal: true }).decode(jsonBytes);
  } catch {
    throw new WireFormatError('message text is not UTF-8');
  }
  try {
    return JSON.parse(json, (_key, item: unknown) => {
      if (isPlainRecord(item) && Object.hasOwn(item, PLACEHOLDER_KEY)) {
        const index = item[PLACEHOLDER_KEY];
        const blob = typeof index === 'number' ? blobs[index] : undefined;
        if (blob === undefined) throw new WireFormatError('message refers to a missing blob');
        return blob;
      }
      return item;
    }) as unknown;
  } catch (error) {
    if (error instanceof WireFormatError) throw error;
    throw new WireFormatError('message text is not valid JSON');
  }
}

function isPlainRecord(item: unknown): item is Record<string, unknown> {
  return typeof item === 'object' && item !== null && !Array.isArray(item);
}
