/** Library words become FaceShop's sentences; FaceShop's own sentences pass through unchanged. */
import { describe, expect, it } from 'vitest';
import { inFaceShopWords } from '../../../electron/core/failure-words';

describe('inFaceShopWords', () => {
  it.each([
    ['VipsJpeg: premature end of JPEG image', /JPEG data is cut short/],
    ['vipspng: libpng read error', /PNG data is corrupt/],
    ['Load model from /x/y.onnx failed:Protobuf parsing failed.', /model file is damaged/],
    ["ENOSPC: no space left on device, write '/tmp/.x.pid.tmp'", /not enough space/],
    ['vips_resize: some internal detail', /could not be processed/],
  ])('%s', (raw, sentence) => {
    const words = inFaceShopWords(new Error(raw));
    expect(words.message).toMatch(sentence);
    expect(words.message).not.toContain(raw);
    expect(words.detail).toBe(raw);
  });

  it("keeps FaceShop's own sentences, even when they name an .onnx or a .png file", () => {
    for (const own of [
      'Model file x-faceshop-256.onnx is missing; reinstall FaceShop.',
      'the mask image is 100×80 but the photo is 120×80; they must be the same size',
    ])
      expect(inFaceShopWords(new Error(own)).message).toBe(own);
  });
});
