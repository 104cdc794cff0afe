import { Button, Checkbox, Input, InputNumber, Select, Space, Tag } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { MemberFilter, MemberRow, SavedView } from '../../../../shared/api/methods/members';
import { api } from '../../api/client';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { ColumnChooser } from './ColumnChooser';
import { arrangeColumns, InfiniteGrid, type SortItem } from './InfiniteGrid';
import { memberColumns } from './memberColumns';
import { SavedViews } from './SavedViews';
import { SchoolYearDrawer } from './SchoolYearDrawer';
import { useDivisions } from './useDivisions';
import { ExportButton } from './ExportButton';

const NOT_IN_SCHOOL = '__none__';

/** Filters a clerk asks for every week (义务教育年龄段, 老年人, 年级未确认, 残疾, 大病). */
function quickFilters(compulsoryFrom: number, compulsoryTo: number): { label: string; patch: MemberFilter }[] {
  return [
    { label: `义务教育年龄（${compulsoryFrom}–${compulsoryTo} 岁）`, patch: { ageFrom: compulsoryFrom, ageTo: compulsoryTo } },
    { label: '60 岁及以上', patch: { ageFrom: 60 } },
    { label: '年级未确认', patch: { gradeUnconfirmed: true } },
    { label: '残疾', patch: { health: '残疾' } },
    { label: '患有大病', patch: { health: '患有大病' } },
    { label: '低保', patch: { dibao: true } },
  ];
}

const matches = (f: MemberFilter, patch: MemberFilter) => Object.entries(patch).every(([k, v]) => f[k as keyof MemberFilter] === v);
const without = (f: MemberFilter, keys: string[]) => Object.fromEntries(Object.entries(f).filter(([k]) => !keys.includes(k))) as MemberFilter;

