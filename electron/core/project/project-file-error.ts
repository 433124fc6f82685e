/**
 * Why a project file was refused. `reason` is for code and tests; `message` is the sentence the
 * person reads; `code` is the IPC error code it travels under.
 */
import type { ErrorCode } from '../../../shared/ipc/result';

export type ProjectRefusalReason =
  | 'not-found'
  | 'unreadable-file'
  | 'file-too-large'
  | 'not-a-zip'
  | 'too-many-entries'
  | 'entry-too-large'
  | 'total-too-large'
  | 'suspicious-ratio'
  | 'unsafe-path'
  | 'duplicate-entry'
  | 'overlapping-entries'
  | 'encrypted'
  | 'unsupported-compression'
  | 'damaged'
  | 'missing-entry'
  | 'not-a-project'
  | 'invalid-manifest'
  | 'invalid-document'
  | 'invalid-photo'
  | 'too-many-photos'
  | 'too-new'
  | 'too-old';

export class ProjectFileError extends Error {
  override readonly name = 'ProjectFileError';

  constructor(
    readonly reason: ProjectRefusalReason,
    message: string,
  ) {
    super(message);
  }

  get code(): ErrorCode {
    switch (this.reason) {
      case 'not-found':
        return 'project-not-found';
      case 'too-new':
        return 'project-too-new';
      default:
        return 'project-unreadable';
    }
  }
}
