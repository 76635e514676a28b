// The handle between the view pane and the code view: drag it (or focus it and press ←/→) to share
// the width differently. Both sides keep a minimum width, so neither can be pushed off-screen.
import { type KeyboardEvent, type PointerEvent, useRef } from 'react';
import { useStore } from '../store/index.js';

const PANE_MIN_PX = 360;
const CODE_MIN_PX = 460;
const STEP = 0.02;

/** The pane's share of the body's width, kept so that both sides have their minimum. */
export function clampShare(share: number, bodyWidth: number): number {
  if (bodyWidth <= PANE_MIN_PX + CODE_MIN_PX) return PANE_MIN_PX / Math.max(bodyWidth, 1);
  return Math.min(Math.max(share, PANE_MIN_PX / bodyWidth), 1 - CODE_MIN_PX / bodyWidth);
}

export function Splitter() {
  const share = useStore((s) => s.paneShare);
  const setShare = useStore((s) => s.setPaneShare);
  const dragging = useRef(false);
  const bodyOf = (el: Element): Element | null => el.closest('.body');

  const move = (e: PointerEvent<HTMLDivElement>): void => {
    if (!dragging.current) return;
    const body = bodyOf(e.currentTarget)?.getBoundingClientRect();
    if (body) setShare(clampShare((e.clientX - body.left) / body.width, body.width));
  };
  const key = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const width = bodyOf(e.currentTarget)?.getBoundingClientRect().width ?? 0;
    setShare(clampShare((share ?? 0.38) + (e.key === 'ArrowRight' ? STEP : -STEP), width));
  };
  return (
    <div
      className="splitter" role="separator" aria-orientation="vertical" aria-label="Resize the view and code panes" tabIndex={0}
      aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((share ?? 0.38) * 100)} data-testid="splitter"
      onPointerDown={(e) => { dragging.current = true; e.currentTarget.setPointerCapture(e.pointerId); }}
      onPointerMove={move}
      onPointerUp={(e) => { dragging.current = false; e.currentTarget.releasePointerCapture(e.pointerId); }}
      onDoubleClick={() => setShare(null)}
      onKeyDown={key}
    />
  );
}
