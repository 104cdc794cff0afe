import type { CDPSession, Page } from 'playwright-core';

// In-page measurements of the register grid (bench/ui-grid.ts). Times are wall-clock from the
// Node side around one user action; the scroll test counts requestAnimationFrame intervals inside
// the page, where a frame is "dropped" for every 16.7 ms an interval overran, and reads the
// renderer's CPU time per pass (Chrome's Performance.getMetrics), which other work on a shared
// machine disturbs less than it disturbs frame counts.

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
  // Main-thread tasks over 50 ms while scrolling (what makes the frames late).
  const longTasks = [];
  const observer = typeof PerformanceObserver === 'function' && PerformanceObserver.supportedEntryTypes.includes('longtask')
    ? new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.duration); })
    : null;
  observer?.observe({ type: 'longtask' });
  let last = 0;
  let start = 0;
  function tick(now) {
    frames.push(now - last);
    last = now;
    vp.scrollTop = dir > 0 ? Math.min(target, vp.scrollTop + step) : Math.max(target, vp.scrollTop + step);
    if (Math.abs(vp.scrollTop - target) < 1 || frames.length > 3000) {
      // let the observer deliver the last frame's entries
      setTimeout(() => { observer?.disconnect(); resolve({ frames, rowH, elapsedMs: last - start, longTasks }); }, 0);
    } else requestAnimationFrame(tick);
  }
  requestAnimationFrame((now) => { last = now; start = now; requestAnimationFrame(tick); });
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
const quantile = (xs: number[], q: number) => (xs.length ? [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(q * xs.length))] : 0);

export interface ScrollRun {
  frames: number[];
  rowH: number;
  elapsedMs: number;
  longTasks: number[];
  cpu: CpuFigures;
}

/**
 * Renderer CPU spent during one pass (Chrome's Performance.getMetrics deltas). Thread and process
 * times are CPU time, so they hold still when other work on the machine stretches the wall clock;
 * the dropped-frame figures do not. script/style/layout are the main thread's wall time in each.
 */
export interface CpuFigures {
  mainThreadMs: number;
  rendererProcessMs: number;
  scriptMs: number;
  styleMs: number;
  layoutMs: number;
  mainThreadMsPerFrame: number;
}

type Metrics = Record<string, number>;
const readMetrics = async (cdp: CDPSession): Promise<Metrics> =>
  Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]));

function cpuDelta(before: Metrics, after: Metrics, frames: number): CpuFigures {
  const ms = (k: string) => Math.round((after[k] - before[k]) * 1000);
  return { mainThreadMs: ms('ThreadTime'), rendererProcessMs: ms('ProcessTime'), scriptMs: ms('ScriptDuration'), styleMs: ms('RecalcStyleDuration'), layoutMs: ms('LayoutDuration'), mainThreadMsPerFrame: Math.round(((after.ThreadTime - before.ThreadTime) * 10000) / Math.max(1, frames)) / 10 };
}

/** One scroll pass in figures: frames drawn against the 60 Hz frames its duration had room for. */
export interface PassFigures {
  droppedPct: number;
  frames: number;
  dropped: number;
  /** frames the pass's duration had room for at 60 Hz (frames + dropped, within rounding) */
  expectedFrames: number;
  medianFrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  longFrames50ms: number;
  longTasks: number;
  longTaskMs: number;
  scrollMs: number;
  cpu: CpuFigures;
}

function passFigures(r: ScrollRun): PassFigures {
  const dropped = droppedOf(r.frames);
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    droppedPct: pct(dropped, r.frames.length),
    frames: r.frames.length,
    dropped,
    expectedFrames: Math.round(r.elapsedMs / FRAME_MS),
    medianFrameMs: round(quantile(r.frames, 0.5)),
    p95FrameMs: round(quantile(r.frames, 0.95)),
    maxFrameMs: Math.round(Math.max(...r.frames)),
    longFrames50ms: r.frames.filter((d) => d > 50).length,
    longTasks: r.longTasks.length,
    longTaskMs: Math.round(r.longTasks.reduce((x, y) => x + y, 0)),
    scrollMs: Math.round(r.elapsedMs),
    cpu: r.cpu,
  };
}

export interface ScrollFigures extends PassFigures {
  /** dropped frames while the page sits idle for 2 s (the floor: headless, software rendering, shared CPU) */
  idleDroppedPct: number;
  /** scrolling back over 5,000 cached rows at the same speed: rendering cost alone */
  cachedScrollDroppedPct: number;
  cachedScrollListCalls: number;
  cached: PassFigures;
  /** 1,000 cached rows at 300 rows/s (~5 rows a frame, a quick mouse wheel): rows partly reused */
  wheelScrollDroppedPct: number;
  wheel: PassFigures;
  rowHeightPx: number;
  /** after the scroll stops: until row 10,000 shows data instead of a loading stub */
  settleMs: number;
  listCalls: number;
}

export interface PageFigures {
  firstRowsMs: number;
  coldFirstRowsMs: number | null;
  divisionsMs: number | null;
  /** after a reload of 工作台: until its own API requests had finished (the register is opened after) */
  workbenchSettleMs: number;
  searchTerm: string;
  searchMs: number;
  scroll: ScrollFigures;
}

const rowText = (page: Page, index: number) =>
  page.evaluate((sel) => document.querySelector(sel)?.textContent ?? '', rowSel(index));

