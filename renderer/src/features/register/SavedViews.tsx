import { App, Button, Dropdown, Input, Modal, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { SavedView } from '../../../../shared/api/methods/members';
import { api } from '../../api/client';
import { errorText } from '../common/errors';
import type { SortItem } from './InfiniteGrid';

export interface ViewState {
  filter: Record<string, string | number | boolean | null>;
  columns: string[];
  sort: SortItem[];
}

/** 我的视图: save the current filter, columns and sort under a name (per user), and reapply it later. */
export function SavedViews({ register, current, onApply }: { register: 'households' | 'members'; current: ViewState; onApply: (v: SavedView) => void }) {
  const { message, modal } = App.useApp();
  const [views, setViews] = useState<SavedView[]>([]);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [active, setActive] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api.result('views.list', { register });
    if (r.ok) setViews(r.value.views);
  }, [register]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async () => {
    try {
      const r = await api.call('views.save', { register, name: name.trim(), ...current });
      setViews(r.views);
      setActive(name.trim());
      setNaming(false);
      void message.success(`已保存视图「${name.trim()}」`);
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const remove = (view: SavedView) =>
    modal.confirm({
      title: `删除视图「${view.name}」？`,
      content: '只删除这个保存的筛选与列设置，不影响任何农户数据。',
      onOk: async () => {
        const r = await api.call('views.delete', { register, name: view.name });
        setViews(r.views);
        if (active === view.name) setActive(null);
      },
    });

  return (
    <Space.Compact>
      <Dropdown
        menu={{
          items: views.length
            ? views.map((v) => ({
                key: v.name,
                label: (
                  <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                    <span>{v.name}</span>
                    <a
                      onClick={(e) => {
                        e.stopPropagation();
                        remove(v);
                      }}
                    >
                      删除
                    </a>
                  </Space>
                ),
              }))
            : [{ key: '_none', label: '还没有保存的视图', disabled: true }],
          onClick: ({ key }) => {
            const v = views.find((x) => x.name === key);
            if (v) {
              setActive(v.name);
              onApply(v);
            }
          },
        }}
      >
        <Button>我的视图{active ? `：${active}` : ''}</Button>
      </Dropdown>
      <Button
        onClick={() => {
          setName(active ?? '');
          setNaming(true);
        }}
      >
        保存视图
      </Button>
      <Modal title="保存当前视图" open={naming} onOk={() => void save()} okButtonProps={{ disabled: !name.trim() }} onCancel={() => setNaming(false)} okText="保存" destroyOnHidden>
        <p className="gl-muted">保存当前的筛选条件、显示列和排序，仅您本人可见。同名视图将被覆盖。</p>
        <Input autoFocus maxLength={30} value={name} onChange={(e) => setName(e.target.value)} placeholder="如：红色监测户、一组脱贫户" onPressEnter={() => name.trim() && void save()} aria-label="视图名称" />
      </Modal>
    </Space.Compact>
  );
}
