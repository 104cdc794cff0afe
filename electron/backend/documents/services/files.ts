/** documents.files — the 文书档案 tab: what is filed under a household (generated forms, scans, photos). */
import type { DossierFile } from '../../../../shared/api/methods/documents';
import type { HandlerContext } from '../../context';
import { householdFiles } from '../../repos/documentsRead';

const KIND_LABELS: Record<string, string> = { generated: '文书', upload: '扫描件', attachment: '照片', signature: '签名' };

export function dossierFiles(ctx: HandlerContext, householdId: string): DossierFile[] {
  return householdFiles(ctx.db, householdId)
    .filter((f) => f.kind !== 'template')
    .map((f) => ({
      id: f.id,
      name: f.name,
      kind: f.kind,
      // a photo uploaded as a generic file is still a photo
      kindLabel: f.kind === 'upload' && f.mime.startsWith('image/') ? '照片' : (KIND_LABELS[f.kind] ?? '其他'),
      mime: f.mime,
      size: f.size,
      createdAt: f.createdAt,
      createdBy: f.createdBy,
    }));
}
