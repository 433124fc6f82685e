/**
 * The preload: exposes exactly the bridge built from the contract — the backend API, the
 * contract's events and the test-hooks flag — and nothing else. No channel names, no
 * ipcRenderer, no Node. It runs sandboxed, so it is bundled into one CommonJS file.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  BRIDGE_GLOBAL_NAME,
  TEST_HOOKS_SWITCH,
  parseEventPayload,
  type FaceshopBridge,
} from '../../shared/ipc/bridge';
import { createBackendClient } from '../../shared/ipc/client';
import { backendContract, eventContract } from '../../shared/ipc/contract';

const bridge: FaceshopBridge = {
  backend: createBackendClient((method, payload) =>
    ipcRenderer.invoke(backendContract[method].channel, payload),
  ),
  on(event, listener) {
    const channel = eventContract[event].channel;
    const relay = (_event: IpcRendererEvent, payload: unknown) => {
      const parsed = parseEventPayload(event, payload);
      if (parsed !== undefined) listener(parsed);
    };
    ipcRenderer.on(channel, relay);
    return () => {
      ipcRenderer.removeListener(channel, relay);
    };
  },
  testHooks: process.argv.includes(TEST_HOOKS_SWITCH),
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, bridge);
