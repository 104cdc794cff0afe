import { Alert, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Profile } from '../../../../shared/domain/profile';

/** The whole profile as JSON for what has no form yet (lists, the grading rule table); the backend checks every item. */
export function ProfileJsonEditor({ profile, onSave }: { profile: Profile; onSave: (p: Profile) => void }) {
  const [text, setText] = useState(() => JSON.stringify(profile, null, 2));
  const [parseError, setParseError] = useState<string | null>(null);
  const submit = () => {
    try {
      onSave(JSON.parse(text) as Profile);
      setParseError(null);
    } catch {
      setParseError('不是有效的 JSON：请检查括号、引号和逗号是否配对。');
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">高级设置：整份地方口径。保存前会逐项检查，有错误时不会保存，并指出错误所在的位置。金额单位为“分”（元 × 100）。</Typography.Paragraph>
      {parseError && <Alert type="error" title={parseError} />}
      <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 16, maxRows: 40 }} style={{ fontFamily: 'monospace', fontSize: 13 }} aria-label="地方口径 JSON" />
      <Button type="primary" onClick={submit}>
        检查并保存
      </Button>
    </Space>
  );
}