/** 人员名册: every member of every household, filtered and paged in SQL; a row opens the household. */
export function MemberRegisterPage() {
  const session = useSession();
  const e = session.profile.enums;
  // The division tree (thousands of villages and groups in a county) waits for the register's first rows.
  const [rowsFirst, setRowsFirst] = useState(true);
  const { villages, groupsOf } = useDivisions({ enabled: !rowsFirst });
  const [filter, setFilter] = useState<MemberFilter>({});
  const [searchText, setSearchText] = useState('');
  const [columns, setColumns] = useState<string[]>([]);
  const [sort, setSort] = useState<SortItem[]>([]);
  const [appliedSort, setAppliedSort] = useState<SortItem[] | undefined>(undefined);
  const [total, setTotal] = useState<number | null>(null);
  const [advancing, setAdvancing] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const set = (patch: Partial<MemberFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const allColumns = useMemo(() => memberColumns(), []);
  const gridColumns = useMemo(() => arrangeColumns(allColumns, columns), [allColumns, columns]);
  const fetch = useCallback((req: { sort: SortItem[]; startRow: number; endRow: number }) => api.call('members.list', { filter, ...req }), [filter]);
  const quick = quickFilters(session.profile.assessment.compulsoryAgeFrom, session.profile.assessment.compulsoryAgeTo);

  const applyView = (v: SavedView) => {
    const f = v.filter as MemberFilter;
    setFilter(f);
    setSearchText(f.search ?? '');
    setColumns(v.columns);
    setSort(v.sort);
    setAppliedSort(v.sort);
  };

  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>
          人员名册 {total !== null && <span className="gl-muted" style={{ fontSize: 14, fontWeight: 400 }}>共 {total.toLocaleString('zh-CN')} 人</span>}
        </h2>
        <Space wrap>
          <SavedViews register="members" current={{ filter: filter as Record<string, string | number | boolean | null>, columns, sort }} onApply={applyView} />
          <ColumnChooser columns={allColumns} visible={columns} onChange={setColumns} />
          {/* The export covers the village and search filters; the finer member filters stay on screen. */}
          {session.can('register.export') && <ExportButton view="members" filter={{ villageId: filter.villageId, search: filter.search }} />}
          {session.can('register.write') && (
            <Button type="primary" onClick={() => setAdvancing(true)}>
              年级升级
            </Button>
          )}
        </Space>
      </div>
      <Space wrap className="gl-no-print">
        <Input.Search
          placeholder="姓名 / 证件号 / 拼音首字母 / 电话"
          allowClear
          style={{ width: 280 }}
          value={searchText}
          onChange={(ev) => setSearchText(ev.target.value)}
          onSearch={(v) => set({ search: v.trim() || undefined })}
          aria-label="搜索人员"
        />
        <Select allowClear placeholder="行政村" style={{ width: 130 }} value={filter.villageId} onChange={(v) => set({ villageId: v, groupId: undefined })} options={villages.map((v) => ({ value: v.id, label: v.name }))} aria-label="按村筛选" />
        <Select allowClear placeholder="村民小组" style={{ width: 110 }} value={filter.groupId} onChange={(v) => set({ groupId: v })} options={groupsOf(filter.villageId).map((g) => ({ value: g.id, label: g.name }))} disabled={!filter.villageId} />
        <Select allowClear placeholder="学段" style={{ width: 120 }} value={filter.schoolStage} onChange={(v) => set({ schoolStage: v })} options={[...e.schoolStages.map((s) => ({ value: s.label, label: s.label })), { value: NOT_IN_SCHOOL, label: '不在校' }]} aria-label="按学段筛选" />
        <Select allowClear placeholder="健康状况" style={{ width: 120 }} value={filter.health} onChange={(v) => set({ health: v })} options={e.healthStatuses.map((h) => ({ value: h, label: h }))} aria-label="按健康状况筛选" />
        <Select allowClear placeholder="劳动技能" style={{ width: 150 }} value={filter.labourSkill} onChange={(v) => set({ labourSkill: v })} options={e.labourSkills.map((l) => ({ value: l.label, label: l.label }))} aria-label="按劳动技能筛选" />
        <Space.Compact>
          <InputNumber min={0} max={130} placeholder="年龄从" style={{ width: 90 }} value={filter.ageFrom} onChange={(v) => set({ ageFrom: v ?? undefined })} aria-label="起始年龄" />
          <InputNumber min={0} max={130} placeholder="到" style={{ width: 70 }} value={filter.ageTo} onChange={(v) => set({ ageTo: v ?? undefined })} aria-label="截止年龄" />
        </Space.Compact>
        <Checkbox checked={!!filter.gradeUnconfirmed} onChange={(ev) => set({ gradeUnconfirmed: ev.target.checked || undefined })}>
          年级未确认
        </Checkbox>
        <Checkbox checked={!!filter.includeFormer} onChange={(ev) => set({ includeFormer: ev.target.checked || undefined })}>
          含已减员成员
        </Checkbox>
      </Space>
      <Space wrap size={4} className="gl-no-print">
        <span className="gl-muted">快捷筛选：</span>
        {quick.map((q) => (
          <Tag.CheckableTag key={q.label} checked={matches(filter, q.patch)} onChange={(on) => setFilter((f) => (on ? { ...without(f, Object.keys(q.patch)), ...q.patch } : without(f, Object.keys(q.patch))))}>
            {q.label}
          </Tag.CheckableTag>
        ))}
        {Object.values(filter).some((v) => v !== undefined) && (
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
      <InfiniteGrid<MemberRow>
        testId="member-grid"
        columns={gridColumns}
        fetch={fetch}
        queryKey={`${JSON.stringify(filter)}|${refreshKey}`}
        sort={appliedSort}
        onSortChange={setSort}
        onTotal={setTotal}
        onFirstBlock={() => setRowsFirst(false)}
        onOpen={(m) => navigate(`/household/${m.householdId}`)}
        emptyText="没有符合条件的人员。可以调整筛选条件；人员随农户在“户籍名册”中录入。"
      />
      <SchoolYearDrawer holdDivisions={rowsFirst} open={advancing} onClose={() => setAdvancing(false)} onDone={() => setRefreshKey((k) => k + 1)} />
    </div>
  );
}
