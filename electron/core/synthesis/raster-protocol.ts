/**
 * Messages between the backend and the rasterization worker (raster-worker.ts). Documents and
 * strokes cross by structured clone; the planes that come back cross by transfer.
 */
import type { FaceDocument } from '../../../shared/document/document';
import type { ChannelStrokes } from '../../../shared/raster/network-strokes';
import type { Prepared } from './pipeline';
import type { WorkArea } from './work-area';

export type ToRasterWorker =
  | {
      readonly type: 'prepare';
      readonly id: number;
      readonly document: FaceDocument;
      readonly resolution: number;
    }
  | {
      readonly type: 'mask-plane';
      readonly id: number;
      readonly strokes: ChannelStrokes['mask'];
      readonly area: WorkArea;
      /** A square plane of this side, or the work area's visible part at full resolution. */
      readonly target:
        | { readonly side: number }
        | { readonly photo: { readonly width: number; readonly height: number } };
    };

export type FromRasterWorker =
  | { readonly type: 'prepared'; readonly id: number; readonly prepared: Prepared }
  | { readonly type: 'plane'; readonly id: number; readonly plane: Uint8Array }
  | {
      readonly type: 'failed';
      readonly id: number;
      /** The error's class name (RasterBudgetError is raised again as itself). */
      readonly name: string;
      readonly message: string;
    };
