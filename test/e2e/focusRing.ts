// Tabs through the page and reports every focused control that shows no focus indicator (no outline,
// no box-shadow on it or on the editor around it). Stops when focus comes back round or after `limit` presses.
import type { Page } from 'playwright-core';

interface Focused { id: string; visible: boolean }

// The page's side, typed structurally: this file is also compiled without DOM typings (tsconfig.json).
interface PageNode { tagName: string; textContent: string | null; dataset: Record<string, string | undefined>; getAttribute(name: string): string | null; closest(selector: string): PageNode | null }
interface PageStyle { outlineStyle: string; outlineWidth: string; boxShadow: string }
interface PageGlobals { document: { activeElement: PageNode | null; body: PageNode }; getComputedStyle(node: PageNode): PageStyle }

export async function controlsWithoutFocusRing(page: Page, limit = 120): Promise<{ visited: number; missing: string[] }> {
  const seen = new Set<string>();
  const missing: string[] = [];
  let first: string | null = null;
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate((): Focused | null => {
      const window = globalThis as unknown as PageGlobals;
      const el = window.document.activeElement;
      if (!el || el === window.document.body) return null;
      const shows = (node: PageNode): boolean => {
        const s = window.getComputedStyle(node);
        return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || (s.boxShadow !== 'none' && s.boxShadow !== '');
      };
      const editor = el.closest('.cm-editor');
      const id = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''}${el.getAttribute('aria-label') ? `[aria-label="${el.getAttribute('aria-label')}"]` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
      return { id, visible: shows(el) || (editor !== null && shows(editor)) };
    });
    if (!focused) continue;
    if (focused.id === first) break;
    first ??= focused.id;
    if (seen.has(focused.id)) continue;
    seen.add(focused.id);
    if (!focused.visible) missing.push(focused.id);
  }
  return { visited: seen.size, missing };
}
