/** The notice on screen (Toast.tsx) and the two ways it changes: a new one, or gone. */
import { useCallback, useState } from 'react';
import type { Notice } from './Toast';

export interface Notices {
  readonly notice: Notice | null;
  readonly notify: (text: string) => void;
  readonly clear: () => void;
}

export function useNotices(): Notices {
  const [notice, setNotice] = useState<Notice | null>(null);
  const notify = useCallback(
    (text: string) => setNotice((previous) => ({ text, serial: (previous?.serial ?? 0) + 1 })),
    [],
  );
  const clear = useCallback(() => setNotice(null), []);
  return { notice, notify, clear };
}
