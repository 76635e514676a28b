// Following code in the UI, end to end through `clew serve`: Ctrl+click and F12 go to definition (a
// picker for two candidates; C++ out-of-line method bodies; a Go test table's fields; a protobuf message in generated
// code), Shift+F12 lists references by file, Alt+←/→ walk the history, the
// file tree opens a file, the hover card shows signature, doc and notes, the symbol panel's callers
// tree, and Show flow of an express route down to its SQL and HTTP calls. Screens are checked to
// fit and pass axe at 1920×1080, 1280×800 and 900×700.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { call, openWriter } from '../helpers/backend.js';
import { writeTree } from '../helpers/fixtures.js';
import { seriousViolations } from './axe.js';
import { clickWord, hoverWord } from './editorText.js';
import { layoutProblems } from './fits.js';
import { hasChromium } from './harness.js';
import { FORMAT_PRICE_DEF_LINE, NAV_REPO, ORDER_TOTAL_CALL_LINE } from './navRepo.js';
import { screenshot } from './screens.js';
import { servedBrowser } from './servedBrowser.js';

const NOTE = 'Rounds half up; keep in step with the invoice service.';

describe.skipIf(!hasChromium)('code navigation in the browser UI', () => {
  const { page } = servedBrowser('clew-e2e-nav', async ({ repo, data }) => {
    writeTree(repo, NAV_REPO);
    const backend = openWriter(data);
    await call(backend, 'repo:index', { path: repo });
    const symbols = await call(backend, 'symbols:list', { repo });
    const formatPrice = symbols.find((s) => s.name === 'formatPrice');
    if (!formatPrice) throw new Error('the fixture\'s formatPrice was not indexed');
    await call(backend, 'note:add', { repo, fqn: formatPrice.fqn, text: NOTE });
    await backend.close();
    return ['--no-sync'];
  });

  const editor = (p: Page) => p.locator('[data-testid=editor]');
  /** Whether the keyboard is in the code (CodeMirror's content, inside the editor's shadow root). */
  const editorHasFocus = (p: Page): Promise<boolean> => editor(p).evaluate((el) => el.shadowRoot?.activeElement?.classList.contains('cm-content') ?? false);
  const where = async (p: Page): Promise<string> => `${await editor(p).getAttribute('data-path')}:${await editor(p).getAttribute('data-line')}`;
  const open = async (p: Page, path: string): Promise<void> => {
    await p.keyboard.press('Control+p');
    await p.fill('[data-testid=quick-input]', path.split('/').pop() ?? path);
    const name = path.split('/').pop() ?? path;
    await p.locator('[data-testid=quick-item]').filter({ has: p.locator('.kind', { hasText: 'file' }) }).filter({ hasText: name }).first().click();
    await expect.poll(() => editor(p).getAttribute('data-path')).toBe(path);
    await p.locator('[data-testid=editor]').locator('.cm-line').first().waitFor();
  };
  /** Opens `path`, selects `symbol` in its outline and shows its callers: the tree's top-level nodes. */
  const showCallers = async (p: Page, path: string, symbol: string): Promise<Locator> => {
    await open(p, path);
    await p.locator('[data-testid=outline-item]', { hasText: symbol }).click();
    await p.click('[data-testid=show-callers]');
    return p.locator('[data-testid=call-tree-callers] > [data-testid=call-node]');
  };
  /** Layout and axe problems of the screen at 1920×1080, 1280×800 and 900×700 (at 900 with the folded side panel unfolded when `side`), and axe's in the dark theme. */
  const fits = async (p: Page, name: string, side = false): Promise<string[]> => {
    const problems: string[] = [];
    for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 800 }, { width: 900, height: 700 }]) {
      await p.setViewportSize(size);
      const unfold = side && size.width < 1100 && (await p.getAttribute('[data-testid=toggle-outline]', 'aria-expanded')) === 'false';
      if (unfold) await p.click('[data-testid=toggle-outline]');
      await p.waitForTimeout(150);
      await screenshot(p, `nav-${name}-${size.width}x${size.height}`);
      problems.push(...(await layoutProblems(p)).map((x) => `${name} ${size.width}: ${x}`), ...(await seriousViolations(p)).map((x) => `${name} ${size.width}: axe ${x}`));
      if (unfold) await p.click('[data-testid=toggle-outline]');
    }
    await p.setViewportSize({ width: 1280, height: 800 });
    await p.emulateMedia({ colorScheme: 'dark' });
    await p.waitForTimeout(100);
    await screenshot(p, `nav-${name}-1280x800-dark`);
    problems.push(...(await seriousViolations(p)).map((x) => `${name} dark: axe ${x}`));
    await p.emulateMedia({ colorScheme: 'light' });
    return problems;
  };

  it('Ctrl+click on a call lands on the definition in the other file with the name selected, and Alt+←/→, the toolbar and the mouse side buttons walk back and forth', async () => {
    const p = page();
    await open(p, 'src/orders/service.ts');
    // A keyword defines nothing: a short message, and the view stays where it is.
    await clickWord(p, 'export async function orderTotal', 'async', 'Control');
    await expect.poll(() => p.locator('[data-testid=message]').textContent()).toContain('No definition found for async');
    expect(await editor(p).getAttribute('data-path')).toBe('src/orders/service.ts');
    await expect.poll(() => p.locator('[data-testid=message]').count(), { timeout: 8000 }).toBe(0);
    await clickWord(p, 'return formatPrice(cents)', 'formatPrice');
    await clickWord(p, 'return formatPrice(cents)', 'formatPrice', 'Control');
    await expect.poll(() => where(p)).toBe(`src/util/format.ts:${FORMAT_PRICE_DEF_LINE}`);
    await expect.poll(() => p.locator('[data-testid=jump-target]').textContent()).toBe('formatPrice');
    expect(await editor(p).getAttribute('data-selected')).toBe('formatPrice');
    await expect.poll(() => p.locator('[data-testid=crumb-symbol]').textContent()).toBe('formatPrice');
    // The other file's editor is a new one: the keyboard goes on in it (F12, Shift+F12 need no click).
    await expect.poll(() => editorHasFocus(p)).toBe(true);

    await p.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => where(p)).toBe(`src/orders/service.ts:${ORDER_TOTAL_CALL_LINE}`);
    await expect.poll(() => editorHasFocus(p)).toBe(true);
    await p.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => where(p)).toBe(`src/util/format.ts:${FORMAT_PRICE_DEF_LINE}`);
    await p.click('[data-testid=nav-back]');
    await expect.poll(() => where(p)).toBe(`src/orders/service.ts:${ORDER_TOTAL_CALL_LINE}`);
    // The mouse's side buttons (3 back, 4 forward); Playwright's mouse has no such buttons, so the events are dispatched.
    const sideButton = (button: number) => p.evaluate((b) => {
      const win = globalThis as unknown as { dispatchEvent(e: unknown): boolean; MouseEvent: new (type: string, init: { button: number; bubbles: boolean }) => unknown };
      win.dispatchEvent(new win.MouseEvent('mouseup', { button: b, bubbles: true }));
    }, button);
    await sideButton(4);
    await expect.poll(() => where(p)).toBe(`src/util/format.ts:${FORMAT_PRICE_DEF_LINE}`);
    await sideButton(3);
    await expect.poll(() => where(p)).toBe(`src/orders/service.ts:${ORDER_TOTAL_CALL_LINE}`);
  }, 60_000);

  it('F12 on a name defined in two files offers a keyboard picker with both candidates', async () => {
    const p = page();
    await open(p, 'src/legacy/page.ts');
    await clickWord(p, 'slugify(title)', 'slugify');
    await p.keyboard.press('F12');
    const options = p.locator('[data-testid=def-option]');
    await expect.poll(() => options.count()).toBe(2);
    const texts = (await options.allTextContents()).join(' ');
    expect(texts).toContain('src/legacy/slugA.ts:1');
    expect(texts).toContain('src/legacy/slugB.ts:1');
    expect(await fits(p, 'picker')).toEqual([]);
    await p.locator('[data-testid=def-picker] [role=listbox]').focus();
    await p.keyboard.press('ArrowDown');
    const second = await options.nth(1).textContent();
    await p.keyboard.press('Enter');
    await expect.poll(() => p.locator('[data-testid=def-picker]').count()).toBe(0);
    const path = second?.includes('slugA') ? 'src/legacy/slugA.ts' : 'src/legacy/slugB.ts';
    await expect.poll(() => where(p)).toBe(`${path}:1`);
    await expect.poll(() => p.locator('[data-testid=jump-target]').textContent()).toBe('slugify');
  }, 60_000);

  it('in a Rust file (no occurrence pass) Ctrl+click goes to the definition its use names, and Shift+F12 lists the name\'s lines, exact where the path says so', async () => {
    const p = page();
    await open(p, 'crates/pool/src/fs.rs');
    await clickWord(p, '    spawn_blocking();', 'spawn_blocking', 'Control');
    await expect.poll(() => where(p)).toBe('crates/pool/src/blocking.rs:2');
    await expect.poll(() => p.locator('[data-testid=jump-target]').textContent()).toBe('spawn_blocking');
    await clickWord(p, 'pub fn spawn_blocking', 'spawn_blocking');
    await p.keyboard.press('Shift+F12');
    const rows = p.locator('[data-testid=refs-group][data-file="crates/pool/src/fs.rs"] [data-testid=refs-row]');
    await expect.poll(() => rows.count()).toBe(3);
    // The use and the call it binds are exact; `helpers::spawn_blocking()` is found by name only, and marked so.
    expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-confidence')))).toEqual(['exact', 'exact', 'candidate']);
    expect(await rows.nth(2).locator('[title^="Found by name"]').count()).toBe(1);
    expect(await rows.first().locator('[title^="Found by name"]').count()).toBe(0);
    // Its own declaration and the doc comment above it are no references.
    expect(await p.locator('[data-testid=refs-group]').count()).toBe(1);
    expect(await fits(p, 'rust-references')).toEqual([]);
    await p.click('[data-testid=refs-close]');
  }, 60_000);

  it('in C++ Ctrl+click on a method call lands on its body out of line, F12 there goes to its declaration in the class, and Shift+F12 lists the call as exact', async () => {
    const p = page();
    await open(p, 'native/src/main.cc');
    await clickWord(p, 'arena.Allocate(16)', 'Allocate', 'Control');
    await expect.poll(() => where(p)).toBe('native/src/arena.cc:5');
    await expect.poll(() => p.locator('[data-testid=jump-target]').textContent()).toBe('Allocate');
    await clickWord(p, 'char* Arena::Allocate', 'Allocate');
    await p.keyboard.press('F12');
    await expect.poll(() => where(p)).toBe('native/include/arena.h:5');
    await clickWord(p, 'char* Allocate(size_t bytes);', 'Allocate');
    await p.keyboard.press('Shift+F12');
    const rows = p.locator('[data-testid=refs-group][data-file="native/src/main.cc"] [data-testid=refs-row]');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-confidence')))).toEqual(['exact']);
    expect(await fits(p, 'cpp-references')).toEqual([]);
    await p.click('[data-testid=refs-close]');
  }, 60_000);

  it('in a Go test table Ctrl+click on `tt.name` lands on the anonymous struct\'s field, and Shift+F12 there lists the field, the row\'s key and that use', async () => {
    const p = page();
    await open(p, 'go/orders_test.go');
    await clickWord(p, 't.Run(tt.name', 'name', 'Control');
    await expect.poll(() => where(p)).toBe('go/orders_test.go:7');
    await clickWord(p, 'name  string', 'name');
    await p.keyboard.press('Shift+F12');
    const rows = p.locator('[data-testid=refs-group][data-file="go/orders_test.go"] [data-testid=refs-row]');
    await expect.poll(() => rows.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-line')} ${el.getAttribute('data-confidence')}`))).toEqual(['7 exact', '10 exact', '13 exact']);
    expect(await fits(p, 'go-table-references')).toEqual([]);
    await p.click('[data-testid=refs-close]');
  }, 60_000);

  it('in Go Ctrl+click on a protobuf message and on its getter lands in the generated .pb.go file, whose outline lists them', async () => {
    const p = page();
    await open(p, 'go/orders.go');
    await clickWord(p, 'func Total(o *pb.Order) int64 {', 'Order', 'Control');
    await expect.poll(() => where(p)).toBe('go/pb/order.pb.go:6');
    await expect.poll(() => p.locator('[data-testid=outline-item]').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('Order'), expect.stringContaining('GetCents')]));
    await open(p, 'go/orders.go');
    await clickWord(p, 'return o.GetCents()', 'GetCents', 'Control');
    await expect.poll(() => where(p)).toBe('go/pb/order.pb.go:11');
    expect(await fits(p, 'go-generated', true)).toEqual([]);
  }, 60_000);

  it('Shift+F12 lists the references grouped by file with counts, and a row jumps to its line', async () => {
    const p = page();
    await open(p, 'src/orders/service.ts');
    await clickWord(p, "'Total: ' + formatPrice", 'formatPrice');
    await p.keyboard.press('Shift+F12');
    const groups = p.locator('[data-testid=refs-group]');
    await expect.poll(() => groups.count()).toBeGreaterThanOrEqual(2);
    const files = await groups.evaluateAll((els) => els.map((el) => el.getAttribute('data-file')));
    expect(files).toEqual(expect.arrayContaining(['src/orders/service.ts', 'src/util/format.ts']));
    for (const group of await groups.all()) {
      const count = Number(await group.locator('[data-testid=refs-count]').textContent());
      expect(count).toBe(await group.locator('[data-testid=refs-row]').count());
    }
    const inService = groups.and(p.locator('[data-file="src/orders/service.ts"]'));
    const calls = inService.locator('[data-testid=refs-row]', { hasText: 'formatPrice(cents)' });
    expect(await calls.count()).toBe(2);
    expect(await fits(p, 'references')).toEqual([]);
    await calls.first().focus();
    await p.keyboard.press('Enter');
    await expect.poll(() => where(p)).toBe(`src/orders/service.ts:${ORDER_TOTAL_CALL_LINE}`);
    await expect.poll(() => p.locator('[data-testid=jump-target]').textContent()).toBe('formatPrice');
    await p.click('[data-testid=refs-close]');
  }, 60_000);

  it('hovering a name shows its signature, its doc comment with line breaks, and its notes', async () => {
    const p = page();
    await open(p, 'src/orders/service.ts');
    await hoverWord(p, 'return formatPrice(cents)', 'formatPrice');
    const card = p.locator('[data-testid=hover-card]');
    await card.waitFor({ timeout: 5000 });
    expect(await card.locator('.sig').textContent()).toContain('formatPrice(cents: number)');
    expect(await card.locator('.doc').evaluate((el) => (el as HTMLElement).innerText)).toMatch(/Formats cents as euros\.\s*\n\s*\*?\s*Always two decimals\./);
    expect(await card.textContent()).toContain(NOTE);
    expect(await fits(p, 'hover')).toEqual([]);
    await p.mouse.move(0, 0);
  }, 60_000);

  it('the file tree opens folders lazily, filters, works from the keyboard and opens a file; a breadcrumb folder shows in it', async () => {
    const p = page();
    await open(p, 'src/util/format.ts');
    await p.click('[data-testid=side-tab-files]');
    const item = (path: string) => p.locator(`[data-testid=tree-item][data-path="${path}"]`);
    await item('src').click();
    await item('src/orders').waitFor();
    expect(await item('src/orders/service.ts').count()).toBe(0);
    await item('src/orders').focus();
    await p.keyboard.press('ArrowRight');
    await item('src/orders/service.ts').waitFor();
    await p.fill('[data-testid=file-filter]', 'repos');
    await expect.poll(() => p.locator('[data-testid=tree-item][data-kind=file]').evaluateAll((els) => els.map((el) => el.getAttribute('data-path')))).toEqual(['src/orders/repository.ts']);
    await p.fill('[data-testid=file-filter]', '');
    await item('src/server.ts').click();
    await expect.poll(() => editor(p).getAttribute('data-path')).toBe('src/server.ts');
    expect(await fits(p, 'file-tree', true)).toEqual([]);

    await open(p, 'src/payments/client.ts');
    await p.locator('[data-testid=crumb-folder]', { hasText: 'payments' }).click();
    await item('src/payments').waitFor();
    await expect.poll(() => item('src/payments').evaluate((el) => el === document.activeElement)).toBe(true);
    await p.click('[data-testid=side-tab-outline]');
  }, 60_000);

  it('the symbol panel shows who calls a function, opened one level at a time', async () => {
    const p = page();
    const callers = await showCallers(p, 'src/util/format.ts', 'formatPrice');
    await expect.poll(() => callers.count()).toBe(2);
    const names = await callers.evaluateAll((els) => els.map((el) => el.getAttribute('data-fqn') ?? ''));
    expect(names.some((n) => n.includes('orderTotal'))).toBe(true);
    expect(names.some((n) => n.includes('receiptLine'))).toBe(true);
    // orderTotal is called by the route handler: one more level opens on demand.
    const orderTotal = callers.filter({ has: p.locator(':scope > .call-row', { hasText: 'orderTotal' }) });
    await orderTotal.locator(':scope > .call-row > .twisty').click();
    await expect.poll(() => orderTotal.locator('[data-testid=call-node]').evaluateAll((els) => els.map((el) => el.getAttribute('data-fqn') ?? '').join(' '))).toContain('getOrder');
    expect(await fits(p, 'callers', true)).toEqual([]);
  }, 60_000);

  it('the symbol panel of a Rust function lists its callers, read from the text and marked as candidates', async () => {
    const p = page();
    const callers = await showCallers(p, 'crates/pool/src/blocking.rs', 'spawn_blocking');
    await expect.poll(() => callers.count()).toBe(1);
    expect(await callers.first().getAttribute('data-fqn')).toMatch(/open$/);
    expect(await callers.first().locator(':scope > .call-row [title="Resolved by name, not proven"]').count()).toBe(1);
    expect(await fits(p, 'rust-callers', true)).toEqual([]);
  }, 60_000);

  /** Shows the flow of the entry row holding `route` and returns the names of the nodes in its call tree. */
  const showFlow = async (p: Page, route: string): Promise<string[]> => {
    await p.click('[data-testid=tab-entrypoints]');
    const row = p.locator('[data-testid=entry-row]', { hasText: route });
    await row.locator('[data-testid=show-flow]').click();
    const flow = p.locator('[data-testid=flow]');
    await flow.locator('[data-testid=call-node]').first().waitFor();
    return flow.locator('[data-testid=call-node]').evaluateAll((els) => els.map((el) => el.getAttribute('data-fqn') ?? ''));
  };
  const external = (p: Page, name: string) => p.locator('[data-testid=flow] [data-testid=call-node]').filter({ has: p.locator(':scope > .call-row', { hasText: name }) })
    .first().locator(':scope > .call-external [data-testid=call-external]');

  it('Show flow on an express route draws the handler\'s call tree with SQL and HTTP marked at the leaves', async () => {
    const p = page();
    const nodes = await showFlow(p, '/orders/:id');
    for (const name of ['getOrder', 'orderTotal', 'loadOrderCents', 'chargeCard', 'formatPrice']) expect(nodes.some((n) => n.includes(name)), name).toBe(true);
    expect(await external(p, 'loadOrderCents').textContent()).toMatch(/sql/i);
    expect(await external(p, 'chargeCard').textContent()).toMatch(/http/i);
    expect(await fits(p, 'flow')).toEqual([]);
    await p.click('[data-testid=flow-close]');
    await p.click('[data-testid=tab-search]');
  }, 60_000);

  it('a Rails route is listed with its controller action, and Show flow follows the action into its SQL and HTTP calls', async () => {
    const p = page();
    await p.click('[data-testid=tab-entrypoints]');
    const row = p.locator('[data-testid=entry-row]', { hasText: '/invoices/:id' });
    expect(await row.locator('td').first().textContent()).toBe('httprails');
    expect(await row.locator('[data-testid=entry-handler]').getAttribute('title')).toBe('InvoicesController#show');
    const nodes = await showFlow(p, '/invoices/:id');
    expect(nodes[0]).toBe('InvoicesController#show');
    for (const name of ['find_invoice', 'notify_billing']) expect(nodes.some((n) => n.endsWith(`#${name}`)), name).toBe(true);
    expect(await external(p, 'find_invoice').textContent()).toMatch(/sql/i);
    expect(await external(p, 'notify_billing').textContent()).toMatch(/http/i);
    expect(await fits(p, 'rails-flow')).toEqual([]);
    await p.click('[data-testid=flow-close]');
    await p.click('[data-testid=tab-search]');
  }, 60_000);
});
