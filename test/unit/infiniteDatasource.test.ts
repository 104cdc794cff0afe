// The register grids' datasource (renderer/src/features/register/infiniteDatasource.ts) without a DOM:
// ag-grid's getRows is called as the grid calls it, against a fake list method that counts only when asked.
import type { IGetRowsParams } from 'ag-grid-community';
import { describe, expect, it } from 'vitest';
import { blockKey, blockRequest, needsCount, queryDatasource, rowCountAfter, type DatasourceHooks, type EarlyBlock, type PageRequest } from '../../renderer/src/features/register/infiniteDatasource';

const NOT_COUNTED = -1;
interface Row {
  id: string;
}

/** A list of `n` rows (n can change between calls, as when another clerk adds or removes rows). */
function fakeList(n: number) {
  const list = {
    n,
    requests: [] as PageRequest[],
    fail: false,
    fetch: async (req: PageRequest) => {
      list.requests.push(req);
      if (list.fail) throw new Error('网络错误');
      const rows = Array.from({ length: Math.max(0, Math.min(req.endRow, list.n) - req.startRow) }, (_, i) => ({ id: String(req.startRow + i) }));
      return { rows, total: req.withTotal ? list.n : NOT_COUNTED };
    },
  };
  return list;
}

function setup(n: number, early: EarlyBlock<Row> | null = null) {
  const list = fakeList(n);
  const totals: number[] = [];
  const errors: unknown[] = [];
  let firstBlocks = 0;
  const hooks: { current: DatasourceHooks<Row> } = { current: { fetch: list.fetch, onTotal: (x) => totals.push(x), onFirstBlock: () => firstBlocks++ } };
  const ds = queryDatasource<Row>('q', hooks, { current: early }, (e) => errors.push(e));
  /** ag-grid asking for one block; resolves with what the datasource told it. */
  const getRows = (startRow: number, endRow: number, sortModel: { colId: string; sort: 'asc' | 'desc' }[] = []) =>
    new Promise<{ rows: Row[]; lastRow: number | undefined } | 'failed'>((resolve) => {
      const params = { startRow, endRow, sortModel, filterModel: {}, context: undefined, successCallback: (rows: Row[], lastRow?: number) => resolve({ rows, lastRow }), failCallback: () => resolve('failed') };
      ds.getRows(params as unknown as IGetRowsParams);
    });
  return { list, totals, errors, getRows, firstBlocks: () => firstBlocks };
}

describe('register datasource: the row count only with the blocks that need it', () => {
  it('counts with the first block, then tells ag-grid the known count without asking again', async () => {
    const g = setup(1234);
    expect(await g.getRows(0, 100)).toMatchObject({ lastRow: 1234 });
    for (const start of [100, 200, 700]) {
      const r = await g.getRows(start, start + 100);
      expect(r).toMatchObject({ lastRow: 1234 });
      expect(r !== 'failed' && r.rows[0].id).toBe(String(start));
    }
    expect(g.list.requests.map((r) => r.withTotal)).toEqual([true, false, false, false]);
    expect(g.totals).toEqual([1234]);
    expect(g.firstBlocks()).toBe(1);
  });

  it('counts again with the block holding the end, so rows added since show up', async () => {
    const g = setup(250);
    await g.getRows(0, 100);
    await g.getRows(100, 200);
    g.list.n = 260; // another clerk added ten households
    expect(await g.getRows(200, 300)).toMatchObject({ lastRow: 260 });
    expect(g.list.requests.map((r) => r.withTotal)).toEqual([true, false, true]);
    expect(g.totals).toEqual([250, 260]);
  });

  it('ends the list at a block shorter than asked for (rows removed since the count)', async () => {
    const g = setup(1000);
    await g.getRows(0, 100);
    g.list.n = 450;
    const r = await g.getRows(400, 500);
    expect(g.list.requests[1].withTotal).toBe(false);
    expect(r).toMatchObject({ lastRow: 450 });
    expect(g.totals).toEqual([1000, 450]);
  });

  it('counts again when ag-grid starts over at block 0 (a new sort resets its cache)', async () => {
    const g = setup(500);
    await g.getRows(0, 100);
    await g.getRows(100, 200);
    await g.getRows(0, 100, [{ colId: 'headName', sort: 'desc' }]);
    expect(g.list.requests.map((r) => [r.startRow, r.withTotal, r.sort])).toEqual([
      [0, true, []],
      [100, false, []],
      [0, true, [{ colId: 'headName', sort: 'desc' }]],
    ]);
    expect(g.totals).toEqual([500]); // the same count is not announced twice
  });

  it('asks for the count again after a block failed before any count arrived', async () => {
    const g = setup(300);
    g.list.fail = true;
    expect(await g.getRows(0, 100)).toBe('failed');
    expect(g.errors).toHaveLength(1);
    expect(g.firstBlocks()).toBe(1); // the screen's secondary requests may start anyway
    g.list.fail = false;
    expect(await g.getRows(100, 200)).toMatchObject({ lastRow: 300 });
    expect(g.list.requests.map((r) => r.withTotal)).toEqual([true, true]);
  });

  it('takes the block fetched early when it is the same request, and fetches otherwise', async () => {
    const req = blockRequest([], 0, 100, true);
    const earlyRows = Promise.resolve({ rows: [{ id: 'early' }], total: 1 });
    const g = setup(1, { key: blockKey('q', req), rows: earlyRows });
    expect(await g.getRows(0, 100)).toEqual({ rows: [{ id: 'early' }], lastRow: 1 });
    expect(g.list.requests).toEqual([]);

    const other = setup(5, { key: blockKey('q', blockRequest([{ colId: 'headName', sort: 'asc' }], 0, 100, true)), rows: earlyRows });
    expect(await other.getRows(0, 100)).toMatchObject({ lastRow: 5 });
    expect(other.list.requests).toHaveLength(1);
  });
});

describe('needsCount and rowCountAfter', () => {
  it('asks for the count with block 0, while it is unknown, and at the counted end', () => {
    expect(needsCount(null, 300, 400)).toBe(true);
    expect(needsCount(1000, 0, 100)).toBe(true);
    expect(needsCount(1000, 300, 400)).toBe(false);
    expect(needsCount(1000, 900, 1000)).toBe(true);
    expect(needsCount(1000, 1000, 1100)).toBe(true);
  });

  it("prefers the backend's count, then a short block's end, then the known count", () => {
    const req = blockRequest([], 200, 300, false);
    expect(rowCountAfter(req, 777, 100, 1000)).toBe(777);
    expect(rowCountAfter(req, NOT_COUNTED, 40, 1000)).toBe(240);
    expect(rowCountAfter(req, NOT_COUNTED, 0, 1000)).toBe(200);
    expect(rowCountAfter(req, NOT_COUNTED, 100, 1000)).toBe(1000);
    expect(rowCountAfter(req, NOT_COUNTED, 100, null)).toBeNull();
  });
});
