import { App, Select, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import type { HouseholdFindings } from '../../../../shared/api/methods/measures';
import { FINDING_CODES, FINDING_LABELS, type FindingCode } from '../../../../shared/domain/assistanceTerms';
import { api } from '../../api/client';
import { ColourTag } from '../common/ColourTag';
import { errorText } from '../common/errors';
import { useDivisions } from '../register/useDivisions';
import { CadresPanel } from './CadresPanel';
import { MeasureLedger } from './MeasureLedger';

/** 帮扶措施: the inspectors' rule findings as a worklist, the measures ledger, and 结对帮扶干部. */
export function MeasuresPage() {
  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>帮扶措施</h2>
      </div>
      <Tabs
        items={[
          { key: 'findings', label: '规则检查清单', children: <FindingsList /> },
          { key: 'ledger', label: '措施台账', children: <MeasureLedger /> },
          { key: 'cadres', label: '帮扶干部', children: <CadresPanel /> },
        ]}
      />
    </div>
  );
}

const PAGE = 50;

/** Monitored households failing a measures rule, with what to fix; click through to the household. */
function FindingsList() {
  const { message } = App.useApp();
  const { villages } = useDivisions();
  const [villageId, setVillageId] = useState<string>();
  const [code, setCode] = useState<FindingCode>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ rows: HouseholdFindings[]; total: number; counts: Record<string, number> }>({ rows: [], total: 0, counts: {} });
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setLoading(true);
    api
      .call('measures.findings', { filter: { villageId, findingCode: code }, startRow: (page - 1) * PAGE, endRow: page * PAGE })
      .then(setData)
      .catch((e: unknown) => void message.error(errorText(e)))
      .finally(() => setLoading(false));
  }, [villageId, code, page, message]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="findings-list">
      <Space wrap>
        <Select allowClear placeholder="行政村" style={{ width: 140 }} value={villageId} onChange={(v) => (setVillageId(v), setPage(1))} options={villages.map((v) => ({ value: v.id, label: v.name }))} />
        {FINDING_CODES.map((c) => (
          <Tag.CheckableTag key={c} checked={code === c} onChange={(on) => (setCode(on ? c : undefined), setPage(1))}>
            {FINDING_LABELS[c]}（{data.counts[c] ?? 0} 户）
          </Tag.CheckableTag>
        ))}
      </Space>
      <Table<HouseholdFindings>
        rowKey="householdId"
        size="small"
        loading={loading}
        dataSource={data.rows}
        pagination={{ current: page, pageSize: PAGE, total: data.total, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 户` }}
        locale={{ emptyText: '监测户的帮扶措施都符合规则。检查项：满期未落实措施、有劳动能力无开发式帮扶、风险类型缺对应措施、措施单一。' }}
        columns={[
          { title: '户主', dataIndex: 'headName', width: 100, render: (v: string, h) => <a href={`#/household/${h.householdId}`}>{v}</a> },
          { title: '村', dataIndex: 'villageName', width: 110 },
          { title: '颜色', dataIndex: 'colour', width: 80, render: (c: string | null) => <ColourTag colour={c} /> },
          { title: '纳入监测', dataIndex: 'monitoredSince', width: 110, render: (v: string | null) => v ?? '—' },
          {
            title: '问题（悬停看处理办法）',
            dataIndex: 'findings',
            render: (fs: HouseholdFindings['findings']) => (
              <Space size={4} wrap>
                {fs.map((f, i) => (
                  <Tooltip key={i} title={f.message}>
                    <Tag color="orange">{f.risk ? `${f.risk}：` : ''}{FINDING_LABELS[f.code]}</Tag>
                  </Tooltip>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
