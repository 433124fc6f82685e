/** Project file names: the extension every project file has, and the name a new one proposes. */
import path from 'node:path';
import { PROJECT_FILE_EXTENSION } from '../../../shared/project/project-format';
import type { PhotoAsset } from '../photos/photo-store';

/** `portrait` → `portrait.faceshop`; a path already ending in `.faceshop` is kept. */
export function withProjectExtension(file: string): string {
  return file.toLowerCase().endsWith(PROJECT_FILE_EXTENSION)
    ? file
    : `${file}${PROJECT_FILE_EXTENSION}`;
}

/** The photo's name with the project extension: `portrait.jpg` → `portrait.faceshop`. */
export function defaultProjectName(photo: PhotoAsset | undefined): string {
  const stem = photo ? path.parse(photo.info.fileName).name : '';
  return `${stem || 'Untitled'}${PROJECT_FILE_EXTENSION}`;
}
