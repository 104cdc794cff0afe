import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Result, Select, Space, Steps, Upload } from 'antd';
import { useState } from 'react';
import type { RosterCommitResult, RosterPreview } from '../../../../shared/api/methods/imports';
import { ApiCallError, api } from '../../api/client';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { errorText } from '../common/errors';
import { useDivisions } from '../register/useDivisions';
import { type ColumnMapping, ImportMappingTable } from './ImportMappingTable';
import { ImportProblemsTable } from './ImportProblemsTable';
import { ImportProgressModal } from './ImportProgressModal';
import { useJobProgress } from './useJobProgress';

interface Options {
  createDivisions: boolean;
  defaultVillageId?: string;
  defaultHouseholdType?: string;
}

const isCancelled = (e: unknown) => e instanceof ApiCallError && (e.error.details as { cancelled?: boolean } | undefined)?.cancelled === true;
const toMapping = (p: RosterPreview): ColumnMapping => Object.fromEntries(p.columns.map((c) => [c.column, c.field]));

/** 导入花名册: upload → column mapping → preview with every problem → confirm → commit with progress → result. */
export function RosterImportPage() {
  const { message, modal } = App.useApp();
  const session = useSession();
  const { villages } = useDivisions();
  const { progress, start, stop } = useJobProgress();
  const [file, setFile] = useState<{ token: string; name: string } | null>(null);
  const [options, setOptions] = useState<Options>({ createDivisions: false });
  const [preview, setPreview] = useState<RosterPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [result, setResult] = useState<RosterCommitResult | null>(null);
  const [phase, setPhase] = useState<'preview' | 'commit'>('preview');
  const [cancelling, setCancelling] = useState(false);

  const runPreview = async (token: string, withMapping?: ColumnMapping) => {
    setPhase('preview');
    start(token, '正在读取文件…');
    try {
      const explicit = withMapping ? Object.entries(withMapping).map(([column, field]) => ({ column: Number(column), field: field ?? null })) : undefined;
      const p = await api.call('imports.roster.preview', { file: token, jobId: token, mapping: explicit, options });
      setPreview(p);
      setMapping(toMapping(p));
    } catch (e) {
      if (isCancelled(e)) void message.info('已取消预览。');
      else void message.error(errorText(e));
    } finally {
      stop();
      setCancelling(false);
    }
  };

  const onFile = async (f: File) => {
    setPreview(null);
    setResult(null);
    try {
      const up = await api.upload(f, f.name);
      setFile({ token: up.token, name: up.name });
      await runPreview(up.token);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const cancel = async () => {
    if (!progress) return;
    setCancelling(true);
    await api.result('imports.roster.cancel', { jobId: progress.jobId });
  };

  const downloadReport = async () => {
    if (!preview?.previewId) return;
    try {
      const r = await api.call('imports.roster.report', { previewId: preview.previewId });
      await api.download(r.fileId, r.name);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const commit = () => {
    if (!preview?.previewId) return;
    const c = preview.counts;
    const households = c.households.create + c.households.update;
    const people = c.members.create + c.members.update;
    modal.confirm({
      title: '确认导入',
      content: `将写入 ${households} 户 ${people} 人（新增 ${c.households.create} 户、更新 ${c.households.update} 户），提交前会自动备份。${c.households.rejected ? `有错误的 ${c.households.rejected} 户不会导入。` : ''}提交后全部写入或全部不写。`,
      okText: '确认导入',
      cancelText: '取消',
      onOk: () => void doCommit(preview.previewId!),
    });
  };

  const doCommit = async (previewId: string) => {
    setPhase('commit');
    start(previewId, '正在备份数据库…');
    try {
      setResult(await api.call('imports.roster.commit', { previewId }));
    } catch (e) {
      if (isCancelled(e)) void message.info('已取消，没有写入任何数据。');
      else void message.error(errorText(e));
    } finally {
      stop();
      setCancelling(false);
    }
  };

  const restart = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
  };

  const step = result ? 3 : preview?.previewId ? 2 : preview ? 1 : 0;
  const c = preview?.counts;
  return (
    <div className="gl-page" style={{ overflow: 'auto' }}>
      <div className="gl-page-header">
        <h2>导入花名册</h2>
        {file && !result && <Button onClick={restart}>重新选择文件</Button>}
      </div>
      <Steps size="small" current={step} items={[{ title: '选择文件' }, { title: '核对列对应' }, { title: '预览与校验' }, { title: '完成' }]} />

      {!preview && !result && (
        <Card title="第一步：选择要导入的花名册文件">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Checkbox checked={options.createDivisions} disabled={!session.can('divisions.write')} onChange={(e) => setOptions({ ...options, createDivisions: e.target.checked })}>
                自动新建不存在的村组
              </Checkbox>
              <Select allowClear placeholder="文件没有“行政村”列时：全部农户所在的村" style={{ width: 300 }} value={options.defaultVillageId} onChange={(v) => setOptions({ ...options, defaultVillageId: v })} options={villages.map((v) => ({ value: v.id, label: v.name }))} aria-label="默认行政村" />
              <Select allowClear placeholder="户类型为空时默认" style={{ width: 200 }} value={options.defaultHouseholdType} onChange={(v) => setOptions({ ...options, defaultHouseholdType: v })} options={session.profile.enums.householdTypes.map((t) => ({ value: t, label: t }))} aria-label="默认户类型" />
            </Space>
            <Upload.Dragger accept=".xlsx,.xls,.csv" showUploadList={false} beforeUpload={(f) => (void onFile(f), false)} data-testid="import-upload">
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>点击或把文件拖到这里</p>
              <p className="gl-muted">支持 .xlsx、.xls、.csv（UTF-8 或 GBK）；可有标题行和 1–3 行合并表头，国家系统导出的列名会自动识别。文件不超过 20 MB。</p>
            </Upload.Dragger>
          </Space>
        </Card>
      )}

      {preview && !result && (
        <>
          {preview.notes.map((n) => <Alert key={n} type="info" showIcon title={n} />)}
          {preview.sameFileCommittedAt && <Alert type="warning" showIcon title={`这个文件已于 ${preview.sameFileCommittedAt.slice(0, 10)} 导入过。再次导入只会更新有变化的农户，不会重复登记。`} />}
          <Card title={`列对应（${preview.fileName}${preview.sheetName ? ` · 工作表“${preview.sheetName}”` : ''}，表头在第 ${preview.header.firstRow}–${preview.header.lastRow} 行，数据从第 ${preview.header.dataStartRow} 行开始）`} extra={<Button onClick={() => file && void runPreview(file.token, mapping)}>按此对应重新校验</Button>}>
            {preview.gaps.map((g) => <Alert key={g} type="error" showIcon title={g} style={{ marginBottom: 8 }} />)}
            <ImportMappingTable columns={preview.columns} mapping={mapping} onChange={setMapping} />
          </Card>
        </>
      )}

      {preview?.previewId && c && !result && (
        <Card
          title="预览与校验结果（尚未写入任何数据）"
          extra={
            <Space>
              <Button onClick={() => void downloadReport()}>下载问题报告</Button>
              <Button type="primary" data-testid="import-commit" disabled={c.households.create + c.households.update === 0} onClick={commit}>
                提交导入
              </Button>
            </Space>
          }
        >
          <Descriptions size="small" column={4} data-testid="import-counts" style={{ marginBottom: 12 }}>
            <Descriptions.Item label="数据行">{c.dataRows}</Descriptions.Item>
            <Descriptions.Item label="新增农户">{c.households.create}</Descriptions.Item>
            <Descriptions.Item label="更新农户">{c.households.update}</Descriptions.Item>
            <Descriptions.Item label="无变化农户">{c.households.unchanged}</Descriptions.Item>
            <Descriptions.Item label="有错误不导入">{c.households.rejected} 户</Descriptions.Item>
            <Descriptions.Item label="新增成员">{c.members.create}</Descriptions.Item>
            <Descriptions.Item label="更新成员">{c.members.update}</Descriptions.Item>
            <Descriptions.Item label="问题">
              错误 {c.errors} 处，警告 {c.warnings} 处
            </Descriptions.Item>
          </Descriptions>
          <ImportProblemsTable key={preview.previewId} previewId={preview.previewId} errors={c.errors} warnings={c.warnings} />
        </Card>
      )}

      {result && (
        <Result
          status="success"
          data-testid="import-result"
          title="导入完成"
          subTitle={`新增 ${result.households.created} 户、更新 ${result.households.updated} 户（新增成员 ${result.members.created} 人、更新 ${result.members.updated} 人）；无变化 ${result.households.unchanged} 户；有错误未导入 ${result.households.rejected} 户。${result.backupFile ? `导入前已自动备份：${result.backupFile}` : '没有需要写入的数据，未做备份。'}`}
          extra={[
            <Button key="register" type="primary" onClick={() => navigate('/register/households')}>
              查看户籍名册
            </Button>,
            <Button key="report" onClick={() => void downloadReport()}>
              下载问题报告
            </Button>,
            <Button key="again" onClick={restart}>
              继续导入其他文件
            </Button>,
          ]}
        />
      )}

      <ImportProgressModal
        title={phase === 'commit' ? '正在导入' : '正在读取和校验'}
        progress={progress}
        cancelling={cancelling}
        onCancel={() => void cancel()}
        cancelNote={phase === 'commit' ? '备份完成后即开始写入：写入阶段不能中途取消，全部写入或全部不写。' : undefined}
      />
    </div>
  );
}
