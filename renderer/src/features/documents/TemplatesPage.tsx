import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input, Modal, Popconfirm, Select, Space, Table, Tag, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { FormInfo } from '../../../../shared/api/methods/documents';
import type { PlaceholderDocOut, TemplateRecord } from '../../../../shared/api/methods/templates';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText } from '../common/errors';
import { DocumentViewer, type ViewedFile } from './DocumentViewer';
import { HouseholdPicker, type PickedHousehold } from './HouseholdPicker';

interface Checked {
  token: string;
  fileName: string;
  problems: string[];
  placeholders: string[];
}

/**
 * 模板管理: a county's own Word layout of a standard form. Upload a .docx → its problems are listed in
 * Chinese (unknown placeholders, unbalanced braces, ID numbers on a public posting) → 登记. The
 * placeholder list says what each {占位符} prints; 为农户生成 fills a registered template.
 */
export function TemplatesPage(_props: { params?: Record<string, string> }) {
  const { message } = App.useApp();
  const session = useSession();
  const [forms, setForms] = useState<FormInfo[]>([]);
  const [formKey, setFormKey] = useState<FormInfo['key']>('intake');
  const [templates, setTemplates] = useState<TemplateRecord[]>([]);
  const [placeholders, setPlaceholders] = useState<PlaceholderDocOut[]>([]);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [name, setName] = useState('');
  const [filling, setFilling] = useState<TemplateRecord | null>(null);
  const [household, setHousehold] = useState<PickedHousehold[]>([]);
  const [viewed, setViewed] = useState<ViewedFile | null>(null);
  const canManage = session.can('templates.manage');

  const reload = useCallback(async () => {
    const r = await api.result('templates.list', {});
    if (r.ok) setTemplates(r.value);
  }, []);
  useEffect(() => {
    void api.result('documents.forms', {}).then((r) => r.ok && setForms(r.value));
    void reload();
  }, [reload]);
  useEffect(() => {
    void api.result('templates.placeholders', { form: formKey }).then((r) => r.ok && setPlaceholders(r.value));
    setChecked(null);
  }, [formKey]);

  const check = async (file: File) => {
    try {
      const up = await api.upload(file, file.name);
      const r = await api.call('templates.check', { token: up.token, form: formKey });
      setChecked({ token: up.token, fileName: file.name, ...r });
      setName(file.name.replace(/\.docx$/i, ''));
    } catch (e) {
      void message.error(errorText(e));
    }
    return false;
  };

  const register = async () => {
    if (!checked) return;
    try {
      await api.call('templates.register', { token: checked.token, name: name.trim() || checked.fileName, form: formKey });
      void message.success('模板已登记。');
      setChecked(null);
      await reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const fill = async () => {
    if (!filling || !household[0]) return;
    try {
      const r = await api.call('templates.fill', { templateId: filling.id, householdId: household[0].id });
      setFilling(null);
      setViewed({ fileId: r.fileId, name: r.name });
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const remove = async (t: TemplateRecord) => {
    try {
      await api.call('templates.remove', { id: t.id, rowVersion: t.rowVersion });
      await reload();
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  return (
    <div className="gl-page" data-testid="templates-page">
      <div className="gl-page-header">
        <h2>模板管理</h2>
      </div>
      <Card size="small" title="登记县里的 Word 模板">
        <Space wrap>
          <Select style={{ width: 320 }} value={formKey} onChange={setFormKey} options={forms.map((f) => ({ value: f.key, label: f.title }))} aria-label="用于哪种文书" />
          {canManage && (
            <Upload accept=".docx" showUploadList={false} beforeUpload={(f) => check(f)}>
              <Button icon={<UploadOutlined />} data-testid="template-upload">
                选择 .docx 模板并检查
              </Button>
            </Upload>
          )}
        </Space>
        {checked && (
          <div style={{ marginTop: 12 }} data-testid="template-check">
            {checked.problems.length > 0 ? (
              <Alert type="error" showIcon message={`「${checked.fileName}」有 ${checked.problems.length} 处问题，请在 Word 中修改后重新上传`} description={<ul style={{ margin: 0, paddingLeft: 18 }}>{checked.problems.map((p) => <li key={p}>{p}</li>)}</ul>} />
            ) : (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Alert type="success" showIcon message={`「${checked.fileName}」检查通过，使用了 ${checked.placeholders.length} 个占位符：${checked.placeholders.join('、')}`} />
                <Space>
                  <Input style={{ width: 280 }} value={name} onChange={(e) => setName(e.target.value)} maxLength={60} placeholder="模板名称，如：平江县信息采集表" aria-label="模板名称" />
                  <Button type="primary" onClick={() => void register()} data-testid="template-register">
                    登记模板
                  </Button>
                </Space>
              </Space>
            )}
          </div>
        )}
      </Card>
      <Card size="small" title="已登记的模板">
        <Table<TemplateRecord>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={templates}
          locale={{ emptyText: '还没有登记模板。没有县级模板时，系统使用内置的标准样式。' }}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '用于', dataIndex: 'formTitle' },
            { title: '占位符', render: (_, t) => t.placeholders.map((p) => <Tag key={p}>{p}</Tag>) },
            { title: '登记时间', render: (_, t) => t.createdAt.slice(0, 10), width: 110 },
            {
              title: '操作',
              width: 220,
              render: (_, t) => (
                <Space>
                  <a onClick={() => (setFilling(t), setHousehold([]))}>为农户生成</a>
                  <a onClick={() => void api.download(t.fileId, t.fileName)}>下载</a>
                  {canManage && (
                    <Popconfirm title="停用后不能再用它生成文书，已生成的文书不受影响。确定停用？" onConfirm={() => void remove(t)} okText="停用" cancelText="取消">
                      <a>停用</a>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={`可用占位符（${forms.find((f) => f.key === formKey)?.title ?? ''}）`}>
        <p className="gl-muted">在 Word 模板中输入 {'{户主姓名}'} 这样的占位符；表格中每人一行用 {'{#成员}'}…{'{/成员}'} 包住该行。括号须为半角。</p>
        <Table<PlaceholderDocOut>
          rowKey="占位符"
          size="small"
          pagination={false}
          dataSource={placeholders}
          expandable={{ childrenColumnName: '循环字段' }}
          columns={[
            { title: '占位符', dataIndex: '占位符', width: 280, render: (v: string) => <code>{v}</code> },
            { title: '说明', dataIndex: '说明' },
          ]}
        />
      </Card>
      <Modal open={filling !== null} title={`用「${filling?.name ?? ''}」生成`} okText="生成并预览" cancelText="取消" onOk={() => void fill()} okButtonProps={{ disabled: household.length === 0 }} onCancel={() => setFilling(null)} destroyOnHidden>
        <HouseholdPicker value={household} onChange={setHousehold} style={{ width: '100%' }} />
      </Modal>
      <DocumentViewer file={viewed} onClose={() => setViewed(null)} />
    </div>
  );
}
