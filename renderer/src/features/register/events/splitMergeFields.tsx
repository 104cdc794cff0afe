import { AutoComplete, Col, Empty, Form, Input, Row, Select } from 'antd';
import { useRef, useState } from 'react';
import type { Household } from '../../../../../shared/api/schemas/household';
import { api } from '../../../api/client';
import { useSession } from '../../../app/session';
import { useDivisions } from '../useDivisions';
import { HeadChangeFields, MemberPicker } from './eventFields';

const HEAD = '户主';
const relationOptions = (list: readonly string[]) => list.filter((r) => r !== HEAD).map((v) => ({ value: v, label: v }));

/** 分户: who moves out, who heads the new household, each mover's relation to that head, and where it lives. */
export function SplitFields({ household }: { household: Household }) {
  const { profile } = useSession();
  const form = Form.useFormInstance();
  const { villages, groupsOf } = useDivisions();
  const moving: string[] = Form.useWatch('memberIds') ?? [];
  const newHead = Form.useWatch('splitHead');
  const villageId = Form.useWatch('splitVillageId') ?? household.villageId;
  const movers = household.members.filter((m) => moving.includes(m.id));
  return (
    <>
      <MemberPicker household={household} label="分出的成员" />
      {movers.length > 0 && (
        <Form.Item label="新户户主" name="splitHead" rules={[{ required: true, message: '请指定新户的户主' }]}>
          <Select aria-label="新户户主" options={movers.map((m) => ({ value: m.id, label: m.name }))} />
        </Form.Item>
      )}
      {newHead && (
        <Row gutter={12}>
          {movers
            .filter((m) => m.id !== newHead)
            .map((m) => (
              <Col span={8} key={m.id}>
                <Form.Item label={`${m.name}与新户主关系`} name={['splitRelations', m.id]} rules={[{ required: true, message: '请选择' }]}>
                  <Select showSearch options={relationOptions(profile.enums.relationsToHead)} />
                </Form.Item>
              </Col>
            ))}
        </Row>
      )}
      <HeadChangeFields household={household} leavingIds={moving} />
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item label="新户所在村" name="splitVillageId" initialValue={household.villageId}>
            <Select options={villages.map((v) => ({ value: v.id, label: v.name }))} onChange={() => form.setFieldValue('splitGroupId', undefined)} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="新户村民小组" name="splitGroupId" initialValue={household.groupId ?? undefined}>
            <Select allowClear options={groupsOf(villageId).map((g) => ({ value: g.id, label: g.name }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="新户户类型" name="splitHouseholdType" initialValue={household.householdType}>
            <Select options={profile.enums.householdTypes.map((t) => ({ value: t, label: t }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item label="新户住址" name="splitAddress" initialValue={household.address}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="新户联系电话" name="splitPhone">
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** A household search box whose form value is the household id while it shows the head's name. */
function HouseholdPicker({ value, onChange, excludeId, onPicked }: { value?: string; onChange?: (id: string | undefined) => void; excludeId: string; onPicked: (id: string | undefined) => void }) {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const [text, setText] = useState('');
  const seq = useRef(0);
  const search = async (t: string) => {
    const mine = ++seq.current;
    if (!t.trim()) return setOptions([]);
    const r = await api.result('households.list', { filter: { search: t }, startRow: 0, endRow: 10 });
    if (mine !== seq.current || !r.ok) return;
    setOptions(r.value.rows.filter((h) => h.id !== excludeId && h.status !== 'cancelled').map((h) => ({ value: h.id, label: `${h.headName}　${h.villageName}${h.groupName ?? ''}　${h.memberCount}人` })));
  };
  return (
    <AutoComplete
      value={text}
      options={options}
      onSearch={(t) => void search(t)}
      onChange={(t: string) => {
        setText(t);
        if (value && !options.some((o) => o.value === t)) {
          onChange?.(undefined);
          onPicked(undefined);
        }
      }}
      onSelect={(id: string, option: { label: string }) => {
        setText(option.label);
        onChange?.(id);
        onPicked(id);
      }}
    >
      <Input.Search placeholder="姓名 / 证件号 / 拼音首字母" aria-label="搜索被并入的农户" />
    </AutoComplete>
  );
}

/** 合户: find the other household, then each of its members' relation to this household's 户主. */
export function MergeFields({ household }: { household: Household }) {
  const { profile } = useSession();
  const [other, setOther] = useState<Household | null>(null);
  const pick = async (id: string | undefined) => {
    if (!id) return setOther(null);
    const r = await api.result('households.get', { id });
    setOther(r.ok ? r.value : null);
  };
  return (
    <>
      <Form.Item label="并入本户的农户" name="fromHouseholdId" rules={[{ required: true, message: '请搜索并选择要并入的农户' }]} extra={`合户后户主仍为${household.headName}，被并入的户将注销（历史保留）。`}>
        <HouseholdPicker excludeId={household.id} onPicked={(id) => void pick(id)} />
      </Form.Item>
      {other ? (
        <Row gutter={12}>
          {other.members.map((m) => (
            <Col span={8} key={m.id}>
              <Form.Item label={`${m.name}与${household.headName}关系`} name={['mergeRelations', m.id]} rules={[{ required: true, message: '请选择' }]}>
                <Select showSearch options={relationOptions(profile.enums.relationsToHead)} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="选择农户后，在此填写其成员与本户户主的关系" />
      )}
    </>
  );
}
