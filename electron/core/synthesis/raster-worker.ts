/**
 * Worker-thread entry: the document's rasterization (stage "prepare" and the person's mask at
 * the preview's or the photo's size), so that a costly document — up to MAX_RASTER_WORK pixel
 * visits, tens of seconds on a slow CPU — never freezes the main process's IPC, menus and
 * dialogs meanwhile (reliability finding 3). Requests run one after another, in arrival order.
 */
import { parentPort } from 'node:worker_threads';
import { fullResolutionMask, maskPlaneOf, prepareDocument } from './pipeline';
import type { FromRasterWorker, ToRasterWorker } from './raster-protocol';

const port = parentPort;
if (!port) throw new Error('raster-worker must run as a worker thread');

port.on('message', (message: ToRasterWorker) => {
  try {
    if (message.type === 'prepare') {
      const prepared = prepareDocument(message.document, message.resolution);
      // (Planes that share one buffer are transferred once.)
      const transfer =
        prepared.status === 'ready'
          ? [
              ...new Set(
                [prepared.guidance.mask, prepared.guidance.sketch, prepared.guidance.color].map(
                  (plane) => plane.buffer as ArrayBuffer,
                ),
              ),
            ]
          : [];
      reply({ type: 'prepared', id: message.id, prepared }, transfer);
      return;
    }
    const { target } = message;
    const plane =
      'side' in target
        ? maskPlaneOf(message.strokes, message.area, target.side)
        : fullResolutionMask(message.strokes, message.area, target.photo);
    reply({ type: 'plane', id: message.id, plane }, [plane.buffer as ArrayBuffer]);
  } catch (error) {
    reply({
      type: 'failed',
      id: message.id,
      name: error instanceof Error ? error.name : 'Error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});

function reply(message: FromRasterWorker, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}
