/**
 * What each change does to the undo history. Every command declares one (STYLE.md 6); the store
 * enforces that a change which touches the document is never `ignore`, so undo covers every
 * document change the person makes.
 *
 * `record` — the change becomes one named undo step and clears the redo stack. This is the
 *   normal case for edits of content: strokes, erases, clearing a layer, the iris, the work
 *   area, applying a result, a new seed. Clearing redo is what every editor does after a new
 *   edit: the redone future would be built on a state that no longer exists.
 *
 * `record-keep-redo` — the change becomes an undo step but the redo stack survives. For switches
 *   about how the person looks at their work rather than the work itself: visibility, opacity,
 *   lock. Hiding the sketch to compare, then redoing the stroke they had undone, must still
 *   work; losing the redo stack to a glance would punish looking. The store keeps redo only when
 *   the change cannot clash with it (see patch-conflicts.ts); otherwise it falls back to `record`.
 *
 * `ignore` — applied but never undone: session state outside the document, such as the viewport
 *   and zoom (undo that moves the camera is disorienting), the selected tool, brush size, the
 *   current color and recent colors (preferences, not edits), and synthesis results (derived from
 *   the document by the network; undoing an edit brings a new result, not an old one).
 */
export type HistoryPolicy = 'record' | 'record-keep-redo' | 'ignore';
