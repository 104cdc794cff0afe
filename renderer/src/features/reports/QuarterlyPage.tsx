import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, InputNumber, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { previousQuarter, quarterlyDueDate } from '../../../../shared/api/methods/documents';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText } from '../common/errors';
import { useDivisions } from '../register/useDivisions';
import { OutgoingOptions, outgoingInput, type OutgoingValue } from '../documents/OutgoingOptions';

/** The quarter still to report: the last one while its due date has not passed, else the current one. */
function defaultQuarter(today: string, dueDay: number): { year: number; quarter: number } {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const prev = previousQuarter(year, quarter);
  return today <= quarterlyDueDate(prev.year, prev.quarter, dueDay) ? prev : { year, quarter };
}

/**
 * 季度风险评估表 (.xlsx): every household graded in the quarter, with this and last quarter's colour,
 * measures and cadres. Reported by the profile's day of the first month of the next quarter.
 */
export function QuarterlyPage(_props: { params?: Record<string, string> }) {
  const { message } = App.useApp();
  const session = useSession();
  const { villages } = useDivisions();
  const dueDay = session.profile.assistance.quarterlyReportDueDay;
  const initial = useMemo(() => defaultQuarter(session.today(), dueDay), [session, dueDay]);
  const [year, setYear] = useState(initial.year);
  const [quarter, setQuarter] = useState(initial.quarter);
  const [villageId, setVillageId] = useState<string>();
  const [outgoing, setOutgoing] = useState<OutgoingValue>({ full: false, purpose: '' });
  const [busy, setBusy] = useState(false);
  const due = quarterlyDueDate(year, quarter, dueDay);
  const overdue = session.today() > due;

  const run = async () => {
    setBusy(true);
    try {
      const r = await api.call('exports.quarterly', { year, quarter, villageId, ...outgoingInput(outgoing) });
      await api.download(r.fileId, r.name);
      void message.success(`已生成 ${r.rows} 户${r.masked ? '（证件号码已遮挡）' : ''}`);
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gl-page" data-testid="quarterly-page">
      <div className="gl-page-header">
        <h2>季度风险评估表</h2>
      </div>
      <Card size="small">
        <Form layout="inline">
          <Form.Item label="年度">
            <InputNumber min={2020} max={2100} value={year} onChange={(v) => v && setYear(v)} aria-label="年度" />
          </Form.Item>
          <Form.Item label="季度">
            <Select style={{ width: 120 }} value={quarter} onChange={setQuarter} options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${q}季度` }))} aria-label="季度" />
          </Form.Item>
          <Form.Item label="行政村">
            <Select style={{ width: 200 }} allowClear placeholder="全部村" value={villageId} onChange={setVillageId} options={villages.map((v) => ({ value: v.id, label: v.name }))} aria-label="行政村" />
          </Form.Item>
        </Form>
        <Alert
          style={{ margin: '12px 0' }}
          type={overdue ? 'warning' : 'info'}
          showIcon
          message={`${year}年第${quarter}季度的风险评估表应于 ${due} 前上报${overdue ? '（已过报送时间）' : ''}。`}
          description="表中列出本季度内评估或调整过风险等级的农户，每户一行：本季度与上季度风险颜色、人均纯收入、三保障和饮水安全、已落实的帮扶措施、结对帮扶干部和变化情况。"
        />
        <Space direction="vertical">
          <OutgoingOptions value={outgoing} onChange={setOutgoing} />
          <Button type="primary" icon={<DownloadOutlined />} loading={busy} disabled={outgoing.full && !outgoing.purpose.trim()} onClick={() => void run()} data-testid="quarterly-generate">
            生成并下载
          </Button>
        </Space>
      </Card>
    </div>
  );
}
