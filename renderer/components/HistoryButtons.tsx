// Back and forward across jumps (also Alt+←/→ and the mouse's side buttons, see shortcuts.ts).
import { useStore } from '../store/index.js';

export function HistoryButtons() {
  const back = useStore((s) => s.back.length);
  const forward = useStore((s) => s.forward.length);
  const s = useStore.getState;
  return (
    <span className="history" role="group" aria-label="Navigation history">
      <button type="button" data-testid="nav-back" aria-label="Back (Alt+←)" title="Back (Alt+←)" disabled={back === 0} onClick={() => void s().goBack()}>←</button>
      <button type="button" data-testid="nav-forward" aria-label="Forward (Alt+→)" title="Forward (Alt+→)" disabled={forward === 0} onClick={() => void s().goForward()}>→</button>
    </span>
  );
}
