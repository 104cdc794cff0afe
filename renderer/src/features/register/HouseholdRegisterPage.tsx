import { Button, Input, Select, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { SavedView } from '../../../../shared/api/methods/members';
import type { HouseholdFilter } from '../../../../shared/api/schemas/household';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { COLOURS } from '../common/ColourTag';
import { ColumnChooser } from './ColumnChooser';
import { HouseholdFormDrawer } from './HouseholdFormDrawer';
import { HouseholdGrid } from './HouseholdGrid';
import { householdColumns } from './householdColumns';
import type { SortItem } from './InfiniteGrid';
import { SavedViews } from './SavedViews';
import { useDivisions } from './useDivisions';
import { ExportButton } from './ExportButton';

type FilterKey = keyof HouseholdFilter;

/** One-click filters a clerk uses daily; each is a patch of the filter, toggled on and off. */
function quickFilters(householdTypes: readonly string[], statusLabels: Record<string, string>): { label: string; patch: HouseholdFilter }[] {
  return [
    { label: statusLabels.monitoring ?? '监测中', patch: { status: 'monitoring' } },
    { label: COLOURS.red.label, patch: { colour: 'red' } },
    { label: COLOURS.orange.label, patch: { colour: 'orange' } },
    { label: COLOURS.yellow.label, patch: { colour: 'yellow' } },
    ...householdTypes.map((t) => ({ label: t, patch: { householdType: t } })),
    { label: statusLabels.eliminated ?? '风险已消除', patch: { status: 'eliminated' } },
  ];
}

const matches = (filter: HouseholdFilter, patch: HouseholdFilter) => Object.entries(patch).every(([k, v]) => filter[k as FilterKey] === v);

/** 户籍名册: every household, filtered and sorted in SQL; column chooser, saved views and quick filters. */
export function HouseholdRegisterPage({ fixedFilter = {}, title = '户籍名册' }: { params?: Record<string, string>; fixedFilter?: HouseholdFilter; title?: string }) {
  const session = useSession();
  // The division tree (thousands of villages and groups in a county) waits for the register's first rows.
  const [rowsFirst, setRowsFirst] = useState(true);
  const { villages, groupsOf } = useDivisions({ enabled: !rowsFirst });
  const [filter, setFilter] = useState<HouseholdFilter>({});
  const [searchText, setSearchText] = useState('');
  const [columns, setColumns] = useState<string[]>([]);
  const [sort, setSort] = useState<SortItem[]>([]);
  const [appliedSort, setAppliedSort] = useState<SortItem[] | undefined>(undefined);
  const [total, setTotal] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const set = (patch: Partial<HouseholdFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const statusLabels = session.profile.enums.householdStatusLabels as Record<string, string>;
  const allColumns = useMemo(() => householdColumns(session.profile, session.can('pii.full')), [session]);
  const quick = quickFilters(session.profile.enums.householdTypes, statusLabels).filter((q) => !Object.keys(q.patch).some((k) => k in fixedFilter));

  const applyView = (v: SavedView) => {
    const f = v.filter as HouseholdFilter;
    setFilter(f);
    setSearchText(f.search ?? '');
    setColumns(v.columns);
    setSort(v.sort);
    setAppliedSort(v.sort);
  };
  const toggleQuick = (patch: HouseholdFilter, on: boolean) =>
    setFilter((f) => (on ? { ...f, ...patch } : Object.fromEntries(Object.entries(f).filter(([k]) => !(k in patch))) as HouseholdFilter));

  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>
          {title} {total !== null && <span className="gl-muted" style={{ fontSize: 14, fontWeight: 400 }}>共 {total.toLocaleString('zh-CN')} 户</span>}
        </h2>
        <Space wrap>
          <SavedViews register="households" current={{ filter: filter as ViewFilter, columns, sort }} onApply={applyView} />
          <ColumnChooser columns={allColumns} visible={columns} onChange={setColumns} />
          {session.can('register.export') && <ExportButton view={fixedFilter.status === 'monitoring' ? 'monitored' : 'households'} filter={{ ...filter, ...fixedFilter }} />}
          {session.can('register.write') && (
            <Button type="primary" onClick={() => setCreating(true)}>
              新建农户
            </Button>
          )}
        </Space>
      </div>
      <Space wrap className="gl-no-print">
        <Input.Search
          placeholder="姓名 / 证件号 / 拼音首字母 / 电话 / 户编号"
          allowClear
          style={{ width: 320 }}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
          onSearch={(v) => set({ search: v.trim() || undefined })}
          aria-label="搜索农户"
        />
        <Select allowClear placeholder="行政村" style={{ width: 140 }} value={filter.villageId} onChange={(v) => set({ villageId: v, groupId: undefined })} options={villages.map((v) => ({ value: v.id, label: v.name }))} aria-label="按村筛选" />
        <Select allowClear placeholder="村民小组" style={{ width: 120 }} value={filter.groupId} onChange={(v) => set({ groupId: v })} options={groupsOf(filter.villageId).map((g) => ({ value: g.id, label: g.name }))} disabled={!filter.villageId} aria-label="按组筛选" />
        <Select allowClear placeholder="户类型" style={{ width: 120 }} value={filter.householdType} onChange={(v) => set({ householdType: v })} options={session.profile.enums.householdTypes.map((t) => ({ value: t, label: t }))} />
        <Select allowClear placeholder="风险颜色" style={{ width: 110 }} value={fixedFilter.colour ?? filter.colour} onChange={(v) => set({ colour: v })} options={Object.entries(COLOURS).map(([k, c]) => ({ value: k, label: c.label }))} />
        {!fixedFilter.status && (
          <Select allowClear placeholder="状态" style={{ width: 120 }} value={filter.status} onChange={(v) => set({ status: v })} options={Object.entries(statusLabels).map(([k, l]) => ({ value: k, label: l }))} />
        )}
        <Select allowClear placeholder="监测类别" style={{ width: 140 }} value={filter.category} onChange={(v) => set({ category: v })} options={session.profile.enums.monitoringCategories.map((c) => ({ value: c.label, label: c.label }))} />
      </Space>
      <Space wrap size={4} className="gl-no-print" aria-label="快捷筛选">
        <span className="gl-muted">快捷筛选：</span>
        {quick.map((q) => (
          <Tag.CheckableTag key={q.label} checked={matches(filter, q.patch)} onChange={(on) => toggleQuick(q.patch, on)}>
            {q.label}
          </Tag.CheckableTag>
        ))}
        {Object.keys(filter).some((k) => filter[k as FilterKey] !== undefined) && (
          <Button
            size="small"
            type="link"
            onClick={() => {
              setFilter({});
              setSearchText('');
            }}
          >
            清除全部筛选
          </Button>
        )}
      </Space>
      <HouseholdGrid filter={{ ...filter, ...fixedFilter }} refreshKey={refreshKey} onTotal={setTotal} onFirstBlock={() => setRowsFirst(false)} visibleColumns={columns} sort={appliedSort} onSortChange={setSort} />
      <HouseholdFormDrawer
        holdDivisions={rowsFirst}
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(h) => {
          setCreating(false);
          setRefreshKey((k) => k + 1);
          navigate(`/household/${h.id}`);
        }}
      />
    </div>
  );
}

type ViewFilter = Record<string, string | number | boolean | null>;
