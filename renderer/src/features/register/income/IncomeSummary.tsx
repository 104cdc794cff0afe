import { Alert, Card, Checkbox, Descriptions, Space, Tag } from 'antd';
import { INCOME_COMPARISON_LABELS, type IncomeComparison, type IncomeResult, type IncomeWarning } from '../../../../../shared/domain/income';
import { formatFen } from '../../../../../shared/domain/money';

export const COMPARISON_COLOURS: Record<IncomeComparison, string> = { belowPoverty: 'red', belowMonitoring: 'orange', atOrAboveMonitoring: 'green' };

const yuan = (fen: number) => `${formatFen(fen)} 元`;

/** Totals, 纯收入, 人均纯收入 and where it falls against the year's lines — recomputed as the clerk types. */
export function IncomeSummary({ result, error }: { result: IncomeResult | null; error: string | null }) {
  if (!result) return <Alert type="error" showIcon title={error ?? '无法计算，请检查金额与人口数。'} />;
  const g = result.groupTotalsFen;
  return (
    <Card size="small" title="核算结果" data-testid="income-summary">
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="工资性收入">{yuan(g.wage)}</Descriptions.Item>
        <Descriptions.Item label="生产经营性收入">{yuan(g.business)}</Descriptions.Item>
        <Descriptions.Item label="财产性收入">{yuan(g.property)}</Descriptions.Item>
        <Descriptions.Item label="转移性收入">{yuan(g.transfer)}</Descriptions.Item>
        <Descriptions.Item label="理赔收入（计入部分）">{yuan(g.claims)}</Descriptions.Item>
        <Descriptions.Item label="年总收入">{yuan(result.grossIncomeFen)}</Descriptions.Item>
        <Descriptions.Item label="生产经营性支出">{yuan(g.businessCost)}</Descriptions.Item>
        <Descriptions.Item label="合规自付支出（扣除部分）">{yuan(result.selfPaidDeductedFen)}</Descriptions.Item>
        <Descriptions.Item label="纯收入">
          <b>{yuan(result.netIncomeFen)}</b>
        </Descriptions.Item>
        <Descriptions.Item label="家庭人口数">{result.memberCount} 人</Descriptions.Item>
        <Descriptions.Item label="人均纯收入">
          <Space wrap>
            <b style={{ fontSize: 18 }} data-testid="per-capita">
              {yuan(result.perCapitaFen)}
            </b>
            <Tag color={COMPARISON_COLOURS[result.comparison]}>{INCOME_COMPARISON_LABELS[result.comparison]}</Tag>
            {result.gapToMonitoringFen > 0 && <span className="gl-muted">距监测范围差 {yuan(result.gapToMonitoringFen)}</span>}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={`${result.year} 年国家扶贫标准`}>{yuan(result.povertyLineFen)}</Descriptions.Item>
        <Descriptions.Item label={`${result.year} 年监测范围`}>{yuan(result.monitoringLineFen)}</Descriptions.Item>
        <Descriptions.Item label="收入线依据">
          <span className="gl-muted">{result.lineSource || '—'}</span>
        </Descriptions.Item>
      </Descriptions>
      {result.excluded.length > 0 && (
        <div className="gl-muted" style={{ marginTop: 8 }}>
          已登记但不计入：{result.excluded.map((l) => `${l.label} ${yuan(l.amountFen)}`).join('；')}
        </div>
      )}
    </Card>
  );
}

/** Data-quality warnings; the clerk may confirm each one after checking (e.g. truly no 地力补贴). */
export function IncomeWarnings({ warnings, confirmed, onConfirm, readOnly }: { warnings: IncomeWarning[]; confirmed: string[]; onConfirm: (codes: string[]) => void; readOnly: boolean }) {
  if (!warnings.length) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="income-warnings">
      {warnings.map((w) => {
        const done = confirmed.includes(w.code);
        return (
          <Alert
            key={w.code}
            type={done ? 'info' : 'warning'}
            showIcon
            title={w.message}
            action={
              <Checkbox checked={done} disabled={readOnly} onChange={(e) => onConfirm(e.target.checked ? [...confirmed, w.code] : confirmed.filter((c) => c !== w.code))}>
                已核实
              </Checkbox>
            }
          />
        );
      })}
    </Space>
  );
}
