/**
 * Opening a paste source: a photo (its bytes go to the backend, which keeps it beside the
 * target) or a FaceShop project, whose photo becomes the source with the work area the project
 * framed it with. A photo gets the face detector's suggested work area when the backend sends
 * one, else the editor's default square; either way the person can adjust it.
 */
import { defaultWorkArea, type WorkArea } from '../../shared/document';
import type { BackendApi } from '../../shared/ipc/contract';
import { fail, ok, type Result } from '../../shared/ipc/result';
import type { OpenedPhoto } from '../../shared/photo/photo';
import { photoFileSizeRefusal } from '../../shared/photo/photo-limits';
import type { HeldPasteSource } from '../workspace/paste-source-slot';
import { isProjectFileName } from '../workspace/project-files';

export type PasteSource = HeldPasteSource;

type Backend = Pick<BackendApi, 'openPhoto' | 'openProject'>;

/** The detector's square when the backend sent one (a field of newer backends), else the default. */
export function initialSourceArea(photo: OpenedPhoto): WorkArea {
  const ref = { assetId: photo.photoId, width: photo.info.width, height: photo.info.height };
  const suggested = (photo as { readonly suggestedWorkArea?: WorkArea | null }).suggestedWorkArea;
  return suggested ?? defaultWorkArea(ref);
}

export async function openPasteSource(backend: Backend, file: File): Promise<Result<PasteSource>> {
  const fileName = file.name || 'Untitled';
  let bytes: Uint8Array;
  try {
    if (!isProjectFileName(fileName)) {
      const tooBig = photoFileSizeRefusal(file.size);
      if (tooBig !== null) return fail('photo-too-large', `“${fileName}”: ${tooBig}`);
    }
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return fail('photo-unreadable', `“${fileName}” could not be read from disk.`);
  }
  if (isProjectFileName(fileName)) {
    const opened = await backend.openProject({ source: 'bytes', fileName, bytes });
    if (!opened.ok) return opened;
    const { document, photos } = opened.value;
    const photo = photos.find((p) => p.photoId === document.photo.assetId) ?? photos[0];
    if (!photo) return fail('project-unreadable', `“${fileName}” holds no photo.`);
    return ok({ photo, workArea: document.workArea, fileName, from: 'project' });
  }
  const opened = await backend.openPhoto({ source: 'bytes', fileName, bytes });
  if (!opened.ok) return opened;
  return ok({
    photo: opened.value,
    workArea: initialSourceArea(opened.value),
    fileName,
    from: 'photo',
  });
}
