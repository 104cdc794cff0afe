import type { Page } from 'playwright-core';

// In-page measurements of the register grid (bench/ui-grid.ts). Times are wall-clock from the
// Node side around one user action; the scroll test counts requestAnimationFrame intervals inside
// the page, where a frame is "dropped" for every 16.7 ms an interval overran.

const GRID = '[data-testid="household-grid"]';
/** ag-grid 36 renders each row once (pinned cells inside it), keyed by row-index. */
const rowSel = (index: number) => `${GRID} .ag-row[row-index="${index}"]`;
const ROW0 = rowSel(0);
const FRAME_MS = 1000 / 60;

// Plain JS text, evaluated in the page: the TS toolchain (tsx/esbuild keepNames) would otherwise
// wrap named inner functions in a __name() helper that does not exist in the page.
const SCROLL_SCRIPT = `(grid, toRow, rowsPerSecond, frameMs) => new Promise((resolve) => {
  // The element that actually scrolls vertically (its class differs between ag-grid versions).
  const vp = [...document.querySelectorAll(grid + ' [class*="viewport"]')].sort((a, b) => (b.scrollHeight - b.clientHeight) - (a.scrollHeight - a.clientHeight))[0];
  const first = document.querySelector(grid + ' .ag-row');
  const rowH = first ? first.getBoundingClientRect().height : 42;
  const target = rowH * toRow;
  const dir = target >= vp.scrollTop ? 1 : -1;
  const step = dir * rowH * rowsPerSecond * frameMs / 1000;
  const frames = [];
  let last = 0;
  function tick(now) {
    frames.push(now - last);
    last = now;
    vp.scrollTop = dir > 0 ? Math.min(target, vp.scrollTop + step) : Math.max(target, vp.scrollTop + step);
    if (Math.abs(vp.scrollTop - target) < 1 || frames.length > 3000) resolve({ frames, rowH });
    else requestAnimationFrame(tick);
  }
  requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
})`;

/** rAF intervals for `ms` with nothing happening: the page's and the machine's own frame jitter. */
const IDLE_SCRIPT = `(ms) => new Promise((resolve) => {
  const frames = [];
  let last = 0;
  let start = 0;
  function tick(now) {
    frames.push(now - last);
    last = now;
    if (now - start >= ms) resolve(frames);
    else requestAnimationFrame(tick);
  }
  requestAnimationFrame((now) => { last = now; start = now; requestAnimationFrame(tick); });
})`;

const droppedOf = (frames: number[]) => frames.reduce((n, d) => n + Math.max(0, Math.round(d / FRAME_MS) - 1), 0);
const pct = (dropped: number, frames: number) => Math.round((dropped / (frames + dropped)) * 1000) / 10;

export interface ScrollFigures {
  /** dropped frames while the page sits idle for 2 s (the floor: headless, software rendering, shared CPU) */
  idleDroppedPct: number;
  /** scrolling back over 5,000 cached rows at the same speed: rendering cost alone */
  cachedScrollDroppedPct: number;
  cachedScrollListCalls: number;
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
  page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', rowSel(index));

/** Row `index` rendered with data (an infinite-model stub row has no text yet). */
async function waitForRow(page: Page, index: number, timeout = 120_000): Promise<void> {
  await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? '').trim().length > 4, rowSel(index), { timeout, polling: 'raf' });
}

async function openRegister(page: Page): Promise<{ ms: number; divisionsMs: number | null }> {
  const divisions = page.waitForResponse((r) => r.url().endsWith('/api/divisions.list'), { timeout: 600_000 }).catch(() => null);
  const t0 = performance.now();
  await page.evaluate(() => (location.hash = '#/register/households'));
  const tDiv = divisions.then((r) => (r ? performance.now() - t0 : null));
  await waitForRow(page, 0, 180_000);
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
  const idle = (await page.evaluate(`(${IDLE_SCRIPT})(2000)`)) as number[];
  let listCalls = 0;
  page.on('request', (r) => r.url().endsWith('/api/households.list') && listCalls++);
  const t0 = performance.now();
  // ~5 s from the top to row 10,000 (2,000 rows/s): a brisk drag of the scrollbar.
  const s = (await page.evaluate(`(${SCROLL_SCRIPT})(${JSON.stringify(GRID)}, ${rows}, ${rows / 5}, ${FRAME_MS})`)) as { frames: number[]; rowH: number };
  const scrollMs = performance.now() - t0;
  const t1 = performance.now();
  await waitForRow(page, rows);
  const settleMs = performance.now() - t1;
  // Back up over the last 5,000 rows at the same speed: those blocks are cached (maxBlocksInCache
  // 50 × 100), so no request is made and what remains is the cost of rendering rows.
  const callsBefore = listCalls;
  const back = (await page.evaluate(`(${SCROLL_SCRIPT})(${JSON.stringify(GRID)}, ${rows / 2}, ${rows / 5}, ${FRAME_MS})`)) as { frames: number[] };
  const cachedCalls = listCalls - callsBefore;
  const dropped = droppedOf(s.frames);
  return {
    idleDroppedPct: pct(droppedOf(idle), idle.length),
    cachedScrollDroppedPct: pct(droppedOf(back.frames), back.frames.length),
    cachedScrollListCalls: cachedCalls,
    droppedPct: pct(dropped, s.frames.length),
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

export async function pageMetrics(page: Page, searchTerm: string, log: (m: string) => void): Promise<PageFigures> {
  await page.evaluate(() => (location.hash = '#/'));
  log('  register: first rows …');
  const warm = await openRegister(page);
  log(`  register: ${Math.round(warm.ms)} ms; cold page load …`);
  let coldFirstRowsMs: number | null = null;
  // A full reload on the register's URL (goto with only the hash changed would not reload).
  const t0 = performance.now();
  await page.reload();
  try {
    await waitForRow(page, 0, 180_000);
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
