import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { LEDGER_KINDS, LEDGER_LABELS, type LedgerKind } from '../../../../shared/api/methods/documents';
import { api } from '../../api/client';
import { errorText } from '../common/errors';
import { useDivisions } from '../register/useDivisions';
import { OutgoingOptions, outgoingInput, type OutgoingValue } from '../documents/OutgoingOptions';

const DESCRIPTIONS: Record<LedgerKind, string> = {
  monitored: '监测中和风险已消除的农户，每户一行：类别、风险、人均纯收入、帮扶措施、帮扶联系人、风险消除情况。',
  warnings: '部门推送的预警及核实情况。预警模块上线前，按线索来源为“部门预警”的线索生成。',
  measures: '每条帮扶措施一行：类别、内容、责任单位与责任人、计划与实际时间、金额、状态和成效。',
  visits: '每次走访一行：日期、走访人、方式、发现情况、收入变化、新增风险、满意度和风险等级变化。',
};

/** 台账 (.xlsx): 监测对象, 预警, 帮扶措施, 走访 — IDs and phones as text, masked unless exported in full. */
export function LedgersPage(_props: { params?: Record<string, string> }) {
  const { message } = App.useApp();
  const { villages } = useDivisions();
  const [villageId, setVillageId] = useState<string>();
  const [outgoing, setOutgoing] = useState<OutgoingValue>({ full: false, purpose: '' });
  const [busy, setBusy] = useState<LedgerKind | null>(null);

  const run = async (kind: LedgerKind) => {
    setBusy(kind);
    try {
      const r = await api.call('exports.ledger', { kind, villageId, ...outgoingInput(outgoing) });
      await api.download(r.fileId, r.name);
      void message.success(`已导出${LEDGER_LABELS[kind]} ${r.rows} 条${r.note ? `。${r.note}` : ''}`);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="gl-page" data-testid="ledgers-page">
      <div className="gl-page-header">
        <h2>台账</h2>
      </div>
      <Space direction="vertical">
        <Select style={{ width: 200 }} allowClear placeholder="全部村" value={villageId} onChange={setVillageId} options={villages.map((v) => ({ value: v.id, label: v.name }))} aria-label="行政村" />
        <OutgoingOptions value={outgoing} onChange={setOutgoing} />
      </Space>
      <Row gutter={[12, 12]}>
        {LEDGER_KINDS.map((kind) => (
          <Col key={kind} xs={24} md={12}>
            <Card size="small" title={LEDGER_LABELS[kind]}>
              <p className="gl-muted" style={{ minHeight: 44 }}>
                {DESCRIPTIONS[kind]}
              </p>
              <Button icon={<DownloadOutlined />} loading={busy === kind} disabled={busy !== null || (outgoing.full && !outgoing.purpose.trim())} onClick={() => void run(kind)} data-testid={`ledger-${kind}`}>
                导出 .xlsx
              </Button>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
