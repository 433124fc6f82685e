/**
 * Status lines that belong to a document: "Result in 412 ms" or the last synthesis error is
 * about the document it was measured on, so it must not stay on screen once another document
 * (another photo, a project) replaces it, and a document that comes back (the same photo id:
 * a project reopened) shows its own line again.
 *
 * A small keyed memory, most recently left first, bounded so that a long session of opening
 * photos does not keep every line it ever showed. Plain TypeScript, tested without a screen.
 */

export const REMEMBERED_DOCUMENTS = 32;

export class DocumentStatusLines<Line> {
  private readonly lines = new Map<string, Line>();

  constructor(
    private readonly empty: Line,
    private readonly limit = REMEMBERED_DOCUMENTS,
  ) {}

  /**
   * Leaves document `from` (null when none was open) showing `line`, and returns the line that
   * `to` showed when it was last left — the empty line for a document never seen.
   */
  switchDocument(from: string | null, line: Line, to: string): Line {
    if (from !== null && from !== to) this.remember(from, line);
    if (from === to) return line;
    return this.lines.get(to) ?? this.empty;
  }

  /** What `key` showed when it was last left, if it is remembered. */
  lineOf(key: string): Line | undefined {
    return this.lines.get(key);
  }

  get size(): number {
    return this.lines.size;
  }

  private remember(key: string, line: Line): void {
    // Re-inserted, so the map's order is oldest-left first and the oldest goes when full.
    this.lines.delete(key);
    this.lines.set(key, line);
    while (this.lines.size > this.limit) {
      const oldest = this.lines.keys().next();
      if (oldest.done) break;
      this.lines.delete(oldest.value);
    }
  }
}
