// Finding text inside the code view's CodeMirror (in a shadow root) for pointer gestures.
import type { Page } from 'playwright-core';

interface Rect { x: number; y: number; width: number; height: number }

// The page's side, typed structurally: this file is also compiled without DOM typings (tsconfig.json).
interface PageText { data: string }
interface PageRange { setStart(node: PageText, offset: number): void; setEnd(node: PageText, offset: number): void; getBoundingClientRect(): Rect }
interface PageNode { textContent: string | null }
interface PageDocument {
  querySelector(selector: string): { shadowRoot: { querySelectorAll(selector: string): ArrayLike<PageNode> } | null } | null;
  createTreeWalker(root: PageNode, show: number): { nextNode(): PageText | null };
  createRange(): PageRange;
}
const SHOW_TEXT = 4;

/** The screen box of `word` on the first editor line containing `lineText`; throws when not shown. */
export async function wordBox(page: Page, lineText: string, word: string): Promise<Rect> {
  const box = await page.evaluate(([lineText, word, showText]) => {
    const document = (globalThis as unknown as { document: PageDocument }).document;
    const host = document.querySelector('[data-testid=editor]');
    const lines = Array.from(host?.shadowRoot?.querySelectorAll('.cm-line') ?? []);
    const line = lines.find((l) => l.textContent?.includes(lineText));
    if (!line) return null;
    // CodeMirror splits a line into highlighted spans: find the word across text nodes.
    const walker = document.createTreeWalker(line, showText);
    const nodes: PageText[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    const whole = nodes.map((n) => n.data).join('');
    const start = whole.indexOf(word, whole.indexOf(lineText));
    if (start < 0) return null;
    const range = document.createRange();
    let offset = 0;
    for (const node of nodes) {
      const end = offset + node.data.length;
      if (start >= offset && start < end) range.setStart(node, start - offset);
      if (start + word.length > offset && start + word.length <= end) range.setEnd(node, start + word.length - offset);
      offset = end;
    }
    const r = range.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, [lineText, word, SHOW_TEXT] as const);
  if (!box) throw new Error(`"${word}" on a line with "${lineText}" is not shown in the editor`);
  return box;
}

export async function clickWord(page: Page, lineText: string, word: string, modifier?: 'Control'): Promise<void> {
  const box = await wordBox(page, lineText, word);
  if (modifier) await page.keyboard.down(modifier);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  if (modifier) await page.keyboard.up(modifier);
}

export async function hoverWord(page: Page, lineText: string, word: string): Promise<void> {
  const box = await wordBox(page, lineText, word);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
}
