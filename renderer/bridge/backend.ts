/**
 * The renderer's only way to the backend. The preload (Electron) or the host shim (browser)
 * puts a bridge on `window`; this module picks it up once and hands out typed pieces of it.
 * Lint forbids touching `window.faceshop` anywhere else.
 */
import { BRIDGE_GLOBAL_NAME, type FaceshopBridge, type Unsubscribe } from '../../shared/ipc/bridge';
import type { BackendApi, EventName, EventPayload } from '../../shared/ipc/contract';

const bridge = (window as unknown as Record<string, FaceshopBridge | undefined>)[
  BRIDGE_GLOBAL_NAME
];

/** False when the page was opened without a preload or host (e.g. the HTML file directly). */
export const bridgeAvailable = bridge !== undefined;

const missingBackend = new Proxy({} as BackendApi, {
  get: () => () =>
    Promise.resolve({
      ok: false,
      error: { code: 'transport', message: 'FaceShop’s backend is not connected to this page.' },
    }),
});

export const backend: BackendApi = bridge?.backend ?? missingBackend;

export function onBackendEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): Unsubscribe {
  return bridge ? bridge.on(event, listener) : () => {};
}

export const testHooksEnabled = bridge?.testHooks ?? false;
