/** Which keyboard conventions apply (Cmd on macOS, Ctrl elsewhere). */
export const isMac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
