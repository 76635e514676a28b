// One line for the last thing that happened (or went wrong), until dismissed.
import { useStore } from '../store/index.js';

export function MessageBar() {
  const message = useStore((s) => s.message);
  const dismiss = useStore((s) => s.dismissMessage);
  if (!message) return null;
  return (
    <div className={`message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="message">
      <span className="grow">{message.text}</span>
      <button type="button" className="link" onClick={dismiss}>Dismiss</button>
    </div>
  );
}
