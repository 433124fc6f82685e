/**
 * The history panel: every step by name, oldest first, the undone ones dimmed. Clicking a step
 * goes back (or forward) to just after it; clicking "Open" undoes everything. Jumping is one
 * move through the history, so it asks for one synthesis at the end, not one per step.
 */
import { useEffect, useRef, type RefObject } from 'react';
import type { Editor, EditorState } from '../editor';

interface HistoryPanelProps {
  readonly editor: Editor | null;
  /** Only to re-render when the history changes (it changes with the state). */
  readonly state: EditorState | null;
}

export function HistoryPanel({ editor }: HistoryPanelProps) {
  const current = useRef<HTMLLIElement>(null);
  const history = editor?.history ?? null;
  const position = history?.position ?? 0;

  useEffect(() => {
    current.current?.scrollIntoView({ block: 'nearest' });
  }, [position, history?.steps.length]);

  return (
    <section className="history-panel" aria-label="History">
      <h2 className="panel-title">History</h2>
      {!editor || !history ? (
        <p className="layers-panel__empty">Steps appear here as you edit.</p>
      ) : (
        <ol className="history-panel__list" data-testid="history-list">
          <HistoryStep
            label="Open"
            state={position === 0 ? 'current' : 'applied'}
            onClick={() => editor.jumpTo(0)}
            itemRef={position === 0 ? current : null}
          />
          {history.steps.map((step, index) => {
            const state =
              index + 1 === position ? 'current' : index < position ? 'applied' : 'undone';
            return (
              <HistoryStep
                key={step.id}
                label={step.label}
                state={state}
                onClick={() => editor.jumpTo(index + 1)}
                itemRef={state === 'current' ? current : null}
              />
            );
          })}
        </ol>
      )}
    </section>
  );
}

interface HistoryStepProps {
  readonly label: string;
  readonly state: 'applied' | 'current' | 'undone';
  readonly onClick: () => void;
  readonly itemRef: RefObject<HTMLLIElement | null> | null;
}

function HistoryStep({ label, state, onClick, itemRef }: HistoryStepProps) {
  return (
    <li ref={itemRef} className={`history-step history-step--${state}`}>
      <button
        type="button"
        className="history-step__button"
        aria-current={state === 'current' ? 'step' : undefined}
        onClick={onClick}
      >
        {label}
      </button>
    </li>
  );
}
