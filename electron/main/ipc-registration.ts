/**
 * Registers the contract's handlers on ipcMain: one `handle` per contract method, each
 * checking the sender before the shared dispatcher parses the payload and calls the core.
 * Channels not in the contract have no handler, so the renderer cannot reach anything else.
 */
import { ipcMain } from 'electron';
import { backendContract, methodNames, type BackendHandlers } from '../../shared/ipc/contract';
import { createDispatcher } from '../../shared/ipc/dispatcher';
import { fail } from '../../shared/ipc/result';
import { isTrustedSender } from './sender-check';

export function registerBackendHandlers(handlers: BackendHandlers): void {
  const dispatcher = createDispatcher(handlers, (method, error) => {
    console.error(`[faceshop] ${method} failed:`, error);
  });
  for (const method of methodNames) {
    ipcMain.handle(backendContract[method].channel, (event, payload: unknown) => {
      if (!isTrustedSender(event)) {
        console.warn(
          `[faceshop] refused ${method} from ${event.senderFrame?.url ?? 'a gone frame'}`,
        );
        return fail('forbidden-sender', 'This page may not use the FaceShop backend.');
      }
      return dispatcher.dispatch(method, payload);
    });
  }
}
