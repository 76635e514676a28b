// The search screen as a person scans it, in Chromium through `clew serve`: hits grouped by file
// with a repo label, a match count and the lines around each hit; ↑/↓ across files; the Aa and ab|
// toggles (and Alt+C / Alt+W) changing the answer; a ranked answer showing a file's best three hits
// and a row for the rest; `lang:go` in the query filtering and shown as a chip; the opened file marking every match with F3 stepping through them and Ctrl+F finding others;
// and the screen fitting at 1280×800, 1920×1080 and 900×700 (screenshots in test/e2e/output/).
import { describe, expect, it } from 'vitest';
import { call, openWriter } from '../helpers/backend.js';
import { writeTree } from '../helpers/fixtures.js';
import { layoutProblems, SIZES } from './fits.js';
import { hasChromium } from './harness.js';
import { screenshot } from './screens.js';
import { servedBrowser } from './servedBrowser.js';

const HANDLER_GO = [
  'package server',
  '',
  '// Handler serves requests.',
  'func Handler() {',
  '\thandler := 1',
  '\thandlerCount := handler',
  '\t_ = handlerCount',
  '}',
  '',
].join('\n');

describe.skipIf(!hasChromium)('search results: groups, toggles, query filters and matches in the code', () => {
  const { page } = servedBrowser('clew-e2e-results', async ({ repo, data }) => {
    writeTree(repo, {
      'server/handler.go': HANDLER_GO,
      'web/handler.py': 'def handler(request):\n    """The handler."""\n    return request\n\n\nx = 1\ny = handler\n',
      'jobs/queue.py': ['now', 'later', 'daily', 'hourly', 'weekly', 'retry'].map((w) => `def enqueue_${w}(job):\n    return job\n`).join('\n'),
      'jobs/worker.py': 'from jobs.queue import enqueue_now\n\n\ndef work(job):\n    enqueue_now(job)\n',
      // The match at the end of a line wider than the results pane.
      'monitor/routes.go': 'package monitor\n\nfunc (s *Server) start() {\n\tmux.HandleFunc(s.basePath(VarzPath), s.serveVarzPage)\n}\n',
    });
    const backend = openWriter(data);
    await call(backend, 'repo:index', { path: repo });
    await backend.close();
    return ['--no-sync'];
  });

  const hits = () => page().locator('[data-testid=hit]');
  const search = async (mode: string, query: string): Promise<void> => {
    await page().click(`[data-testid=mode-${mode}]`);
    await page().fill('[data-testid=search-input]', query);
    await page().locator(`[data-testid=search-summary][data-mode="${mode}"][data-query="${query}"]`).waitFor({ timeout: 20_000 });
  };
  const hitCount = async (): Promise<number> => Number((/^(\d+)/.exec((await page().locator('[data-testid=search-summary]').textContent()) ?? '') ?? [])[1] ?? 0);

  it('groups hits by file with the repo, the match count and context lines; ↑/↓ cross files', async () => {
    await page().setViewportSize({ width: 1280, height: 800 });
    await search('keyword', 'handler');
    const repoName = await page().locator('[data-testid=repo] .name').first().textContent();
    const files = page().locator('[data-testid=result-file]');
    await expect.poll(() => files.count()).toBe(2);
    expect(await files.locator('[data-testid=hit-repo]').allTextContents()).toEqual([repoName, repoName]);
    const go = page().locator('[data-testid=result-file][data-path="server/handler.go"]');
    expect(await go.getAttribute('data-count')).toBe('5');
    expect(await go.locator('[data-testid=result-file-count]').textContent()).toBe('5 matches');
    expect(await page().locator('[data-testid=search-summary]').textContent()).toMatch(/^8 results in 2 files/);
    // Each hit shows the line before and after it, unless a neighbouring row already shows that line.
    const lines = (n: number) => page().locator(`[data-testid=hit][data-path="web/handler.py"][data-line="${n}"] .hit-line:has(.gutter)`)
      .evaluateAll((els) => els.map((el) => `${el.querySelector('.gutter')?.textContent ?? ''} ${el.querySelector('.code-text')?.textContent ?? ''}`));
    expect(await lines(1)).toEqual(['1 def handler(request):']);
    expect(await lines(2)).toEqual(['2 """The handler."""', '3 return request']);
    expect(await lines(7)).toEqual(['6 x = 1', '7 y = handler']);
    // Keyboard: from the box, ↓ walks through one file's hits into the next file's.
    const paths: string[] = [];
    for (let i = 0; i < 8; i++) {
      paths.push((await page().locator('[data-testid=hit][aria-selected=true]').getAttribute('data-path')) ?? '');
      await page().press('[data-testid=search-input]', 'ArrowDown');
    }
    expect(new Set(paths)).toEqual(new Set(['server/handler.go', 'web/handler.py']));
    // Folding a file hides its hits and the arrows skip it.
    await go.locator('[data-testid=result-file-toggle]').click();
    await expect.poll(() => hits().count()).toBe(3);
    expect(await go.locator('[data-testid=result-file-toggle]').getAttribute('aria-expanded')).toBe('false');
    await go.locator('[data-testid=result-file-toggle]').click();
    await expect.poll(() => hits().count()).toBe(8);
  }, 60_000);

  it('Aa and ab| change the answer in keyword and regex mode, by click and by Alt+C / Alt+W', async () => {
    await search('keyword', 'Handler');
    expect(await hitCount()).toBe(8);
    await page().click('[data-testid=toggle-case]');
    expect(await page().getAttribute('[data-testid=toggle-case]', 'aria-pressed')).toBe('true');
    await expect.poll(hitCount).toBe(2);
    await page().press('[data-testid=search-input]', 'Alt+c');
    await expect.poll(() => page().getAttribute('[data-testid=toggle-case]', 'aria-pressed')).toBe('false');
    await page().press('[data-testid=search-input]', 'Alt+w');
    expect(await page().getAttribute('[data-testid=toggle-word]', 'aria-pressed')).toBe('true');
    // Whole words: the line holding only `handlerCount` no longer counts.
    await expect.poll(hitCount).toBe(7);
    await search('regex', 'handler');
    expect(await page().getAttribute('[data-testid=search-input]', 'placeholder')).toContain('any case');
    expect(await hitCount()).toBe(7);
    await page().click('[data-testid=toggle-word]');
    await expect.poll(hitCount).toBe(8);
    // Symbol search matches names, not letters: the toggles do not apply there and say so.
    await page().click('[data-testid=mode-symbol]');
    expect(await page().isDisabled('[data-testid=toggle-case]')).toBe(true);
  }, 60_000);

  it('lang:go in the query keeps Go files only and shows the filter as a chip that can be removed', async () => {
    await search('keyword', 'lang:go handler');
    await expect.poll(() => page().locator('[data-testid=result-file]').count()).toBe(1);
    expect(await page().locator('[data-testid=result-file]').getAttribute('data-path')).toBe('server/handler.go');
    const chip = page().locator('[data-testid=query-chip]');
    expect(await chip.getAttribute('data-key')).toBe('lang');
    expect(await chip.textContent()).toContain('go');
    await chip.locator('button').click();
    expect(await page().inputValue('[data-testid=search-input]')).toBe('handler');
    await expect.poll(() => page().locator('[data-testid=result-file]').count()).toBe(2);
    // An unknown language is named, not an internal error.
    await page().fill('[data-testid=search-input]', 'lang:cobol handler');
    await expect.poll(() => page().locator('[data-testid=search-error]').textContent()).toContain('unknown language "cobol"');
  }, 60_000);

  it('an opened hit marks every match in its file; F3 / Shift+F3 step through them and Ctrl+F finds others', async () => {
    await search('keyword', 'handler');
    await page().locator('[data-testid=hit][data-path="server/handler.go"][data-line="5"]').click();
    const count = page().locator('[data-testid=match-count]');
    // `Handler` twice, `handler` twice, inside `handlerCount` twice.
    await expect.poll(() => count.textContent()).toBe('6 matches');
    expect(await page().locator('[data-testid=editor] .cm-match').count()).toBe(6);
    await page().keyboard.press('F3');
    await expect.poll(() => count.textContent()).toBe('3 of 6');
    expect(await page().locator('[data-testid=editor] .cm-match-current').textContent()).toBe('handler');
    await page().keyboard.press('F3');
    expect(await count.textContent()).toBe('4 of 6');
    await page().keyboard.press('Shift+F3');
    await page().keyboard.press('Shift+F3');
    await page().keyboard.press('Shift+F3');
    expect(await count.textContent()).toBe('1 of 6');
    await page().keyboard.press('Shift+F3');
    expect(await count.textContent()).toBe('6 of 6');
    await page().locator('[data-testid=editor] [aria-label="Next match (F3)"]').click();
    expect(await count.textContent()).toBe('1 of 6');

    await page().keyboard.press('Control+f');
    const find = page().locator('[data-testid=editor] input[aria-label="Find in this file"]');
    await expect.poll(() => find.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await find.fill('serves');
    await expect.poll(() => count.textContent()).toBe('1 match');
    await find.press('Enter');
    expect(await count.textContent()).toBe('1 of 1');
    expect(await page().locator('[data-testid=editor] .cm-match-current').textContent()).toBe('serves');
    await find.press('Escape');
    await expect.poll(() => find.isHidden()).toBe(true);
    // Closing the find box brings back the search's matches.
    await expect.poll(() => page().locator('[data-testid=editor] .cm-match').count()).toBe(6);
  }, 60_000);

  it('a ranked answer shows a file\'s best three hits and a row for the rest, which shows them', async () => {
    await search('auto', 'enqueue');
    const queue = page().locator('[data-testid=result-file][data-path="jobs/queue.py"]');
    await queue.waitFor();
    const total = Number(await queue.getAttribute('data-count'));
    expect(total).toBeGreaterThanOrEqual(6);
    const inQueue = page().locator('[data-testid=hit][data-path="jobs/queue.py"]');
    expect(await inQueue.count()).toBe(3);
    const more = page().locator('[data-testid=result-more][data-path="jobs/queue.py"]');
    expect(await more.textContent()).toBe(`Show ${total - 3} more in this file`);
    // The next file's hits come right after the three, not after every one of queue.py's.
    expect(await page().locator('[data-testid=hit][data-path="jobs/worker.py"]').count()).toBeGreaterThan(0);
    await screenshot(page(), 'search-results-more');
    // The arrows skip what is not shown: from the third hit, ↓ goes to the next file.
    await page().press('[data-testid=search-input]', 'ArrowDown');
    await page().press('[data-testid=search-input]', 'ArrowDown');
    await page().press('[data-testid=search-input]', 'ArrowDown');
    expect(await page().locator('[data-testid=hit][aria-selected=true]').getAttribute('data-path')).not.toBe('jobs/queue.py');
    await more.locator('button').click();
    await expect.poll(() => inQueue.count()).toBe(total);
    expect(await more.count()).toBe(0);
    // Keyword mode reads like grep: every match of every file.
    await search('keyword', 'enqueue');
    await expect.poll(() => page().locator('[data-testid=result-file][data-path="jobs/queue.py"]').getAttribute('data-count')).toBe('6');
    expect(await page().locator('[data-testid=result-more]').count()).toBe(0);
    expect(await page().locator('[data-testid=hit][data-path="jobs/queue.py"]').count()).toBeGreaterThan(3);
  }, 60_000);

  it('a match at the end of a long line is in view, the start of the line cut instead, at every size', async () => {
    await search('keyword', 'serveVarzPage');
    const mark = page().locator('[data-testid=hit][data-path="monitor/routes.go"] .hit-line.match .code-text mark');
    await mark.waitFor();
    const problems: string[] = [];
    for (const size of SIZES) {
      await page().setViewportSize(size);
      await page().waitForTimeout(150);
      const box = await mark.evaluate((el) => {
        const line = el.closest('.code-text')!.getBoundingClientRect();
        const own = el.getBoundingClientRect();
        return { text: el.textContent, right: own.right, lineRight: line.right, cut: el.closest('.code-text')!.textContent!.startsWith('…') };
      });
      if (box.text !== 'serveVarzPage' || box.right > box.lineRight) problems.push(`${size.width}x${size.height}: ${JSON.stringify(box)}`);
    }
    expect(problems).toEqual([]);
    await page().setViewportSize({ width: 1280, height: 800 });
    // The narrow pane at 1280×800 cuts the line's start, and the whole line stays in the hit's tooltip.
    const hit = page().locator('[data-testid=hit][data-path="monitor/routes.go"]');
    expect(await hit.locator('.hit-line.match .code-text').textContent()).toMatch(/^….*s\.serveVarzPage\)$/u);
    expect((await hit.getAttribute('title'))?.split('\n')[0]).toBe('mux.HandleFunc(s.basePath(VarzPath), s.serveVarzPage)');
  }, 60_000);

  it('fits at every size, the six modes wrapping instead of scrolling sideways', async () => {
    await search('keyword', 'handler');
    await page().locator('[data-testid=hit][data-path="server/handler.go"][data-line="6"]').click();
    await page().locator('[data-testid=match-count]').waitFor();
    const problems: string[] = [];
    for (const size of SIZES) {
      await page().setViewportSize(size);
      await page().waitForTimeout(150);
      await screenshot(page(), `search-results-${size.width}x${size.height}`);
      problems.push(...(await layoutProblems(page())).map((p) => `${size.width}x${size.height}: ${p}`));
      const modes = await page().locator('.modes').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      if (modes.scroll > modes.client) problems.push(`${size.width}x${size.height}: the modes scroll sideways (${modes.scroll} > ${modes.client})`);
      const buttons = await page().locator('.modes button').evaluateAll((els) => els.map((el) => el.scrollWidth <= el.clientWidth));
      if (buttons.includes(false)) problems.push(`${size.width}x${size.height}: a mode's label is cut`);
    }
    expect(problems).toEqual([]);
  }, 60_000);
});
