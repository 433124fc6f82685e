/**
 * Transports that connect a contract client to a dispatcher inside one process (STYLE.md 12),
 * each reproducing what a real boundary does to the data:
 * - `wireTransport`: the browser host's binary wire format, both ways;
 * - `structuredCloneTransport`: Electron IPC's structured clone, both ways.
 */
import type { Transport } from '../../shared/ipc/client';
import type { Dispatcher } from '../../shared/ipc/dispatcher';
import { decodeWireMessage, encodeWireMessage } from '../../shared/ipc/wire';

export function wireTransport(dispatcher: Dispatcher): Transport {
  return async (method, payload) => {
    const request = decodeWireMessage(encodeWireMessage(payload));
    const reply = await dispatcher.dispatch(method, request);
    return decodeWireMessage(encodeWireMessage(reply));
  };
}

export function structuredCloneTransport(dispatcher: Dispatcher): Transport {
  return async (method, payload) =>
    structuredClone(await dispatcher.dispatch(method, structuredClone(payload)));
}
