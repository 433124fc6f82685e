/**
 * The workspace's icons: small line drawings on a 20-unit grid, stroked with the text color so
 * they follow the theme and the disabled state. Drawn for FaceShop; no icon font to load.
 */
import type { ReactNode } from 'react';
import type { ToolId } from '../editor';

export type IconName =
  | ToolId
  | 'undo'
  | 'redo'
  | 'variation'
  | 'apply'
  | 'fit'
  | 'open'
  | 'visible'
  | 'hidden'
  | 'locked'
  | 'unlocked'
  | 'clear';

const PATHS: Readonly<Record<IconName, ReactNode>> = {
  'mask-brush': (
    <>
      <path d="M13 3l4 4-7.5 7.5-4-4z" />
      <path d="M5.5 10.5c-2 0-3 1.5-3 3.5 0 1.5-.5 2.5-1 3 3 0 6-1 6-4.5" />
      <rect x="11.5" y="12.5" width="6" height="5" rx="1" fill="currentColor" opacity="0.35" />
    </>
  ),
  'mask-eraser': (
    <>
      <path d="M8 17h9" />
      <path d="M3.5 12.5l7-7a1.5 1.5 0 012 0l3 3a1.5 1.5 0 010 2L9 17H6.5z" />
      <path d="M7 9l5 5" />
      <rect x="2" y="2" width="5" height="4" rx="1" fill="currentColor" opacity="0.35" />
    </>
  ),
  'sketch-pen': (
    <>
      <path d="M3 17l1-4L13.5 3.5l3 3L7 16z" />
      <path d="M11.5 5.5l3 3" />
    </>
  ),
  'sketch-eraser': (
    <>
      <path d="M3 17l1-4 6-6 3 3-6 6z" />
      <path d="M12 4l4 4M16 4l-4 4" />
    </>
  ),
  'color-brush': (
    <>
      <path d="M10 2.5s-5 5.5-5 9a5 5 0 0010 0c0-3.5-5-9-5-9z" />
      <path d="M7.5 12a2.5 2.5 0 002.5 2.5" />
    </>
  ),
  eraser: (
    <>
      <path d="M8 17h9" />
      <path d="M3.5 12.5l7-7a1.5 1.5 0 012 0l3 3a1.5 1.5 0 010 2L9 17H6.5z" />
      <path d="M7 9l5 5" />
    </>
  ),
  iris: (
    <>
      <path d="M1.5 10S5 4.5 10 4.5 18.5 10 18.5 10 15 15.5 10 15.5 1.5 10 1.5 10z" />
      <circle cx="10" cy="10" r="3" />
      <circle cx="10" cy="10" r="0.8" fill="currentColor" />
    </>
  ),
  eyedropper: (
    <>
      <path d="M13 3.5a2.1 2.1 0 013 3L14.5 8l.5.5-1.5 1.5-4-4L11 4.5l.5.5z" />
      <path d="M10 7l-6 6-1 3.5L6.5 15.5l6-6" />
    </>
  ),
  'work-area': (
    <>
      <path d="M5 1.5V15h13.5" />
      <path d="M1.5 5H15v13.5" />
    </>
  ),
  'place-region': (
    <>
      <rect x="5" y="5" width="10" height="10" rx="1" strokeDasharray="2 1.5" />
      <path d="M10 1.5v3M10 15.5v3M1.5 10h3M15.5 10h3" />
      <path d="M8.5 3l1.5-1.5L11.5 3M8.5 17l1.5 1.5 1.5-1.5M3 8.5L1.5 10 3 11.5M17 8.5l1.5 1.5-1.5 1.5" />
    </>
  ),
  pan: (
    <>
      <path d="M7 10V4.5a1.25 1.25 0 012.5 0V9" />
      <path d="M9.5 8.5V3a1.25 1.25 0 012.5 0v5.5" />
      <path d="M12 8.5V4.5a1.25 1.25 0 012.5 0V12a6 6 0 01-6 6H8a5 5 0 01-4-2l-2.3-3.4a1.3 1.3 0 012-1.6L7 13" />
    </>
  ),
  undo: (
    <>
      <path d="M7 4L3 8l4 4" />
      <path d="M3 8h9a5 5 0 010 10H8" />
    </>
  ),
  redo: (
    <>
      <path d="M13 4l4 4-4 4" />
      <path d="M17 8H8a5 5 0 000 10h4" />
    </>
  ),
  variation: (
    <>
      <rect x="2.5" y="2.5" width="15" height="15" rx="3" />
      <circle cx="7" cy="7" r="1" fill="currentColor" />
      <circle cx="13" cy="13" r="1" fill="currentColor" />
      <circle cx="13" cy="7" r="1" fill="currentColor" />
      <circle cx="7" cy="13" r="1" fill="currentColor" />
    </>
  ),
  apply: <path d="M3.5 10.5l4 4 9-9" />,
  fit: (
    <>
      <path d="M2.5 7V2.5H7M13 2.5h4.5V7M17.5 13v4.5H13M7 17.5H2.5V13" />
    </>
  ),
  open: (
    <>
      <path d="M2.5 5.5v10a1 1 0 001 1h13a1 1 0 001-1v-8a1 1 0 00-1-1H10L8 4.5H3.5a1 1 0 00-1 1z" />
    </>
  ),
  visible: (
    <>
      <path d="M1.5 10S5 4.5 10 4.5 18.5 10 18.5 10 15 15.5 10 15.5 1.5 10 1.5 10z" />
      <circle cx="10" cy="10" r="2.5" />
    </>
  ),
  hidden: (
    <>
      <path d="M3 3l14 14" />
      <path d="M8 5a8.6 8.6 0 012-.5c5 0 8.5 5.5 8.5 5.5a15 15 0 01-2.2 2.8M13 14.9a7.6 7.6 0 01-3 .6C5 15.5 1.5 10 1.5 10a15 15 0 013-3.4" />
    </>
  ),
  locked: (
    <>
      <rect x="4" y="9" width="12" height="8.5" rx="1.5" />
      <path d="M6.5 9V6.5a3.5 3.5 0 017 0V9" />
    </>
  ),
  unlocked: (
    <>
      <rect x="4" y="9" width="12" height="8.5" rx="1.5" />
      <path d="M6.5 9V6.5a3.5 3.5 0 016.8-1.2" />
    </>
  ),
  clear: (
    <>
      <path d="M3.5 5.5h13M8 5.5V3.5h4v2M5 5.5l1 11.5h8l1-11.5" />
    </>
  ),
};

export function Icon({ name }: { readonly name: IconName }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 20 20"
      width="20"
      height="20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[name]}
    </svg>
  );
}
