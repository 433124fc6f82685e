/**
 * One table from what a library says to what a person reads. libvips, libpng, libjpeg and
 * onnxruntime describe their failures in their own words ("VipsJpeg: premature end of JPEG
 * image", "Protobuf parsing failed"); FaceShop says what happened and what to do. The raw text
 * stays available to logs (`detail`), never in the sentence.
 */
export interface FailureWords {
  /** The sentence for the person. */
  readonly message: string;
  /** The library's own text, for a log. */
  readonly detail: string;
}

const TABLE: ReadonlyArray<readonly [RegExp, (what: string) => string]> = [
  [
    /VipsJpeg|premature end of JPEG|Corrupt JPEG|JPEG datastream|Bogus marker/i,
    (what) =>
      `${what} is damaged: its JPEG data is cut short or corrupt. Open or export it again from the original.`,
  ],
  [
    /vipspng|libpng|PNG (?:file|image|signature)|IDAT|CRC error/i,
    (what) =>
      `${what} is damaged: its PNG data is corrupt. Open or export it again from the original.`,
  ],
  [
    /TIFFRead|tiff2vips|vips_tiff|TIFF directory/i,
    (what) => `${what} is damaged: its TIFF data cannot be read.`,
  ],
  [
    /webp2vips|WebPDecode|vips_webp|unable to (?:parse|decode) (?:WebP|image)/i,
    (what) => `${what} is damaged: its WebP data cannot be read.`,
  ],
  [
    /heif2vips|heif_|libheif/i,
    (what) => `${what} is damaged or uses a HEIF/AVIF variant FaceShop cannot read.`,
  ],
  [
    // onnxruntime's own voice only: FaceShop's model messages name .onnx files themselves.
    /Protobuf parsing failed|Load model from .* failed|\[ONNXRuntime|onnxruntime/i,
    () =>
      'The model file is damaged or is not a FaceShop model; reinstall FaceShop or pass the right --model.',
  ],
  [/ENOSPC|EDQUOT|no space left/i, () => 'There is not enough space on the disk.'],
  [/EACCES|EPERM|permission denied/i, () => 'FaceShop is not allowed to read or write that file.'],
  [/ENOENT|no such file/i, () => 'The file or folder does not exist.'],
  [
    /out of memory|Cannot allocate|ENOMEM/i,
    () => 'There is not enough memory for this photo at this size.',
  ],
  [
    /Input image exceeds pixel limit|exceeds pixel limit/i,
    (what) => `${what} is larger than FaceShop edits (100 megapixels at most).`,
  ],
];

/** Library messages start like these; FaceShop's own sentences do not. */
const LIBRARY_VOICE =
  /^(?:Vips|vips|lib|Protobuf|Load model|Input |Error:|\[ONNXRuntime|E[A-Z]{2,}:)|::|\bvips_/;

/**
 * `error` in FaceShop's words. A message FaceShop itself wrote (a sentence that matches no
 * library pattern) is kept as it is.
 */
export function inFaceShopWords(error: unknown, what = 'The photo'): FailureWords {
  const detail = error instanceof Error ? error.message : String(error);
  for (const [pattern, say] of TABLE)
    if (pattern.test(detail)) return { message: say(what), detail };
  if (LIBRARY_VOICE.test(detail))
    return { message: `${what} could not be processed (an internal error; see the log).`, detail };
  return { message: detail, detail };
}
