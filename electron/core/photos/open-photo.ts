/** Opening a photo from a path or from bytes: read it (within limits), decode it, store it. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import type { OpenPhotoRequest, OpenedPhoto } from '../../../shared/photo/photo';
import { photoFileSizeRefusal } from '../../../shared/photo/photo-limits';
import type { FaceLocator } from '../faces/face-locator';
import { decodePhoto } from '../imaging/decode-photo';
import type { PhotoStore } from './photo-store';

/**
 * With a `faces` locator the answer carries the faces found and a suggested work area; a
 * detection problem never fails the open.
 */
export async function openPhoto(
  request: OpenPhotoRequest,
  store: PhotoStore,
  faces?: FaceLocator,
): Promise<Result<OpenedPhoto>> {
  const file =
    request.source === 'bytes'
      ? ok({ fileName: request.fileName, bytes: request.bytes })
      : await readPhotoFile(request.path);
  if (!file.ok) return file;

  const tooBig = photoFileSizeRefusal(file.value.bytes.byteLength);
  if (tooBig !== null) return fail('photo-too-large', `“${file.value.fileName}”: ${tooBig}`);

  const decoded = await decodePhoto(file.value.bytes, file.value.fileName);
  if (!decoded.ok) return decoded;

  const asset = store.add(decoded.value.info, file.value.bytes);
  const opened: OpenedPhoto = {
    photoId: asset.id,
    info: asset.info,
    preview: decoded.value.preview,
  };
  if (!faces) return ok(opened);
  const found = await faces.locate(file.value.bytes, asset.info);
  return ok({
    ...opened,
    faces: found.faces
      .slice(0, 64)
      .map((f) => ({ ...f, score: Math.min(1, Math.max(0, f.score)) })),
    ...(found.workArea ? { suggestedWorkArea: found.workArea } : {}),
    ...(found.landmarks ? { landmarks: found.landmarks.map(({ x, y }) => ({ x, y })) } : {}),
  });
}

async function readPhotoFile(
  filePath: string,
): Promise<Result<{ fileName: string; bytes: Uint8Array }>> {
  // A relative path would be resolved against whatever directory the app happened to start in.
  if (!path.isAbsolute(filePath)) {
    return fail('invalid-request', `The photo path must be absolute: ${filePath}`);
  }
  const fileName = path.basename(filePath);
  try {
    const stats = await stat(filePath);
    if (!stats.isFile()) return fail('photo-unreadable', `“${fileName}” is not a file.`);
    // Check the size before reading, so a huge file is never pulled into memory.
    const tooBig = photoFileSizeRefusal(stats.size);
    if (tooBig !== null) return fail('photo-too-large', `“${fileName}”: ${tooBig}`);
    return ok({ fileName, bytes: await readFile(filePath) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return fail('photo-not-found', `There is no file at ${filePath}.`);
    }
    if (code === 'EACCES' || code === 'EPERM') {
      return fail('photo-unreadable', `FaceShop is not allowed to read “${fileName}”.`);
    }
    return fail(
      'photo-unreadable',
      `“${fileName}” could not be read (${code ?? 'unknown error'}).`,
    );
  }
}
