/**
 * Main trusts a call only if it comes from the top frame of one of the app's own windows
 * showing the app's own page. A frame that navigated elsewhere, an iframe, or a window the app
 * did not create is refused before the payload is even parsed.
 */
import { BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { isAppUrl } from './app-origin';

export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  if (BrowserWindow.fromWebContents(event.sender) === null) return false;
  return isAppUrl(frame.url);
}
