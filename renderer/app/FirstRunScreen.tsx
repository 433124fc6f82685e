/**
 * What the workspace shows while no photo is open: a way to try FaceShop at once (the sample
 * photo), to open a photo or a project, the recent files, and that files can be dropped here.
 */
import { fileNameOf, type RecentFile } from '../../shared/settings/settings';
import { isMac } from './platform';
import { describeShortcut } from '../workspace/commands/shortcut';
import { catalogShortcut } from './shortcut-label';
import '../styles/dialogs.css';

interface FirstRunScreenProps {
  readonly busy: boolean;
  readonly recentFiles: readonly RecentFile[];
  readonly onTrySample: () => void;
  readonly onOpenPhoto: () => void;
  readonly onOpenProject: () => void;
  readonly onOpenRecent: (file: RecentFile) => void;
  readonly onClearRecent: () => void;
  readonly onShowShortcuts: () => void;
  readonly onShowPreferences: () => void;
  readonly onShowAbout: () => void;
}

export function FirstRunScreen(props: FirstRunScreenProps) {
  const { busy, recentFiles } = props;
  return (
    <section className="first-run" data-testid="first-run" aria-label="Start">
      <h1 className="first-run__title">Edit a face by sketching</h1>
      <p className="first-run__lead">
        Paint a mask over what should change, draw a few lines and colours, and the network redraws
        it to match — on your own photos, on this computer.
      </p>
      {/* Named apart from the toolbar's Open Photo… and Open Project…, so each name is one button. */}
      <div className="first-run__actions">
        <button
          type="button"
          className="first-run__primary"
          data-testid="try-sample"
          disabled={busy}
          onClick={props.onTrySample}
        >
          Try the sample photo
        </button>
        <button
          type="button"
          className="toolbar__button"
          disabled={busy}
          onClick={props.onOpenPhoto}
        >
          Open a photo… <kbd>{describeShortcut(catalogShortcut('file.open')[0] ?? '', isMac)}</kbd>
        </button>
        <button
          type="button"
          className="toolbar__button"
          disabled={busy}
          onClick={props.onOpenProject}
        >
          Open a project…{' '}
          <kbd>{describeShortcut(catalogShortcut('file.openProject')[0] ?? '', isMac)}</kbd>
        </button>
      </div>
      {recentFiles.length > 0 && (
        <div className="first-run__recent" data-testid="recent-files">
          <div className="first-run__recent-header">
            <h2>Recent</h2>
            <button type="button" className="first-run__link" onClick={props.onClearRecent}>
              Clear
            </button>
          </div>
          <ul>
            {recentFiles.map((file) => (
              <li key={file.path}>
                <button
                  type="button"
                  className="first-run__recent-item"
                  title={file.path}
                  disabled={busy}
                  onClick={() => props.onOpenRecent(file)}
                >
                  <span className="first-run__recent-kind">
                    {file.kind === 'project' ? 'Project' : 'Photo'}
                  </span>
                  <span className="first-run__recent-name">{fileNameOf(file.path)}</span>
                  <span className="first-run__recent-path">{file.path}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="first-run__hint">
        Or drop a photo or a <code>.faceshop</code> project anywhere in this window. Press{' '}
        <button type="button" className="first-run__link" onClick={props.onShowShortcuts}>
          ?
        </button>{' '}
        for the keyboard shortcuts.
      </p>
      <nav className="first-run__links" aria-label="More">
        <button type="button" className="first-run__link" onClick={props.onShowPreferences}>
          Preferences
        </button>
        <button type="button" className="first-run__link" onClick={props.onShowAbout}>
          About FaceShop
        </button>
      </nav>
    </section>
  );
}
