// A file path that, when too long for its box, loses its start rather than its end, so the file
// name stays visible; the full path is in the tooltip. The right-to-left box puts the ellipsis on
// the left; the inner left-to-right span keeps the path's own order.
export function PathText({ path, suffix = '', title, className = '', testId }: { path: string; suffix?: string; title?: string; className?: string; testId?: string }) {
  return (
    <span className={`path-left ${className}`} title={title ?? `${path}${suffix}`} data-testid={testId}>
      <span dir="ltr">{path}{suffix}</span>
    </span>
  );
}
