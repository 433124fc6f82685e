/**
 * The browser host's stand-in for the preload. Loaded by the host before the app's script, it
 * puts the same bridge on `window`, built by the same contract client, with a transport that
 * POSTs each call to the host in the binary wire format. The host has no native menu, so no
 * events ever arrive; test hooks are always on, since the host exists for tests.
 */
import { BRIDGE_GLOBAL_NAME, type FaceshopBridge } from '../../../shared/ipc/bridge';
import { createBackendClient } from '../../../shared/ipc/client';
import { HOST_IPC_PATH_PREFIX, WIRE_CONTENT_TYPE } from '../../../shared/ipc/host-routes';
import { decodeWireMessage, encodeWireMessage } from '../../../shared/ipc/wire';

const backend = createBackendClient(async (method, payload) => {
  const response = await fetch(HOST_IPC_PATH_PREFIX + method, {
    method: 'POST',
    headers: { 'content-type': WIRE_CONTENT_TYPE },
    body: encodeWireMessage(payload),
  });
  if (response.headers.get('content-type') !== WIRE_CONTENT_TYPE) {
    throw new Error(`the host answered ${response.status} without a wire message`);
  }
  return decodeWireMessage(new Uint8Array(await response.arrayBuffer()));
});

const bridge: FaceshopBridge = Object.freeze({
  backend,
  on: () => () => {},
  testHooks: true,
});

Object.defineProperty(window, BRIDGE_GLOBAL_NAME, { value: bridge, enumerable: true });
