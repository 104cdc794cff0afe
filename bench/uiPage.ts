import type { Page } from 'playwright-core';

// In-page measurements of the register grid (bench/ui-grid.ts). Times are wall-clock from the
// Node side around one user action; the scroll test counts requestAnimationFrame intervals inside
// the page, where a frame is "dropped" for every 16.7 ms an interval overran.

const GRID = '[data-testid="household-grid"]';
const ROW0 = `${GRID} .ag-center-cols-container .ag-row[row-index="0"]`;
const FRAME_MS = 1000 / 60;

export interface ScrollFigures {
  droppedPct: number;
  frames: number;
  dropped: number;
  longFrames50ms: number;
  maxFrameMs: number;
  scrollMs: number;
  rowHeightPx: number;
  /** after the scroll stops: until row 10,000 shows data instead of a loading stub */
  settleMs: number;
  listCalls: number;
}

export interface PageFigures {
  firstRowsMs: number;
  coldFirstRowsMs: number | null;
  divisionsMs: number | null;
  searchTerm: string;
  searchMs: number;
  scroll: ScrollFigures;
}

const rowText = (page: Page, index: number) =>
  page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', `${GRID} .ag-center-cols-container .ag-row[row-index="${index}"]`);

/** Row `index` rendered with data (an infinite-model stub row has no text yet). */
async function waitForRow(page: Page, index: number, timeout = 120_000): Promise<void> {
  await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? '').trim().length > 4, `${GRID} .ag-center-cols-container .ag-row[row-index="${index}"]`, { timeout, polling: 'raf' });
}

async function openRegister(page: Page): Promise<{ ms: number; divisionsMs: number | null }> {
  const divisions = page.waitForResponse((r) => r.url().endsWith('/api/divisions.list'), { timeout: 600_000 }).catch(() => null);
  const t0 = performance.now();
  await page.evaluate(() => (location.hash = '#/register/households'));
  const tDiv = divisions.then((r) => (r ? performance.now() - t0 : null));
  await waitForRow(page, 0, 600_000);
  const ms = performance.now() - t0;
  return { ms, divisionsMs: await Promise.race([tDiv, Promise.resolve(null)]) };
}

async function search(page: Page, term: string): Promise<number> {
  const before = await rowText(page, 0);
  const box = page.getByLabel('搜索农户');
  await box.fill(term);
  const response = page.waitForResponse((r) => r.url().endsWith('/api/households.list') && (r.request().postData() ?? '').includes(JSON.stringify(term).slice(1, -1)));
  const t0 = performance.now();
  await box.press('Enter');
  await response;
  await page.waitForFunction(([sel, prev]) => {
    const t = document.querySelector(sel as string)?.textContent ?? '';
    return t.trim().length > 4 && t !== prev;
  }, [ROW0, before] as const, { timeout: 60_000, polling: 'raf' });
  return performance.now() - t0;
}

async function scroll(page: Page, rows: number): Promise<ScrollFigures> {
  let listCalls = 0;
  page.on('request', (r) => r.url().endsWith('/api/households.list') && listCalls++);
  const t0 = performance.now();
  const s = await page.evaluate(
    ({ grid, rows, frameMs }) =>
      new Promise<{ frames: number[]; rowH: number }>((resolve) => {
        const vp = document.querySelector(`${grid} .ag-body-viewport`) as HTMLElement;
        const rowH = (document.querySelector(`${grid} .ag-row`) as HTMLElement | null)?.getBoundingClientRect().height || 42;
        const target = rowH * rows;
        const step = target / (5000 / frameMs); // ~5 s from top to row 10,000: a brisk drag of the scrollbar
        const frames: number[] = [];
        let last = performance.now();
        const tick = (now: number) => {
          frames.push(now - last);
          last = now;
          vp.scrollTop = Math.min(target, vp.scrollTop + step);
          if (vp.scrollTop >= target - 1 || frames.length > 3000) resolve({ frames, rowH });
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(tick);
        });
      }),
    { grid: GRID, rows, frameMs: FRAME_MS },
  );
  const scrollMs = performance.now() - t0;
  const t1 = performance.now();
  await waitForRow(page, rows);
  const settleMs = performance.now() - t1;
  const dropped = s.frames.reduce((n, d) => n + Math.max(0, Math.round(d / FRAME_MS) - 1), 0);
  return {
    droppedPct: Math.round((dropped / (s.frames.length + dropped)) * 1000) / 10,
    frames: s.frames.length,
    dropped,
    longFrames50ms: s.frames.filter((d) => d > 50).length,
    maxFrameMs: Math.round(Math.max(...s.frames)),
    scrollMs: Math.round(scrollMs),
    rowHeightPx: s.rowH,
    settleMs: Math.round(settleMs),
    listCalls,
  };
}

export async function pageMetrics(page: Page, base: string, searchTerm: string, log: (m: string) => void): Promise<PageFigures> {
  await page.evaluate(() => (location.hash = '#/'));
  log('  register: first rows …');
  const warm = await openRegister(page);
  log(`  register: ${Math.round(warm.ms)} ms; cold page load …`);
  let coldFirstRowsMs: number | null = null;
  const t0 = performance.now();
  await page.goto(`${base}/#/register/households`);
  try {
    await waitForRow(page, 0, 600_000);
    coldFirstRowsMs = performance.now() - t0;
  } catch {
    // a reload that lands on the login page: no cold figure (coldFirstRowsMs stays null)
  }
  log('  search …');
  const searchMs = await search(page, searchTerm);
  await page.getByLabel('搜索农户').fill('');
  await page.getByLabel('搜索农户').press('Enter');
  await waitForRow(page, 0);
  log('  scroll 10,000 rows …');
  const scrolled = await scroll(page, 10_000);
  return { firstRowsMs: warm.ms, coldFirstRowsMs, divisionsMs: warm.divisionsMs, searchTerm, searchMs, scroll: scrolled };
}
