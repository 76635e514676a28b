// Screenshots of each main screen go to test/e2e/output/ (gitignored) for a person to look at.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const OUTPUT_DIR = fileURLToPath(new URL('./output/', import.meta.url));

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  await page.screenshot({ path: `${OUTPUT_DIR}${name}.png` });
}
