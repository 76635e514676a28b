// Connects the editor's navigation gestures to the store: definition, references and the hover card
// for identifiers of the open file.
import type { DefinitionHit } from '../../shared/nav.js';
import { call } from '../api.js';
import { hoverCard } from '../codemirror/hoverCard.js';
import type { NavHandlers, NavPlace } from '../codemirror/navigation.js';
import { useStore } from '../store/index.js';

/** Exact answers first; among equals the Backend's order (proximity) stays. */
const best = (hits: DefinitionHit[]): DefinitionHit | undefined => hits.find((h) => h.confidence === 'exact') ?? hits[0];

export function editorNavigation(repo: string, path: string): NavHandlers {
  const at = (place: NavPlace) => ({ repo, path, line: place.line, column: place.column });
  return {
    definition: (place) => void useStore.getState().goToDefinition(at(place), place.word),
    references: (place) => void useStore.getState().findReferences(at(place), place.word),
    async hover(place) {
      try {
        const hits = await call('nav:def', at(place));
        const hit = best(hits);
        if (!hit) return null;
        const notes = useStore.getState().notes.filter((n) => n.repo === hit.repo && n.fqn === hit.fqn);
        return hoverCard(hit, notes, hits.length);
      } catch {
        // A hover is a glance: a failed look-up shows nothing rather than an error.
        return null;
      }
    },
  };
}
