/**
 * The source panel of smart copy-paste: drop (or open) a second photo, or a FaceShop project, to
 * copy from; frame its face with the work area (drag inside to move it, its corner handle to
 * resize it); select a region with the rectangle or the lasso, or a face-part preset placed from
 * the work area; Paste adds it to the target as a pasted-region layer. Esc drops the selection.
 *
 * The picture is an SVG with the photo's own pixel size as its viewBox, so outlines are drawn in
 * source photo pixels and the pointer maps back by one scale factor. Nothing here is Fabric: the
 * canvas stays the target's.
 */
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type DragEvent,
  type PointerEvent,
} from 'react';
import type { Point } from '../../shared/document';
import type { PasteSelection } from '../../shared/paste/paste-api';
import { selectionPolygon } from '../../shared/paste/paste-selection';
import { backend } from '../bridge/backend';
import type { Editor } from '../editor';
import { pasteRegion } from '../paste/paste-region';
import {
  appendLassoPoint,
  lassoSelection,
  movedWorkArea,
  PART_PRESETS,
  rectangleFromDrag,
  resizedWorkArea,
  workAreaGrab,
  type SourceTool,
} from '../paste/source-geometry';
import { openPasteSource, type PasteSource } from '../paste/source-opener';
import { emitAppEvent } from '../testing/app-events';
import { PanelCollapseButton } from './PanelCollapseButton';

const SOURCE_FILE_ACCEPT = 'image/*,.tif,.tiff,.heic,.heif,.avif,.faceshop';
/** Lasso point spacing in panel (CSS) pixels. */
const LASSO_STEP_PANEL_PIXELS = 3;

/**
 * The work area's resize handle, in photo pixels: a fixed share of the picture, which the panel
 * always shows at its own width (about 9 CSS pixels at the panel's usual size).
 */
function handleSize(photo: { readonly width: number; readonly height: number }): number {
  return Math.max(photo.width, photo.height) / 28;
}

type Gesture =
  | { readonly kind: 'rectangle'; readonly from: Point }
  | { readonly kind: 'lasso'; readonly points: readonly Point[] }
  | { readonly kind: 'move-area'; readonly from: Point; readonly start: PasteSource['workArea'] }
  | { readonly kind: 'resize-area'; readonly start: PasteSource['workArea'] };

interface SourcePanelProps {
  readonly editor: Editor | null;
}

const TOOLS: readonly { readonly id: SourceTool; readonly label: string }[] = [
  { id: 'rectangle', label: 'Rectangle' },
  { id: 'lasso', label: 'Lasso' },
  { id: 'work-area', label: 'Work area' },
];

