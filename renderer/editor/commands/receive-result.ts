/**
 * A synthesis result arrived. It is shown only if it was made for the current revision: an older
 * one shows strokes as they no longer are (latest-wins; DESIGN.md). Never recorded — results are
 * derived from the document, so undoing an edit asks for a new result rather than restoring an
 * old one, and the undo history stays a history of what the person did.
 */
import type { AssetId, DocumentRevision } from '../../../shared/document';
import { defineCommand } from './command';

export interface ReceiveResultArgs {
  readonly assetId: AssetId;
  readonly revision: DocumentRevision;
}

export const receiveResult = defineCommand<ReceiveResultArgs>({
  id: 'receive-result',
  label: 'Result',
  history: 'ignore',
  refusal: (_state, { revision }, context) =>
    revision === context.revision
      ? null
      : `stale result for revision ${revision}; the document is at ${context.revision}`,
  perform: (draft, { assetId, revision }) => {
    draft.session.result = { assetId, revision };
  },
});
