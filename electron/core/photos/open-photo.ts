/** Opening a photo from a path or from bytes: read it (within limits), decode it, store it. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../../shared/ipc/result';
import type { OpenPhotoRequest, OpenedPhoto } from '../../../shared/photo/photo';
import { photoFileSizeRefusal } from '../../../shared/photo/photo-limits';
import { decodePhoto } from '../imaging/decode-photo';
import type { PhotoStore } from './photo-store';

export async function openPhoto(
  request: OpenPhotoRequest,
  store: PhotoStore,
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
  return ok({ photoId: asset.id, info: asset.info, preview: decoded.value.preview });
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
