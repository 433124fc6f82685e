/**
 * How the browser test host and its in-page shim talk: one POST per call to
 * `<prefix><method name>`, bodies in the binary wire format (./wire.ts) both ways.
 */
export const HOST_IPC_PATH_PREFIX = '/__faceshop/ipc/';
export const HOST_SHIM_PATH = '/__faceshop/shim.js';
export const WIRE_CONTENT_TYPE = 'application/x-faceshop-wire';
