/**
 * Help → About: the app, the model (its manifest's name and version) and the runtime versions,
 * from the backend (`getAbout`). Where the backend is the browser host rather than Electron,
 * the browser this page runs in is named instead of Electron's Chromium.
 */
import { useEffect, useState } from 'react';
import type { AboutInfo } from '../../shared/status/about';
import { backend } from '../bridge/backend';
import { inferenceLabel } from './inference-label';
import { ModalDialog } from './ModalDialog';

function browserVersion(): string | null {
  const match = /(?:Chrome|Chromium)\/([\d.]+)/.exec(navigator.userAgent);
  return match?.[1] ?? null;
}

export function AboutDialog({ onClose }: { readonly onClose: () => void }) {
  const [about, setAbout] = useState<AboutInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void backend.getAbout().then((answer) => {
      if (!live) return;
      if (answer.ok) setAbout(answer.value);
      else setError(answer.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  const rows: [string, string][] = [];
  if (about) {
    const { model, runtime } = about;
    rows.push(['Version', about.appVersion]);
    rows.push([
      'Model',
      model.state === 'installed'
        ? `${model.name} ${model.version}${model.resolution ? ` (${model.resolution} px)` : ''}`
        : model.message,
    ]);
    rows.push(['Runs on', inferenceLabel(about.inference)]);
    if (about.inference.refiner) rows.push(['Refiner', about.inference.refiner]);
    rows.push(['Electron', runtime.electron ?? 'not running in Electron (browser host)']);
    rows.push([
      'Chromium',
      runtime.chromium ?? (browserVersion() ? `${browserVersion()} (this browser)` : 'unknown'),
    ]);
    rows.push(['Node.js', runtime.node]);
    rows.push(['ONNX Runtime', `onnxruntime-node ${runtime.onnxruntime}`]);
    rows.push([
      'sharp',
      `${runtime.sharp}${runtime.libvips ? ` (libvips ${runtime.libvips})` : ''}`,
    ]);
    rows.push(['System', `${runtime.platform} ${runtime.arch}`]);
    if (about.modelsDir) rows.push(['Models folder', about.modelsDir]);
  }

  return (
    <ModalDialog title="About FaceShop" testId="about-dialog" onClose={onClose}>
      <div className="about">
        <p className="about__name">
          <strong>FaceShop</strong> — edit a face by sketching.
        </p>
        {error && <p className="modal__error">{error}</p>}
        {!about && !error && <p className="modal__dim">Reading versions…</p>}
        {about && (
          <dl className="about__facts">
            {rows.map(([term, value]) => (
              <div key={term} className="about__row">
                <dt>{term}</dt>
                <dd data-testid={`about-${term.toLowerCase().replace(/[^a-z]+/g, '-')}`}>
                  {value}
                </dd>
              </div>
            ))}
          </dl>
        )}
        {about?.inference.message && (
          <p className="modal__dim" data-testid="about-provider-reason">
            {about.inference.message}
          </p>
        )}
      </div>
    </ModalDialog>
  );
}
