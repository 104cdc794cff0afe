import { App, Button, Col, DatePicker, Drawer, Form, Input, Row, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { Input as ApiInput } from '../../../../../shared/api/contract';
import type { IncomeRecomputed } from '../../../../../shared/api/methods/householdEvents';
import type { Household } from '../../../../../shared/api/schemas/household';
import { EVENT_KIND_LABELS, EVENT_KINDS, isJoinKind, isLeaveKind, type EventKind } from '../../../../../shared/domain/householdEvents';
import { api } from '../../../api/client';
import { applyFieldErrors, errorText } from '../../common/errors';
import { JoinFields, LeaveFields } from './eventFields';
import { MergeFields, SplitFields } from './splitMergeFields';

type RecordInput = ApiInput<'householdEvents.record'>;

const KIND_HELP: Record<EventKind, string> = {
  birth: '新生儿加入本户，加入日期即出生日期。',
  marriageIn: '嫁入或入赘本户的成员。',
  moveIn: '从外地或外户迁入本户户籍的成员。',
  death: '成员去世；保留为已减员成员，不删除。',
  marriageOut: '成员嫁出或入赘他户。',
  moveOut: '成员迁出户籍（外出务工不属于迁出）。',
  split: '部分成员另立新户；原户保留其历史，新户自变更日期起计人口。',
  merge: '另一户全部成员并入本户，另一户注销。',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Values = Record<string, any> & { kind: EventKind; date: Dayjs; note?: string };

const relationList = (map: Record<string, string> | undefined) => Object.entries(map ?? {}).filter(([, r]) => !!r).map(([memberId, relation]) => ({ memberId, relation }));

/** Form values → the contract's input for the chosen kind. */
function toInput(v: Values, h: Household): RecordInput {
  const base = { householdId: h.id, date: v.date.format('YYYY-MM-DD'), note: v.note?.trim() || undefined };
  if (isJoinKind(v.kind)) {
    const member = Object.fromEntries(Object.entries(v.member ?? {}).filter(([, x]) => x !== undefined && x !== null && x !== ''));
    return { ...base, kind: v.kind, member: member as never, origin: v.origin?.trim() || undefined };
  }
  // Only relations that actually change are sent.
  const relationChanges = relationList(v.relationMap).filter((r) => h.members.find((m) => m.id === r.memberId)?.relation !== r.relation);
  if (isLeaveKind(v.kind)) {
    return { ...base, kind: v.kind, memberIds: v.memberIds, newHeadMemberId: v.newHeadMemberId, relationChanges, destination: v.destination?.trim() || undefined, confirmCancel: v.confirmCancel || undefined };
  }
  if (v.kind === 'split') {
    return {
      ...base,
      kind: 'split',
      memberIds: v.memberIds,
      newHeadMemberId: v.newHeadMemberId,
      relationChanges,
      newHousehold: {
        headMemberId: v.splitHead,
        relations: relationList(v.splitRelations).filter((r) => v.memberIds.includes(r.memberId) && r.memberId !== v.splitHead),
        villageId: v.splitVillageId,
        groupId: v.splitGroupId ?? null,
        address: v.splitAddress?.trim() || undefined,
        phone: v.splitPhone?.trim() || undefined,
        householdType: v.splitHouseholdType,
      },
    };
  }
  return { ...base, kind: 'merge', fromHouseholdId: v.fromHouseholdId, relations: relationList(v.mergeRelations) };
}

/** What the clerk is about to do, in one sentence, for the confirmation. */
function describe(v: Values, h: Household): string {
  const label = EVENT_KIND_LABELS[v.kind];
  const date = v.date.format('YYYY-MM-DD');
  const names = (ids: string[] = []) => h.members.filter((m) => ids.includes(m.id)).map((m) => m.name).join('、');
  if (isJoinKind(v.kind)) return `登记 ${date} ${v.member?.name ?? ''}${label}，加入${h.headName}户。`;
  if (v.kind === 'merge') return `登记 ${date} 合户：所选农户的全部成员并入${h.headName}户，该户注销。`;
  const head = h.members.find((m) => m.id === v.newHeadMemberId);
  return `登记 ${date} ${names(v.memberIds)}${label}${head ? `，户主改为${head.name}` : ''}。这些成员将列为本户“已减员成员”，历史记录保留。`;
}

export function EventDrawer({ open, household, today, onClose, onDone }: { open: boolean; household: Household; today: string; onClose: () => void; onDone: (newHouseholdId: string | null) => void }) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const kind: EventKind | undefined = Form.useWatch('kind', form);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  const showRecomputed = (list: IncomeRecomputed[]) => {
    if (!list.length) return;
    modal.info({ title: '已按新的人口数重算收入核算', width: 560, content: list.map((r) => <p key={r.accountId}>{r.message}</p>) });
  };

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    modal.confirm({
      title: `确认登记${EVENT_KIND_LABELS[values.kind]}？`,
      content: describe(values, household),
      okText: '确认登记',
      onOk: async () => {
        setSaving(true);
        try {
          const r = await api.call('householdEvents.record', toInput(values, household));
          void message.success(`已登记：${r.event.summary}`);
          showRecomputed(r.incomeRecomputed);
          onDone(r.newHouseholdId);
        } catch (e) {
          if (!applyFieldErrors(form, e)) void message.error(errorText(e));
          else void message.error(errorText(e));
        } finally {
          setSaving(false);
        }
      },
    });
  };

  return (
    <Drawer
      title={`登记人口变更：${household.headName}户`}
      open={open}
      onClose={onClose}
      size={820}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} disabled={!kind}>
            登记
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={{ date: dayjs(today) }}>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="变更类型" name="kind" rules={[{ required: true, message: '请选择变更类型' }]} extra={kind ? KIND_HELP[kind] : '出生、死亡、婚入、婚出、迁入、迁出、分户、合户'}>
              <Select aria-label="变更类型" options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="变更日期" name="date" rules={[{ required: true, message: '请选择实际发生的日期' }]} extra="按实际发生日期登记；收入核算的人口数随该日期计算。">
              <DatePicker aria-label="变更日期" style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
            </Form.Item>
          </Col>
        </Row>
        {kind && isJoinKind(kind) && <JoinFields kind={kind} />}
        {kind && isLeaveKind(kind) && <LeaveFields household={household} kind={kind} />}
        {kind === 'split' && <SplitFields household={household} />}
        {kind === 'merge' && <MergeFields household={household} />}
        {kind && (
          <Form.Item label="备注" name="note">
            <Input.TextArea maxLength={500} rows={2} placeholder="依据（如死亡证明、户口迁移证明编号）或其他说明" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