/** Row `index` rendered with data (an infinite-model stub row has no text yet). */
export async function waitForRow(page: Page, index: number, timeout = 120_000): Promise<void> {
  await page.waitForFunction((sel) => (document.querySelector(sel)?.textContent ?? '').trim().length > 4, rowSel(index), { timeout, polling: 'raf' });
}

export async function openRegister(page: Page): Promise<{ ms: number; divisionsMs: number | null }> {
  const divisions = page.waitForResponse((r) => r.url().endsWith('/api/divisions.list'), { timeout: 600_000 }).catch(() => null);
  const t0 = performance.now();
  await page.evaluate(() => (location.hash = '#/register/households'));
  const tDiv = divisions.then((r) => (r ? performance.now() - t0 : null));
  await waitForRow(page, 0, 180_000);
  const ms = performance.now() - t0;
  // The division tree (the filters' options) is asked for once the first rows are in: allow it 10 s more.
  return { ms, divisionsMs: await Promise.race([tDiv, new Promise<null>((r) => setTimeout(() => r(null), 10_000))]) };
}

export async function search(page: Page, term: string): Promise<number> {
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

export async function scrollPass(page: Page, cdp: CDPSession, toRow: number, rowsPerSecond: number): Promise<ScrollRun> {
  const before = await readMetrics(cdp);
  const run = (await page.evaluate(`(${SCROLL_SCRIPT})(${JSON.stringify(GRID)}, ${toRow}, ${rowsPerSecond}, ${FRAME_MS})`)) as Omit<ScrollRun, 'cpu'>;
  return { ...run, cpu: cpuDelta(before, await readMetrics(cdp), run.frames.length) };
}

/**
 * Scrolls from the top to row `rows` at rows/5 a second (a brisk scrollbar drag: every frame shows
 * new rows), then back over the cached half at the same speed, then 1,000 cached rows at wheel
 * speed. The register must be open at row 0.
 */
export async function scrollMetrics(page: Page, rows: number): Promise<ScrollFigures> {
  const idle = (await page.evaluate(`(${IDLE_SCRIPT})(2000)`)) as number[];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let listCalls = 0;
  const countCalls = (r: { url(): string }) => void (r.url().endsWith('/api/households.list') && listCalls++);
  page.on('request', countCalls);
  try {
    const fwd = await scrollPass(page, cdp, rows, rows / 5);
    const t1 = performance.now();
    await waitForRow(page, rows);
    const settleMs = performance.now() - t1;
    // Back up over the last 5,000 rows at the same speed: those blocks are cached (maxBlocksInCache
    // 50 × 100), so (almost) no request is made and what remains is the cost of rendering rows.
    const callsBefore = listCalls;
    const back = passFigures(await scrollPass(page, cdp, rows / 2, rows / 5));
    const cachedScrollListCalls = listCalls - callsBefore;
    // Forward again over 1,000 of those cached rows at wheel speed.
    const wheel = passFigures(await scrollPass(page, cdp, rows / 2 + 1000, 300));
    return {
      ...passFigures(fwd),
      idleDroppedPct: pct(droppedOf(idle), idle.length),
      cachedScrollDroppedPct: back.droppedPct,
      cachedScrollListCalls,
      cached: back,
      wheelScrollDroppedPct: wheel.droppedPct,
      wheel,
      rowHeightPx: fwd.rowH,
      settleMs: Math.round(settleMs),
      listCalls,
    };
  } finally {
    page.off('request', countCalls);
    await cdp.detach();
  }
}

/** Counts /api/ requests in flight from now on; quiet() resolves once none has been for `quietMs`. */
function trackApi(page: Page) {
  let inFlight = 0;
  let lastChange = performance.now();
  const isApi = (r: { url(): string }) => r.url().includes('/api/');
  const started = (r: { url(): string }) => void (isApi(r) && (inFlight++, (lastChange = performance.now())));
  const ended = (r: { url(): string }) => void (isApi(r) && (inFlight--, (lastChange = performance.now())));
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  return {
    async quiet(quietMs: number, timeout = 120_000): Promise<void> {
      const deadline = performance.now() + timeout;
      while (inFlight > 0 || performance.now() - lastChange < quietMs) {
        if (performance.now() > deadline) throw new Error(`API requests still in flight after ${timeout} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop(): void {
      page.off('request', started);
      page.off('requestfinished', ended);
      page.off('requestfailed', ended);
    },
  };
}

/**
 * The register opened from a settled 工作台: the workbench's own requests (it loads its cards after
 * login) are let finish first, so the figure is the register's and not the workbench's; how long the
 * workbench took to settle is reported beside it.
 */
export async function settledWorkbench(page: Page): Promise<number> {
  const api = trackApi(page);
  try {
    const t0 = performance.now();
    await page.evaluate(() => (location.hash = '#/'));
    await page.reload();
    await page.getByText('防返贫监测工作站').first().waitFor({ timeout: 60_000 });
    await api.quiet(500);
    return performance.now() - t0 - 500;
  } finally {
    api.stop();
  }
}

export async function pageMetrics(page: Page, searchTerm: string, log: (m: string) => void): Promise<PageFigures> {
  log('  workbench: waiting for its requests to finish …');
  const workbenchSettleMs = await settledWorkbench(page);
  log(`  workbench settled in ${Math.round(workbenchSettleMs)} ms; register: first rows …`);
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
  const scrolled = await scrollMetrics(page, 10_000);
  return { firstRowsMs: warm.ms, coldFirstRowsMs, divisionsMs: warm.divisionsMs, workbenchSettleMs, searchTerm, searchMs, scroll: scrolled };
}
