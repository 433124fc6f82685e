/**
 * File → Export…: the edited photo at full resolution. The person picks the format (the
 * default comes from Preferences) and, for JPEG and WebP, the quality; lossy output is always
 * stated, never chosen silently. With a native save dialog (Electron) the backend asks where
 * to write; in the browser host the page asks for a full path. The render runs on the backend
 * (a few seconds for a large photo), so the dialog stays open with a progress line and shows
 * a failure in place, with nothing lost.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { FaceDocument } from '../../shared/document/document';
import {
  EXPORT_FORMATS,
  EXPORT_FORMAT_LABELS,
  ExportFormatSchema,
  isAbsolutePathText,
  suggestedExportName,
  type ExportFormat,
  type ExportedPhoto,
} from '../../shared/export/export-api';
import type { Settings } from '../../shared/settings/settings';
import { backend } from '../bridge/backend';
import { ModalDialog } from './ModalDialog';

interface ExportDialogProps {
  /** The document as it is now (read when Export is pressed). */
  readonly getDocument: () => FaceDocument | null;
  readonly photoFileName: string;
  readonly photoSize: { readonly width: number; readonly height: number };
  /** The backend shows a native save dialog; otherwise the page asks for a path. */
  readonly nativeDialog: boolean;
  readonly defaults: Pick<Settings, 'exportFormat' | 'jpegQuality' | 'webpQuality'> | null;
  readonly onExported: (exported: ExportedPhoto) => void;
  readonly onClose: () => void;
}

export function ExportDialog(props: ExportDialogProps) {
  const { defaults, photoFileName, photoSize, nativeDialog } = props;
  const [format, setFormat] = useState<ExportFormat>(defaults?.exportFormat ?? 'jpeg');
  const [jpegQuality, setJpegQuality] = useState(defaults?.jpegQuality ?? 95);
  const [webpLossless, setWebpLossless] = useState(true);
  const [webpQuality, setWebpQuality] = useState(defaults?.webpQuality ?? 90);
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pathInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!nativeDialog) pathInput.current?.focus();
  }, [nativeDialog]);

  const suggested = suggestedExportName(photoFileName, format);
  const trimmed = path.trim();
  const absolute = isAbsolutePathText(trimmed);
  const quality =
    format === 'jpeg' ? jpegQuality : format === 'webp' && !webpLossless ? webpQuality : undefined;
  const lossy = quality !== undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const document = props.getDocument();
    if (busy || document === null) return;
    if (!nativeDialog && !absolute) {
      setError('Type the full path of the file to write, e.g. /home/me/Pictures/' + suggested);
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await backend.exportPhoto({
      document,
      format,
      ...(quality === undefined ? {} : { quality }),
      ...(nativeDialog ? { suggestedName: suggested } : { path: trimmed }),
    });
    setBusy(false);
    if (!answer.ok) {
      setError(answer.error.message);
      return;
    }
    if (answer.value === null) return; // the save dialog was cancelled: stay, change nothing
    props.onExported(answer.value);
  };

  return (
    <ModalDialog
      title="Export photo"
      testId="export-dialog"
      onClose={() => {
        if (!busy) props.onClose();
      }}
      footer={
        <>
          <span className="modal__dim modal__footer-note" data-testid="export-progress">
            {busy
              ? `Rendering ${photoSize.width}×${photoSize.height} and writing the file…`
              : `${photoSize.width}×${photoSize.height}, full resolution`}
          </span>
          <button type="button" className="toolbar__button" onClick={props.onClose} disabled={busy}>
            Cancel
          </button>
          <button
            type="submit"
            form="export-form"
            className="toolbar__button modal__primary"
            disabled={busy}
            data-testid="export-submit"
          >
            {busy ? 'Exporting…' : nativeDialog ? 'Export…' : 'Export'}
          </button>
        </>
      }
    >
      <form id="export-form" className="preferences" onSubmit={(e) => void submit(e)}>
        <label>
          Format
          <select
            value={format}
            data-testid="export-format"
            onChange={(e) => setFormat(ExportFormatSchema.parse(e.currentTarget.value))}
          >
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>
                {EXPORT_FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
        </label>
        {format === 'jpeg' && (
          <label>
            Quality {jpegQuality}
            <input
              type="range"
              min={50}
              max={100}
              value={jpegQuality}
              data-testid="export-quality"
              onChange={(e) => setJpegQuality(Number(e.currentTarget.value))}
            />
          </label>
        )}
        {format === 'webp' && (
          <>
            <label>
              Lossless
              <input
                type="checkbox"
                checked={webpLossless}
                style={{ minWidth: 0 }}
                onChange={(e) => setWebpLossless(e.currentTarget.checked)}
              />
            </label>
            {!webpLossless && (
              <label>
                Quality {webpQuality}
                <input
                  type="range"
                  min={50}
                  max={100}
                  value={webpQuality}
                  onChange={(e) => setWebpQuality(Number(e.currentTarget.value))}
                />
              </label>
            )}
          </>
        )}
        <p className="modal__dim" data-testid="export-lossiness">
          {lossy
            ? `Lossy: ${format === 'jpeg' ? 'JPEG' : 'WebP'} at quality ${quality}${format === 'jpeg' && (quality ?? 0) >= 90 ? ', full-resolution colour' : ''}.`
            : 'Lossless: every pixel outside the edit stays exactly as in the photo.'}{' '}
          The photo’s EXIF data is kept.
        </p>
        {!nativeDialog && (
          <label>
            Save as
            <input
              ref={pathInput}
              type="text"
              value={path}
              spellCheck={false}
              placeholder={`/home/me/Pictures/${suggested}`}
              data-testid="export-path"
              onChange={(e) => setPath(e.currentTarget.value)}
            />
          </label>
        )}
        {error !== null && (
          <p className="modal__error" role="alert" data-testid="export-error">
            {error}
          </p>
        )}
      </form>
    </ModalDialog>
  );
}

/** "4.2 MB", "830 KB": a file size for a message. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} KB`;
  return `${bytes} bytes`;
}
