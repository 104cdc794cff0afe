import { Button, Input, Select, Space } from 'antd';
import { useState } from 'react';
import type { HouseholdFilter } from '../../../../shared/api/schemas/household';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { COLOURS } from '../common/ColourTag';
import { HouseholdFormDrawer } from './HouseholdFormDrawer';
import { HouseholdGrid } from './HouseholdGrid';
import { useDivisions } from './useDivisions';

/** 户籍名册: every household, filtered and sorted in SQL. */
export function HouseholdRegisterPage({ fixedFilter = {}, title = '户籍名册' }: { params?: Record<string, string>; fixedFilter?: HouseholdFilter; title?: string }) {
  const session = useSession();
  const { villages } = useDivisions();
  const [filter, setFilter] = useState<HouseholdFilter>({});
  const [total, setTotal] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const [refreshKey, setRefreshKey] = useState(0);
  const set = (patch: Partial<HouseholdFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const statusLabels = session.profile.enums.householdStatusLabels as Record<string, string>;

  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>
          {title} {total !== null && <span className="gl-muted" style={{ fontSize: 14, fontWeight: 400 }}>共 {total.toLocaleString('zh-CN')} 户</span>}
        </h2>
        <Space>
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
          onSearch={(v) => set({ search: v.trim() || undefined })}
          aria-label="搜索农户"
        />
        <Select allowClear placeholder="行政村" style={{ width: 140 }} value={filter.villageId} onChange={(v) => set({ villageId: v })} options={villages.map((v) => ({ value: v.id, label: v.name }))} aria-label="按村筛选" />
        <Select allowClear placeholder="户类型" style={{ width: 120 }} value={filter.householdType} onChange={(v) => set({ householdType: v })} options={session.profile.enums.householdTypes.map((t) => ({ value: t, label: t }))} />
        <Select allowClear placeholder="风险颜色" style={{ width: 110 }} value={fixedFilter.colour ?? filter.colour} onChange={(v) => set({ colour: v })} options={Object.entries(COLOURS).map(([k, c]) => ({ value: k, label: c.label }))} />
        {!fixedFilter.status && (
          <Select allowClear placeholder="状态" style={{ width: 120 }} value={filter.status} onChange={(v) => set({ status: v })} options={Object.entries(statusLabels).map(([k, l]) => ({ value: k, label: l }))} />
        )}
        <Select allowClear placeholder="监测类别" style={{ width: 140 }} value={filter.category} onChange={(v) => set({ category: v })} options={session.profile.enums.monitoringCategories.map((c) => ({ value: c.label, label: c.label }))} />
      </Space>
      <HouseholdGrid filter={{ ...filter, ...fixedFilter }} refreshKey={refreshKey} onTotal={setTotal} />
      <HouseholdFormDrawer
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
