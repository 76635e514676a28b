// Which symbol a route's handler names when it lives in another file: `views.detail`,
// `Admin::UsersController#index`, `App\Http\Controllers\UserController::show`.

export interface HandlerCandidate { id: number; fqn: string }

const SEPARATORS = /::|[.:#/\\@]+/;

function partsOf(name: string): string[] {
  return name.split(SEPARATORS).filter(Boolean);
}

/**
 * The candidate whose containers end with the handler's qualifier (`Admin::UsersController` for
 * `Admin::UsersController#index`); when the qualifier is a module rather than a class, else one whose FQN holds
 * it dotted, else the only one.
 * Candidates come shortest FQN first, so the nearest spelling wins a tie.
 */
export function pickHandler(handler: string, candidates: readonly HandlerCandidate[]): HandlerCandidate | undefined {
  const qualifier = partsOf(handler).slice(0, -1);
  if (qualifier.length > 0) {
    const bySuffix = candidates.find((c) => endsWith(partsOf(c.fqn).slice(0, -1), qualifier));
    if (bySuffix) return bySuffix;
    // A class is named exactly (`PhotoController::index`): another class's `index` is never it.
    if (/^[A-Z]/.test(qualifier[qualifier.length - 1]!)) return undefined;
    // A module imported under another name (`from shop import views as v`) still matches loosely, as before.
    const dotted = qualifier.join('.');
    const loose = candidates.find((c) => c.fqn.includes(dotted));
    if (loose) return loose;
  }
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The handler's own name: what candidates are looked up by. */
export function handlerName(handler: string): string | undefined {
  const parts = partsOf(handler);
  return parts[parts.length - 1];
}

function endsWith(containers: readonly string[], qualifier: readonly string[]): boolean {
  if (qualifier.length > containers.length) return false;
  const offset = containers.length - qualifier.length;
  return qualifier.every((q, i) => containers[offset + i] === q);
}

/** `emails:send`, `db:backup:create`: a command's name (Artisan, Rake), not a path to a symbol. */
export function isCommandName(handler: string): boolean {
  return /^[\w-]+(?::[\w-]+)+$/.test(handler) && !handler.includes('::');
}
