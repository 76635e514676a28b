// Layout checks run in the page: nothing scrolls sideways (nor the page down), the code pane, outline and symbol panel
// (when shown) lie inside the viewport, and no pane body (nor the symbol panel) scrolls sideways inside itself.
import type { Page } from 'playwright-core';

export const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 900, height: 700 },
] as const;

// The page's side, typed structurally: this file is also compiled without DOM typings (tsconfig.json).
interface Box { left: number; right: number; top: number; bottom: number; width: number; height: number }
interface PageElement { scrollWidth: number; clientWidth: number; scrollHeight: number; className: string; getBoundingClientRect(): Box }
interface PageGlobals {
  innerWidth: number;
  innerHeight: number;
  document: { documentElement: PageElement; body: PageElement; querySelectorAll(selector: string): ArrayLike<PageElement> };
}

/** Every way the page fails to fit, in words; empty when it fits. */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const window = globalThis as unknown as PageGlobals;
    const document = window.document;
    const problems: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) problems.push(`page scrolls sideways: scrollWidth ${doc.scrollWidth} > innerWidth ${window.innerWidth}`);
    if (document.body.scrollWidth > window.innerWidth) problems.push(`body scrolls sideways: ${document.body.scrollWidth} > ${window.innerWidth}`);
    // The app is one screen: long lists (four repo cards at 800 px) scroll inside their pane, not the page.
    if (doc.scrollHeight > window.innerHeight) problems.push(`page scrolls down: scrollHeight ${doc.scrollHeight} > innerHeight ${window.innerHeight}`);
    for (const id of ['editor', 'outline', 'symbol-panel', 'code-path']) {
      for (const el of Array.from(document.querySelectorAll(`[data-testid="${id}"]`))) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        if (box.left < 0 || box.right > window.innerWidth + 0.5 || box.top < 0 || box.bottom > window.innerHeight + 0.5) {
          problems.push(`${id} outside the viewport: ${Math.round(box.left)}..${Math.round(box.right)} × ${Math.round(box.top)}..${Math.round(box.bottom)}`);
        }
      }
    }
    for (const el of Array.from(document.querySelectorAll('.pane-body, .pane, .code, .drawer .content, .symbol-panel'))) {
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${el.className} scrolls sideways inside: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return problems;
  });
}
