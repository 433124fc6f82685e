/** The native save dialog for File → Export…: one filter for the chosen format. */
import { EXPORT_EXTENSIONS, EXPORT_FORMAT_LABELS } from '../../shared/export/export-api';
import type { ExportPathChooser } from '../core/export/export-handler';
import { askSavePath } from './project-dialog';

export const chooseExportPathWithDialog: ExportPathChooser = (suggestedName, format) =>
  askSavePath({
    title: 'Export photo',
    defaultPath: suggestedName,
    filters: [{ name: EXPORT_FORMAT_LABELS[format], extensions: [...EXPORT_EXTENSIONS[format]] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
