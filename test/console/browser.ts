/**
 * The console in a real browser for tests: Debian's Chromium driven by playwright-core, the front
 * end built if this checkout has no build yet, and screenshots kept under test-output/console/ for
 * a developer to open.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = new URL('../../', import.meta.url).pathname;
export const SCREENSHOTS = join(root, 'test-output', 'console');
export const CHROMIUM = process.env.SLIPWAY_CHROMIUM ?? '/usr/bin/chromium';

/** Builds console/dist unless it is there (scripts/setup.sh builds it; a test run straight after a change may not have). */
export function ensureConsoleBuilt(): void {
  if (existsSync(join(root, 'console/dist/index.html'))) return;
  execFileSync('npm', ['run', '--silent', 'build:console'], { cwd: root, stdio: 'inherit' });
}

/** One browser for a test file, opened before its tests and closed after. */
export function browserForTests(): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (scripts/setup.sh does, as root)`);
    ensureConsoleBuilt();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser has not started');
    return browser;
  };
}

/** Keeps a screenshot of what a test asserts, as test-output/console/<name>.png (transitions finished, so a bar shows its value). */
export async function keep(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** Marks the page, so a test can tell a live update from a reload (a reload loses the mark). */
export async function mark(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { slipwayTestMark: boolean }).slipwayTestMark = true));
}

export async function stillMarked(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { slipwayTestMark?: boolean }).slipwayTestMark === true);
}

/** Waits for the text of `selector` to satisfy `check` (a row appearing, a status turning), up to `timeoutMs`. */
export async function waitForText(
  page: Page,
  selector: string,
  check: (text: string) => boolean,
  label: string,
  timeoutMs = 90_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    last =
      (await page
        .locator(selector)
        .first()
        .textContent({ timeout: 1000 })
        .catch(() => null)) ?? '';
    if (check(last)) return last;
    await page.waitForTimeout(200);
  }
  throw new Error(`timed out waiting for ${label}; ${selector} shows (its end): ${last.slice(-800)}`);
}
