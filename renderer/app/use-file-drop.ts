/**
 * Dropping a file on the workspace opens it (the controller decides photo or project). A file
 * dropped anywhere else must not make the page navigate to it.
 */
import { useEffect, useState, type DragEvent } from 'react';

export interface FileDrop {
  /** A file is being dragged over the workspace (the drop hint shows). */
  readonly active: boolean;
  readonly handlers: {
    readonly onDragOver: (event: DragEvent) => void;
    readonly onDragLeave: (event: DragEvent) => void;
    readonly onDrop: (event: DragEvent) => void;
  };
}

export function useFileDrop(onFile: (file: File | undefined) => void): FileDrop {
  const [active, setActive] = useState(false);

  useEffect(() => {
    const preventNavigation = (event: globalThis.DragEvent) => event.preventDefault();
    window.addEventListener('dragover', preventNavigation);
    window.addEventListener('drop', preventNavigation);
    return () => {
      window.removeEventListener('dragover', preventNavigation);
      window.removeEventListener('drop', preventNavigation);
    };
  }, []);

  return {
    active,
    handlers: {
      onDragOver: (event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setActive(true);
      },
      onDragLeave: (event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setActive(false);
      },
      onDrop: (event) => {
        event.preventDefault();
        setActive(false);
        onFile(event.dataTransfer.files[0]);
      },
    },
  };
}
