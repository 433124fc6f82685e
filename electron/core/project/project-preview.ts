/** The thumbnail a project file carries: the document's photo, long side 512 px, as JPEG. */
import '../imaging/sharp-threads';
import sharp from 'sharp';
import { MAX_PHOTO_PIXELS } from '../../../shared/photo/photo-limits';
import { PROJECT_PREVIEW_LONG_SIDE } from '../../../shared/project/project-format';

export interface ProjectPreview {
  readonly bytes: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Quality 80: a thumbnail is looked at small; it keeps the file a few tens of kB. */
const PREVIEW_QUALITY = 80;

export async function renderProjectPreview(photo: Uint8Array): Promise<ProjectPreview> {
  const { data, info } = await sharp(photo, { limitInputPixels: MAX_PHOTO_PIXELS })
    .autoOrient()
    .resize({
      width: PROJECT_PREVIEW_LONG_SIDE,
      height: PROJECT_PREVIEW_LONG_SIDE,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .toColourspace('srgb')
    // JPEG has no alpha: transparent parts show white, as on a page.
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: PREVIEW_QUALITY })
    .toBuffer({ resolveWithObject: true });
  return { bytes: new Uint8Array(data), width: info.width, height: info.height };
}