export function SourcePanel({ editor }: SourcePanelProps) {
  const [source, setSource] = useState<PasteSource | null>(null);
  const [tool, setTool] = useState<SourceTool>('rectangle');
  const [selection, setSelection] = useState<PasteSelection | null>(null);
  const [gesture, setGesture] = useState<Gesture | null>(null);
  const [draft, setDraft] = useState<PasteSelection | null>(null);
  const [busy, setBusy] = useState<'opening' | 'pasting' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dropActive, setDropActive] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const svgRef = useRef<SVGSVGElement>(null);
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

  // Esc drops the selection (and a lasso or rectangle being drawn), wherever focus is.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setGesture(null);
      setDraft(null);
      setSelection(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

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
    setDraft(null);
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
    const pasted = await pasteRegion(backend, editor, source, selection);
    setBusy(null);
    if (!pasted.ok) {
      setError(pasted.error.message);
      return;
    }
    emitAppEvent('region-pasted', pasted.value);
  };

  const photoSize = source
    ? { width: source.photo.info.width, height: source.photo.info.height }
    : null;
  /** Photo pixels per panel (CSS) pixel. */
  const photoPerPanel = (): number => {
    const box = svgRef.current?.getBoundingClientRect();
    return photoSize && box && box.width > 0 ? photoSize.width / box.width : 1;
  };
  const photoPoint = (event: PointerEvent): Point => {
    const box = svgRef.current?.getBoundingClientRect();
    const scale = photoPerPanel();
    return box
      ? { x: (event.clientX - box.left) * scale, y: (event.clientY - box.top) * scale }
      : { x: 0, y: 0 };
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (!source || !photoSize || event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const p = photoPoint(event);
    if (tool === 'work-area') {
      const grab = workAreaGrab(source.workArea, p, handleSize(photoSize));
      if (grab === 'resize') setGesture({ kind: 'resize-area', start: source.workArea });
      else if (grab === 'move') setGesture({ kind: 'move-area', from: p, start: source.workArea });
      return;
    }
    setGesture(
      tool === 'rectangle' ? { kind: 'rectangle', from: p } : { kind: 'lasso', points: [p] },
    );
    setDraft(null);
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!gesture || !source || !photoSize) return;
    const p = photoPoint(event);
    switch (gesture.kind) {
      case 'rectangle':
        setDraft(rectangleFromDrag(gesture.from, p, photoSize));
        return;
      case 'lasso': {
        const points = appendLassoPoint(
          gesture.points,
          p,
          photoSize,
          LASSO_STEP_PANEL_PIXELS * photoPerPanel(),
        );
        setGesture({ kind: 'lasso', points });
        setDraft(lassoSelection(points));
        return;
      }
      case 'move-area':
        setSource({
          ...source,
          workArea: movedWorkArea(
            gesture.start,
            p.x - gesture.from.x,
            p.y - gesture.from.y,
            photoSize,
          ),
        });
        return;
      case 'resize-area':
        setSource({ ...source, workArea: resizedWorkArea(gesture.start, p, photoSize) });
        return;
    }
  };

  const onPointerUp = () => {
    if (!gesture) return;
    if (gesture.kind === 'rectangle' || gesture.kind === 'lasso') setSelection(draft);
    setGesture(null);
    setDraft(null);
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
  const onFileChosen = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (file) void open(file);
  };

  const shown = draft ?? selection;
  const outline = source && shown ? selectionPolygon(shown, source.workArea) : null;
  const area = source?.workArea;
  const handle = photoSize ? handleSize(photoSize) : 0;

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
      {source && photoSize && previewUrl && area && (
        <>
          <svg
            ref={svgRef}
            className="source-panel__picture"
            data-testid="source-picture"
            data-work-area={`${area.x},${area.y},${area.size}`}
            data-tool={tool}
            viewBox={`0 0 ${photoSize.width} ${photoSize.height}`}
            style={{ aspectRatio: `${photoSize.width} / ${photoSize.height}` }}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => {
              setGesture(null);
              setDraft(null);
            }}
          >
            <title>{source.fileName}</title>
            <image href={previewUrl} width={photoSize.width} height={photoSize.height} />
            <path
              className="source-panel__outside"
              fillRule="evenodd"
              d={`M0 0H${photoSize.width}V${photoSize.height}H0Z M${area.x} ${area.y}h${area.size}v${area.size}h${-area.size}Z`}
            />
            <rect
              className="source-panel__work-area"
              x={area.x}
              y={area.y}
              width={area.size}
              height={area.size}
              vectorEffect="non-scaling-stroke"
            />
            {tool === 'work-area' && (
              <rect
                className="source-panel__handle"
                x={area.x + area.size - handle / 2}
                y={area.y + area.size - handle / 2}
                width={handle}
                height={handle}
                vectorEffect="non-scaling-stroke"
              />
            )}
            {outline && (
              <polygon
                className="source-panel__selection"
                data-testid="source-selection"
                points={outline.map((p) => `${p.x},${p.y}`).join(' ')}
                vectorEffect="non-scaling-stroke"
              />
            )}
          </svg>
          <p className="source-panel__caption">
            {source.fileName}
            {source.from === 'project' ? ' (project photo)' : ''}
          </p>
          <div className="source-panel__tools" role="toolbar" aria-label="Source selection tools">
            {TOOLS.map((entry) => (
              <button
                key={entry.id}
                type="button"
                aria-pressed={tool === entry.id}
                onClick={() => setTool(entry.id)}
              >
                {entry.label}
              </button>
            ))}
          </div>
          <div className="source-panel__presets" role="group" aria-label="Face parts">
            {PART_PRESETS.map((preset) => (
              <button
                key={preset.part}
                type="button"
                aria-pressed={selection?.kind === 'face-part' && selection.part === preset.part}
                onClick={() => setSelection({ kind: 'face-part', part: preset.part })}
              >
                {preset.label}
              </button>
            ))}
          </div>
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
      <input
        ref={inputRef}
        type="file"
        accept={SOURCE_FILE_ACCEPT}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="source-file-input"
        onChange={onFileChosen}
      />
    </section>
  );
}
