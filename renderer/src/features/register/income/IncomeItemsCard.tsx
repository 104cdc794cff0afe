import { Card, Form, Input, InputNumber, Table, Tag, Tooltip } from 'antd';
import { formatFen, tryParseYuan } from '../../../../../shared/domain/money';
import type { IncomeGroup, IncomeItemDef } from '../../../../../shared/domain/profile';

export const GROUP_LABELS: Record<IncomeGroup, string> = {
  wage: '工资性收入',
  business: '生产经营性收入',
  businessCost: '生产经营性支出',
  property: '财产性收入',
  transfer: '转移性收入',
  claims: '理赔收入',
  selfPaid: '合规自付支出',
};

/** Form value of an amount (元 as typed) → 分; blank = 0, invalid = null. */
export function amountFen(v: string | number | null | undefined): number | null {
  if (v === null || v === undefined || v === '') return 0;
  const r = tryParseYuan(v);
  return r.ok ? r.fen : null;
}

/** While typing: thousands separators, decimals as typed. Otherwise the amount with two decimals, e.g. 20,000.00. */
const groupThousands = (v: string | undefined, info: { userTyping: boolean; input: string }): string => {
  if (info.userTyping) {
    const [int, dec] = info.input.replace(/,/g, '').split('.');
    return int.replace(/\B(?=(\d{3})+$)/g, ',') + (dec !== undefined ? `.${dec}` : '');
  }
  const fen = amountFen(v);
  return v === undefined || v === '' || fen === null ? (v ?? '') : formatFen(fen);
};

/**
 * One block of the 收入核算表: every profile line of the group with its amount (元, 2 decimals) and note. Lines the
 * profile excludes are still recorded, marked 不计入 with the profile's reason.
 */
export function IncomeItemsCard({ group, items, subtotalFen, readOnly }: { group: IncomeGroup; items: IncomeItemDef[]; subtotalFen: number; readOnly: boolean }) {
  return (
    <Card size="small" title={GROUP_LABELS[group]} extra={<span>小计（计入部分）：{formatFen(subtotalFen)} 元</span>} data-testid={`income-group-${group}`}>
      <Table<IncomeItemDef>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={items}
        columns={[
          {
            title: '项目',
            width: 260,
            render: (_, item) => (
              <span>
                {item.label}{' '}
                {!item.counted && (
                  <Tooltip title={item.note ?? '地方口径规定不计入收入'}>
                    <Tag>不计入</Tag>
                  </Tooltip>
                )}
              </span>
            ),
          },
          {
            title: '金额（元）',
            width: 180,
            render: (_, item) => (
              <Form.Item
                name={['amounts', item.key]}
                noStyle={false}
                style={{ margin: 0 }}
                rules={[{ validator: (_r, v) => (amountFen(v) === null ? Promise.reject(new Error(`${item.label}金额有误，最多两位小数`)) : Promise.resolve()) }]}
              >
                <InputNumber<string>
                  stringMode
                  min="0"
                  precision={2}
                  step="100"
                  formatter={groupThousands}
                  parser={(v) => (v ?? '').replace(/,/g, '')}
                  style={{ width: '100%' }}
                  placeholder="0.00"
                  disabled={readOnly}
                  aria-label={`${item.label}金额`}
                />
              </Form.Item>
            ),
          },
          {
            title: '说明（计算依据）',
            render: (_, item) => (
              <Form.Item name={['notes', item.key]} style={{ margin: 0 }}>
                <Input maxLength={200} disabled={readOnly} placeholder={item.group === 'wage' ? '如：谁、在哪、几个月、月收入' : ''} />
              </Form.Item>
            ),
          },
        ]}
      />
    </Card>
  );
}
