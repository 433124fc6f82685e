/** Messages between the inference service and its worker thread (inference-worker.ts). */
import type { Feeds, SessionInfo, SessionOptions, TensorData } from './session-host';

export type ToWorker =
  | { readonly type: 'open'; readonly modelPath: string; readonly options: SessionOptions }
  | {
      readonly type: 'run';
      readonly id: number;
      readonly feeds: Feeds;
      readonly outputName: string;
    };

export type FromWorker =
  | { readonly type: 'opened'; readonly info: SessionInfo }
  | { readonly type: 'open-failed'; readonly message: string }
  | {
      readonly type: 'result';
      readonly id: number;
      readonly output: TensorData;
      readonly ms: number;
    }
  | { readonly type: 'run-failed'; readonly id: number; readonly message: string };
