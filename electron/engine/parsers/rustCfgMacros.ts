// Rust items written inside a `cfg_*! { … }` call (tokio's `cfg_rt! { impl Handle { … } }`, hyper's `cfg_client!`):
// the grammar leaves a macro's tokens unparsed, so those impls, modules and their methods were no symbols. Such a
// macro only gates its items on a feature, so its name, `!`, braces are blanked (same length, same lines) and the
// items parse as if written in place.
import type { Language } from '../../../shared/types.js';
import { parse, type SyntaxNode, type Tree } from './treeSitter.js';

/** `cfg_rt`, `cfg_not_loom`, `cfg_client`: the convention for a macro that only gates items on a cfg. */
const CFG_MACRO = /^cfg_\w+$/u;
/** Nested calls (`cfg_rt! { cfg_metrics! { … } }`) come out one level a parse. */
const MAX_ROUNDS = 3;

/** Where an item-level `cfg_*! { … }` call's own tokens are: its `name! {` opening and its closing `}`. */
function cfgCallSpans(root: SyntaxNode): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const visit = (node: SyntaxNode): void => {
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'macro_invocation') {
        const name = child.childForFieldName('macro')?.text ?? '';
        const body = child.namedChildren.find((c) => c?.type === 'token_tree');
        if (CFG_MACRO.test(name) && body && body.text.startsWith('{') && body.text.endsWith('}')) {
          spans.push([child.startIndex, body.startIndex + 1], [body.endIndex - 1, child.endIndex]);
        }
      } else if (child.type === 'mod_item' || child.type === 'declaration_list') {
        // Inside `mod x { … }` too.
        visit(child);
      }
    }
  };
  visit(root);
  return spans;
}

/** A call of one, as text: files without one (most, `#[cfg_attr(…)]` aside) are parsed once, as before. */
const CFG_CALL_TEXT = /\bcfg_\w+!\s*\{/u;

/**
 * The file parsed with every item-level `cfg_*! { … }` call's own tokens blanked, so its items parse in place: the
 * tree (the caller deletes it) and the source it was parsed from. Each round that finds calls costs one more parse.
 */
export async function parseUnwrapped(language: Language, text: string): Promise<{ tree: Tree; source: string }> {
  let source = text;
  let tree = await parse(language, source);
  if (language !== 'rust' || !CFG_CALL_TEXT.test(text)) return { tree, source };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const spans = cfgCallSpans(tree.rootNode);
    if (spans.length === 0) break;
    tree.delete();
    source = blank(source, spans);
    tree = await parse(language, source);
  }
  return { tree, source };
}

/** Spaces over the code units in `spans` (line breaks kept, and one space per UTF-16 unit: every offset stays put). */
function blank(text: string, spans: ReadonlyArray<[number, number]>): string {
  let at = 0;
  let out = '';
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}
