import { FileZipOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Table, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ApplicableForm, DossierFile } from '../../../../shared/api/methods/documents';
import { chinaDateTime } from '../../../../shared/domain/chinaTime';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { errorText } from '../common/errors';
import { DocumentViewer, type ViewedFile } from '../documents/DocumentViewer';
import type { HouseholdTabProps } from './tabs';

const KIND_COLOURS: Record<string, string> = { 文书: 'blue', 扫描件: 'orange', 照片: 'green', 签名: 'purple' };
const size = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/**
 * 文书档案: everything filed under this household — generated forms, scans, photos — with preview and
 * download; a button per form that applies to it now (the others say what is missing); and the
 * 一户一档 export (all forms, minutes, 公示, attachments, timeline and one PDF, zipped).
 */
export function DossierTab({ household }: HouseholdTabProps) {
  const { message } = App.useApp();
  const session = useSession();
  const canGenerate = session.can('documents.generate');
  const [files, setFiles] = useState<DossierFile[]>([]);
  const [forms, setForms] = useState<ApplicableForm[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [viewed, setViewed] = useState<ViewedFile | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const reload = useCallback(async () => {
    const r = await api.result('documents.files', { householdId: household.id });
    if (r.ok) setFiles(r.value);
    if (canGenerate) {
      const a = await api.result('documents.applicable', { householdId: household.id });
      if (a.ok) setForms(a.value);
    }
  }, [household.id, canGenerate]);
  useEffect(() => {
    void reload();
  }, [reload, household.rowVersion]);

  const generate = async (f: ApplicableForm) => {
    setBusy(f.form);
    try {
      const r = await api.call('documents.generate', { form: f.form, householdId: household.id });
      setViewed({ fileId: r.fileId, name: r.name });
      await reload();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const exportDossier = async () => {
    setBusy('dossier');
    try {
      const r = await api.call('dossier.export', { householdId: household.id });
      await api.download(r.fileId, r.name);
      setNote(r.pdf ? null : '本机未安装 LibreOffice，压缩包中没有合成的 PDF；Word 文书已全部放入，可用 Word 或 WPS 打印。');
      await reload();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="dossier-tab">
      {canGenerate && (
        <Card size="small" title="生成文书" extra={
          <Button icon={<FileZipOutlined />} loading={busy === 'dossier'} disabled={busy !== null} onClick={() => void exportDossier()} data-testid="dossier-export">
            导出一户一档
          </Button>
        }>
          <Space wrap>
            {forms.map((f) => (
              <Tooltip key={f.form} title={f.available ? undefined : f.reason}>
                <Button loading={busy === f.form} disabled={!f.available || busy !== null} onClick={() => void generate(f)} data-testid={`dossier-generate-${f.form}`}>
                  {f.title}
                </Button>
              </Tooltip>
            ))}
          </Space>
          {note && <Alert style={{ marginTop: 12 }} type="info" showIcon message={note} closable onClose={() => setNote(null)} />}
        </Card>
      )}
      <Table<DossierFile>
        rowKey="id"
        size="small"
        dataSource={files}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: '该户还没有文书、扫描件或照片。点击上方按钮生成文书；走访照片和签字页扫描件会自动归入这里。' }}
        columns={[
          { title: '类别', dataIndex: 'kindLabel', width: 80, render: (v: string) => <Tag color={KIND_COLOURS[v]}>{v}</Tag> },
          { title: '文件名', dataIndex: 'name', render: (v: string, f) => <a onClick={() => setViewed({ fileId: f.id, name: f.name, mime: f.mime })}>{v}</a> },
          { title: '大小', dataIndex: 'size', width: 90, render: (v: number) => size(v) },
          { title: '时间', dataIndex: 'createdAt', width: 170, render: (v: string) => chinaDateTime(v) },
          { title: '操作人', dataIndex: 'createdBy', width: 100 },
          {
            title: '操作',
            width: 120,
            render: (_, f) => (
              <Space>
                <a onClick={() => setViewed({ fileId: f.id, name: f.name, mime: f.mime })}>预览</a>
                <a onClick={() => void api.download(f.id, f.name)}>下载</a>
              </Space>
            ),
          },
        ]}
      />
      <DocumentViewer file={viewed} onClose={() => setViewed(null)} />
    </Space>
  );
}
