/**
 * The page's own file picker, for when there is no native dialog (the browser host): hidden,
 * opened by `ref.current.click()` inside the person's gesture, handing over the chosen file.
 */
import type { ChangeEvent, Ref } from 'react';

interface HiddenFileInputProps {
  readonly ref: Ref<HTMLInputElement>;
  readonly accept: string;
  readonly testId: string;
  readonly onFile: (file: File) => void;
}

export function HiddenFileInput({ ref, accept, testId, onFile }: HiddenFileInputProps) {
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    // Cleared so that choosing the same file again still fires a change.
    event.currentTarget.value = '';
    if (file) onFile(file);
  };
  return (
    <input
      ref={ref}
      type="file"
      accept={accept}
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      data-testid={testId}
      onChange={onChange}
    />
  );
}
