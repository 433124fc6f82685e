/**
 * Worker-thread entry: hosts one onnxruntime session so that inference — a synchronous native
 * call inside onnxruntime-node — never blocks the main process's event loop (IPC, menus, file
 * dialogs stay live during a 300 ms run). Tensors cross by transfer, not by copy.
 */
import { parentPort } from 'node:worker_threads';
import type * as ort from 'onnxruntime-node';
import { openSession, runSession } from './session-host';
import type { FromWorker, ToWorker } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('inference-worker must run as a worker thread');

let session: ort.InferenceSession | null = null;

function reply(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

port.on('message', (message: ToWorker) => {
  void handle(message);
});

async function handle(message: ToWorker): Promise<void> {
  if (message.type === 'open') {
    try {
      const opened = await openSession(message.modelPath, message.options);
      session = opened.session;
      reply({ type: 'opened', info: opened.info });
    } catch (error) {
      reply({
        type: 'open-failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
    return;
  }
  if (!session) {
    reply({ type: 'run-failed', id: message.id, message: 'the model is not loaded' });
    return;
  }
  const started = performance.now();
  try {
    const output = await runSession(session, message.feeds, message.outputName);
    reply({ type: 'result', id: message.id, output, ms: performance.now() - started }, [
      output.data.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    reply({
      type: 'run-failed',
      id: message.id,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
