import { App, Button, Image, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import type { MeetingDetail } from '../../../../shared/api/methods/meetings';
import type { Attendee, Signature } from '../../../../shared/domain/meeting';
import { api } from '../../api/client';
import { errorText } from '../common/errors';
import { chinaTime } from '../cases/procedureUi';
import { SignaturePadModal } from './SignaturePadModal';

/**
 * 参会人员签字: each attendee on the pad or 纸质签字 (scan of the signed page). Used for the minutes and,
 * with `addendumId`, for an addendum's named signers.
 */
export function SignaturePanel({
  detail,
  attendees,
  signatures,
  addendumId,
  canSign,
  onChange,
}: {
  detail: MeetingDetail;
  attendees: Attendee[];
  signatures: Signature[];
  addendumId?: string;
  canSign: boolean;
  onChange: (d: MeetingDetail) => void;
}) {
  const { message } = App.useApp();
  const [padFor, setPadFor] = useState<Attendee | null>(null);

  const sign = async (a: Attendee, signature: { kind: 'pad'; pngBase64: string } | { kind: 'paper'; scanToken: string }) => {
    try {
      const d = await api.call('meetings.sign', { meetingId: detail.id, attendeeId: a.id, ...(addendumId ? { addendumId } : {}), signature });
      void message.success(d.locked && !detail.locked ? '全部参会人员已签字，会议记录已锁定' : `「${a.name}」已签字`);
      setPadFor(null);
      onChange(d);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const paper = async (a: Attendee, file: File) => {
    try {
      const up = await api.upload(file, file.name);
      await sign(a, { kind: 'paper', scanToken: up.token });
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const sigOf = (id: string) => signatures.find((s) => s.attendeeId === id);
  return (
    <>
      <Table<Attendee>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={attendees}
        data-testid={addendumId ? 'addendum-signatures' : 'meeting-signatures'}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 110 },
          { title: '身份', dataIndex: 'role', width: 120 },
          { title: '单位', dataIndex: 'unit', render: (v: string | undefined) => v ?? '—' },
          {
            title: '签字',
            width: 280,
            render: (_: unknown, a) => {
              const s = sigOf(a.id);
              if (s?.kind === 'pad') return <Space><Image src={api.fileUrl(s.imageRef)} alt={`${a.name}的签字`} height={36} /><span className="gl-muted">{chinaTime(s.signedAt)}</span></Space>;
              if (s?.kind === 'paper') return <Space><Tag color="blue">纸质签字</Tag><a onClick={() => void api.download(s.scanRef, `${a.name}-签字页`)}>扫描件</a></Space>;
              return <Tag color="warning">未签字</Tag>;
            },
          },
          {
            title: '操作',
            width: 200,
            render: (_: unknown, a) =>
              !sigOf(a.id) && canSign ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setPadFor(a)} aria-label={`${a.name} 签字板签字`}>
                    签字板签字
                  </Button>
                  <Upload accept="image/*,.pdf" showUploadList={false} beforeUpload={(f) => (void paper(a, f), false)}>
                    <Button size="small" aria-label={`${a.name} 纸质签字`}>
                      纸质签字
                    </Button>
                  </Upload>
                </Space>
              ) : null,
          },
        ]}
      />
      <SignaturePadModal signer={padFor?.name ?? ''} open={padFor !== null} onCancel={() => setPadFor(null)} onSign={(png) => sign(padFor!, { kind: 'pad', pngBase64: png })} />
    </>
  );
}
