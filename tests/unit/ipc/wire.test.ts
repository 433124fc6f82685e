import { describe, expect, it } from 'vitest';
import { decodeWireMessage, encodeWireMessage, WireFormatError } from '../../../shared/ipc/wire';

describe('wire format', () => {
  it('round-trips JSON values with binary blobs at any depth, without base64', () => {
    const preview = new Uint8Array([0, 1, 2, 253, 254, 255]);
    const value = {
      ok: true,
      value: { photoId: 'x', preview: { bytes: preview, width: 3 }, list: [new Uint8Array([9])] },
    };
    const message = encodeWireMessage(value);
    // Binary stays binary: the encoded size is the blobs plus a small JSON skeleton.
    expect(message.byteLength).toBeLessThan(preview.byteLength + 200);
    const decoded = decodeWireMessage(message) as typeof value;
    expect(decoded).toEqual(value);
    expect(decoded.value.preview.bytes).toBeInstanceOf(Uint8Array);
  });

  it('carries undefined (a method without a request) as undefined, not null', () => {
    expect(decodeWireMessage(encodeWireMessage(undefined))).toBeUndefined();
    expect(decodeWireMessage(encodeWireMessage(null))).toBeNull();
  });

  it('carries non-ASCII text', () => {
    const value = { fileName: 'Portrait – Zoë 写真.jpg' };
    expect(decodeWireMessage(encodeWireMessage(value))).toEqual(value);
  });

  it('refuses values that use the reserved placeholder key', () => {
    expect(() => encodeWireMessage({ $bytes: 0 })).toThrow(WireFormatError);
  });

  it.each([
    ['empty input', new Uint8Array(0)],
    ['a foreign format', new TextEncoder().encode('{"ok":true}')],
    ['a truncated message', encodeWireMessage({ bytes: new Uint8Array(64) }).subarray(0, 40)],
    ['trailing bytes', new Uint8Array([...encodeWireMessage({ a: 1 }), 0])],
  ])('rejects %s', (_name, bytes) => {
    expect(() => decodeWireMessage(bytes)).toThrow(WireFormatError);
  });

  it('rejects a placeholder that points at a missing blob', () => {
    const forged = encodeWireMessage({ a: 1 });
    const json = new TextEncoder().encode('{"a":{"$bytes":5}}');
    const message = new Uint8Array(4 + 4 + json.byteLength + 4);
    message.set(forged.subarray(0, 4));
    new DataView(message.buffer).setUint32(4, json.byteLength, true);
    message.set(json, 8);
    expect(() => decodeWireMessage(message)).toThrow(/missing blob/);
  });
});
