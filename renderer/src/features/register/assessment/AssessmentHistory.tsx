import { Descriptions, Empty, Table, Tag } from 'antd';
import type { AssessmentRecordOut } from '../../../../../shared/api/methods/assessments';
import { ASSESSMENT_ITEM_LABELS, ASSESSMENT_ITEMS } from '../../../../../shared/domain/assessment';
import { INCOME_COMPARISON_LABELS, type IncomeComparison } from '../../../../../shared/domain/income';
import { formatFen } from '../../../../../shared/domain/money';
import { chinaDateTime } from '../../../../../shared/domain/chinaTime';
import { GradeTag } from './GradeTag';

const failedItems = (a: AssessmentRecordOut) => ASSESSMENT_ITEMS.filter((k) => a.items[k] && !a.items[k].pass).map((k) => ASSESSMENT_ITEM_LABELS[k]);

/** "Why this colour": the rule that decided and the facts it was graded from. */
function WhyThisColour({ a }: { a: AssessmentRecordOut }) {
  const f = a.facts;
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label="判定依据" span={2}>
        <GradeTag colour={a.colour} /> {a.reason}
        {a.ruleIndex === null && <Tag style={{ marginLeft: 8 }}>无规则命中，按默认颜色</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label="收入情况">
        {a.income ? `人均纯收入 ${formatFen(a.income.perCapitaFen)} 元（${a.income.windowFrom} 至 ${a.income.windowTo}），${a.income.comparisonLabel}` : '未核算'}
      </Descriptions.Item>
      <Descriptions.Item label="收入比较">{f.income ? INCOME_COMPARISON_LABELS[f.income as IncomeComparison] : '未知'}</Descriptions.Item>
      <Descriptions.Item label="风险类型">{a.risks.length ? a.risks.map((r) => (r.subType ? `${r.type}（${r.subType}）` : r.type)).join('、') : '无'}</Descriptions.Item>
      <Descriptions.Item label="监测对象类别">{f.category ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="合规自付医疗支出">{f.selfPaidMedicalFen === null ? '—' : `${formatFen(f.selfPaidMedicalFen)} 元`}</Descriptions.Item>
      <Descriptions.Item label="风险是否消除">{f.riskEliminated === null ? '—' : f.riskEliminated ? '已消除' : '未消除'}</Descriptions.Item>
      {ASSESSMENT_ITEMS.filter((k) => a.items[k]).map((k) => (
        <Descriptions.Item key={k} label={ASSESSMENT_ITEM_LABELS[k]}>
          {a.items[k].pass ? <Tag color="green">达标</Tag> : <Tag color="red">不达标</Tag>} {a.items[k].note}
        </Descriptions.Item>
      ))}
      <Descriptions.Item label="饮水分项">{`水量${a.water.quantity ? '达标' : '不达标'}，水质${a.water.quality ? '达标' : '不达标'}，用水方便${a.water.convenience ? '达标' : '不达标'}`}</Descriptions.Item>
      {a.hints.length > 0 && (
        <Descriptions.Item label="提示" span={2}>
          {a.hints.join('；')}
        </Descriptions.Item>
      )}
      {a.note && (
        <Descriptions.Item label="备注" span={2}>
          {a.note}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

/** Every assessment of the household, newest first; expand a row to see why it got its colour. */
export function AssessmentHistory({ assessments }: { assessments: AssessmentRecordOut[] }) {
  if (!assessments.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无评估记录。入户评估后在上方填写并保存。" />;
  return (
    <Table<AssessmentRecordOut>
      data-testid="assessment-history"
      rowKey="id"
      size="small"
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      dataSource={assessments}
      columns={[
        { title: '评估日期', dataIndex: 'date', width: 110 },
        { title: '评估人', dataIndex: 'assessor', width: 100 },
        { title: '颜色', dataIndex: 'colour', width: 110, render: (c: string) => <GradeTag colour={c} /> },
        { title: '不达标项', render: (_, a) => failedItems(a).join('、') || '无' },
        { title: '风险类型', render: (_, a) => a.risks.map((r) => r.type).join('、') || '无' },
        { title: '登记', width: 170, render: (_, a) => `${a.recordedBy ?? ''} ${chinaDateTime(a.recordedAt)}` },
      ]}
      expandable={{ expandedRowRender: (a) => <WhyThisColour a={a} />, expandRowByClick: true }}
    />
  );
}
