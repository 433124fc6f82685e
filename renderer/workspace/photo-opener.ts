/**
 * Opening photos from the renderer: from a dropped or chosen File (bytes go to the backend),
 * or through the backend's native dialog. Results become workspace actions and app events.
 *
 * Latest wins: if a second open starts before the first finishes (the person drops another
 * file), the first one's result is ignored when it arrives, so the screen never switches back
 * to an older photo.
 */
import type { BackendApi } from '../../shared/ipc/contract';
import { fail, type Result } from '../../shared/ipc/result';
import type { OpenedPhoto } from '../../shared/photo/photo';
import { photoFileSizeRefusal } from '../../shared/photo/photo-limits';
import { emitAppEvent } from '../app-events/app-events';
import type { WorkspaceDispatch } from './workspace-state';

export interface PhotoOpener {
  openFile(file: File): Promise<void>;
  openWithDialog(): Promise<void>;
  /** A file the backend reads by path (File → Open Recent, a double-clicked file). */
  openPath(path: string): Promise<void>;
  /** The sample photo installed with the app (the first-run screen). */
  openSample(): Promise<void>;
}

type Backend = Pick<BackendApi, 'openPhoto' | 'openPhotoFromDialog' | 'openSamplePhoto'>;

/**
 * `mayReplace`: asked once a file is known to open (a drop, a picked file, a path), before it
 * replaces the open document — so a file that cannot be opened says so without first asking
 * whether to discard unsaved work. The native dialog asks before it opens (the caller's part).
 */
export function createPhotoOpener(
  backend: Backend,
  dispatch: WorkspaceDispatch,
  mayReplace: () => boolean = () => true,
): PhotoOpener {
  let latestTicket = 0;

  async function open(
    fileName: string | null,
    load: () => Promise<Result<OpenedPhoto | null>>,
    askAfterLoad = true,
  ): Promise<void> {
    const ticket = ++latestTicket;
    dispatch({ type: 'photo-opening', fileName });
    const result = await load();
    if (ticket !== latestTicket) return;
    if (!result.ok) {
      dispatch({ type: 'failed', code: result.error.code, text: result.error.message });
    } else if (result.value === null || (askAfterLoad && !mayReplace())) {
      dispatch({ type: 'photo-open-cancelled' });
    } else {
      const { photoId, info } = result.value;
      dispatch({ type: 'photo-opened', photo: result.value });
      emitAppEvent('photo-opened', {
        photoId,
        fileName: info.fileName,
        width: info.width,
        height: info.height,
      });
    }
  }

  return {
    openFile(file) {
      const fileName = file.name || 'Untitled';
      return open(fileName, async () => {
        // Refuse before reading: a multi-gigabyte file would otherwise be pulled into memory.
        const tooBig = photoFileSizeRefusal(file.size);
        if (tooBig !== null) return fail('photo-too-large', `“${fileName}”: ${tooBig}`);
        let bytes: Uint8Array;
        try {
          bytes = new Uint8Array(await file.arrayBuffer());
        } catch {
          return fail('photo-unreadable', `“${fileName}” could not be read from disk.`);
        }
        return backend.openPhoto({ source: 'bytes', fileName, bytes });
      });
    },
    openWithDialog() {
      return open(null, () => backend.openPhotoFromDialog(), false);
    },
    openPath(path) {
      const fileName = path.split(/[\\/]/).pop() || path;
      return open(fileName, () => backend.openPhoto({ source: 'path', path }));
    },
    openSample() {
      return open('the sample photo', () => backend.openSamplePhoto());
    },
  };
}
