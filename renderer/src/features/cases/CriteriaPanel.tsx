import { Alert, List, Tag } from 'antd';
import type { CriteriaReport } from '../../../../shared/domain/workflow/eliminationCriteria';

/** 风险消除条件: each criterion passed or failed, with the domain's explanation. */
export function CriteriaPanel({ report, title = '风险消除条件检查' }: { report: CriteriaReport; title?: string }) {
  return (
    <div data-testid="criteria-panel">
      <Alert
        type={report.allPassed ? 'success' : 'warning'}
        showIcon
        title={`${title}（${report.checkedOn}，${report.mode}）：${report.allPassed ? '全部符合' : `有 ${report.results.filter((r) => !r.passed).length} 项不符合`}`}
        style={{ marginBottom: 8 }}
      />
      <List
        size="small"
        bordered
        dataSource={report.results}
        renderItem={(r) => (
          <List.Item>
            <Tag color={r.passed ? 'success' : 'error'}>{r.passed ? '符合' : '不符合'}</Tag>
            <b style={{ marginRight: 8 }}>{r.label}</b>
            <span>{r.explanation}</span>
          </List.Item>
        )}
      />
    </div>
  );
}
