/** Sending contract events from main to a window's page, typed by the contract. */
import type { BrowserWindow } from 'electron';
import { eventContract, type EventName, type EventPayload } from '../../shared/ipc/contract';

export function sendAppEvent<E extends EventName>(
  window: BrowserWindow,
  event: E,
  payload: EventPayload<E>,
): void {
  window.webContents.send(eventContract[event].channel, payload);
}
