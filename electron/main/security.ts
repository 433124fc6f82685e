/**
 * App-wide defences that no window can opt out of, installed once. Together with the window
 * factory's web preferences they follow Electron's security checklist: every renderer is
 * sandboxed, nothing opens new windows or navigates away, no permission is ever granted, and
 * no request leaves the machine.
 */
import { app, type Session } from 'electron';

/** Call before the app is ready. */
export function installAppGuards(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // The app is a single page; any navigation (a dropped file, a link) would replace it.
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** Call once the app is ready, for each session windows use. */
export function installSessionGuards(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}
