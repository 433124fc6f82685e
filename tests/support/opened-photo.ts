/** An OpenedPhoto as the backend answers openPhoto, for renderer tests that need only its shape. */
import type { OpenedPhoto } from '../../shared/photo/photo';

export function openedPhoto(photoId: string, width = 1000, height = 800): OpenedPhoto {
  return {
    photoId,
    info: {
      fileName: `${photoId}.png`,
      fileBytes: 1,
      format: 'png',
      width,
      height,
      orientation: 1,
      hasAlpha: false,
      hasIccProfile: false,
      hasExif: false,
    },
    preview: { bytes: new Uint8Array([1]), mimeType: 'image/png', width: 10, height: 8 },
  };
}
