/**
 * The source panel of smart copy-paste: drop (or open) a second photo, or a FaceShop project, to
 * copy from; frame its face with the work area (drag inside to move it, its corner handle to
 * resize it); select a region with the rectangle or the lasso, or a face-part preset placed from
 * the work area; Paste adds it to the target as a pasted-region layer. The picture and its
 * gestures are SourcePicture.tsx; this file holds the source, the selection and the two
 * requests (open, paste).
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type DragEvent } from 'react';
import type { Point } from '../../shared/document';
import type { PasteSelection } from '../../shared/paste/paste-api';
import { backend } from '../bridge/backend';
import type { Editor } from '../editor';
import { pasteRegion } from '../paste/paste-region';
import type { SourceTool } from '../paste/source-geometry';
import { openPasteSource, type PasteSource } from '../paste/source-opener';
import type { PasteSourceSlot } from '../workspace/paste-source-slot';
import { emitAppEvent } from '../app-events/app-events';
import { HiddenFileInput } from './HiddenFileInput';
import { PanelCollapseButton } from './PanelCollapseButton';
import { SourcePicture } from './SourcePicture';
import { SourceSelectionTools } from './SourceSelectionTools';

const SOURCE_FILE_ACCEPT = 'image/*,.tif,.tiff,.heic,.heif,.avif,.faceshop';

interface SourcePanelProps {
  readonly editor: Editor | null;
  /** The target photo's face landmarks, where the backend found them: presets land on them. */
  readonly targetLandmarks: readonly Point[] | null;
  /** Where the open source is held (the editing session's), so a project keeps it. */
  readonly slot: PasteSourceSlot;
}

export function SourcePanel({ editor, targetLandmarks, slot }: SourcePanelProps) {
  const source = useSyncExternalStore(slot.subscribe, slot.get);
  const setSource = (next: PasteSource | null) => slot.set(next);
  const [tool, setTool] = useState<SourceTool>('rectangle');
  const [selection, setSelection] = useState<PasteSelection | null>(null);
  const [busy, setBusy] = useState<'opening' | 'pasting' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dropActive, setDropActive] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const previewUrl = useMemo(() => {
    if (!source) return null;
    const { preview } = source.photo;
    return URL.createObjectURL(new Blob([preview.bytes.slice()], { type: preview.mimeType }));
  }, [source]);
  useEffect(
    () => () => {
      if (previewUrl) URL.revokeObjectURL(previewUrl);
    },
    [previewUrl],
  );

  const open = async (file: File) => {
    setBusy('opening');
    setError(null);
    const opened = await openPasteSource(backend, file);
    setBusy(null);
    if (!opened.ok) {
      setError(opened.error.message);
      return;
    }
    setSource(opened.value);
    setSelection(null);
    emitAppEvent('paste-source-opened', {
      photoId: opened.value.photo.photoId,
      fileName: opened.value.fileName,
      from: opened.value.from,
      workArea: { ...opened.value.workArea },
    });
  };

  const paste = async () => {
    if (!editor || !source || !selection) return;
    setBusy('pasting');
    setError(null);
    const pasted = await pasteRegion(backend, editor, source, selection, targetLandmarks);
    setBusy(null);
    if (!pasted.ok) {
      setError(pasted.error.message);
      return;
    }
    emitAppEvent('region-pasted', pasted.value);
  };

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes('Files')) return;
    // The source panel's drop is its own: the workspace must not open the file as the target.
    event.preventDefault();
    event.stopPropagation();
    event.dataTransfer.dropEffect = 'copy';
    setDropActive(true);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setDropActive(false);
    const file = event.dataTransfer.files[0];
    if (file) void open(file);
  };

  return (
    <section
      className="source-panel"
      aria-label="Paste source"
      data-testid="source-panel"
      data-drop-active={dropActive}
      data-collapsed={collapsed}
      onDragOver={onDragOver}
      onDragLeave={() => setDropActive(false)}
      onDrop={onDrop}
    >
      <h2 className="panel-title">
        <span className="panel-title__name">
          <PanelCollapseButton
            panel="Paste source"
            collapsed={collapsed}
            onToggle={() => setCollapsed(!collapsed)}
          />
          Paste source
        </span>
        <button
          type="button"
          className="panel-title__action"
          onClick={() => inputRef.current?.click()}
          disabled={busy !== null}
        >
          Open…
        </button>
      </h2>
      {!source && (
        <p className="source-panel__hint">
          {busy === 'opening'
            ? 'Opening…'
            : 'Drop a second photo or a FaceShop project here to copy a feature from it.'}
        </p>
      )}
      {source && previewUrl && (
        <>
          <SourcePicture
            // A new source starts without a half-drawn selection.
            key={source.photo.photoId}
            source={source}
            previewUrl={previewUrl}
            tool={tool}
            selection={selection}
            onSelection={setSelection}
            onWorkArea={(workArea) => setSource({ ...source, workArea })}
          />
          <p className="source-panel__caption">
            {source.fileName}
            {source.from === 'project' ? ' (project photo)' : ''}
          </p>
          <SourceSelectionTools
            tool={tool}
            selection={selection}
            onTool={setTool}
            onSelection={setSelection}
            landmarks={source.photo.landmarks ?? null}
          />
          <button
            type="button"
            className="source-panel__paste"
            disabled={!editor || !selection || busy !== null}
            title={
              editor ? 'Paste the selection into the photo' : 'Open a photo to paste into first'
            }
            onClick={() => void paste()}
          >
            {busy === 'pasting' ? 'Pasting…' : 'Paste'}
          </button>
        </>
      )}
      {error && (
        <p className="source-panel__error" role="alert">
          {error}
        </p>
      )}
      <HiddenFileInput
        ref={inputRef}
        accept={SOURCE_FILE_ACCEPT}
        testId="source-file-input"
        onFile={(file) => void open(file)}
      />
    </section>
  );
}
