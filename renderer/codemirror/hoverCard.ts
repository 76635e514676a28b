// The hover card's content: the symbol's signature, its doc comment with its own line breaks, where
// it is defined, and the notes people left on it. Plain DOM: CodeMirror shows it in its tooltip.
import type { DefinitionHit } from '../../shared/nav.js';
import type { NoteRow } from '../../shared/types.js';

function div(className: string, text: string): HTMLDivElement {
  const el = document.createElement('div');
  el.className = className;
  el.textContent = text;
  return el;
}

export function hoverCard(hit: DefinitionHit, notes: NoteRow[], candidates: number): HTMLElement {
  const card = document.createElement('div');
  card.className = 'cm-hover-card';
  card.setAttribute('data-testid', 'hover-card');
  card.setAttribute('data-fqn', hit.fqn);
  card.append(div('sig', hit.signature || hit.name));
  if (hit.doc) card.append(div('doc', hit.doc));
  const also = candidates > 1 ? ` · ${candidates - 1} more candidate${candidates > 2 ? 's' : ''} (F12 to pick)` : '';
  card.append(div('where', `${hit.kind} · ${hit.file}:${hit.line} · ${hit.confidence}${also}`));
  for (const note of notes) card.append(div('note', `Note: ${note.text}`));
  return card;
}
