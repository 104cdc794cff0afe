import { App, Button, Form, Input, Space } from 'antd';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { applyFieldErrors, errorText } from '../common/errors';

/** The office's names, printed on every form header (县、乡镇). */
export function OfficeForm() {
  const session = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ county: string; township: string }>();
  const canWrite = session.can('settings.write');
  const save = async (v: { county: string; township: string }) => {
    try {
      await api.call('settings.saveOffice', { county: v.county ?? '', township: v.township ?? '' });
      await session.reloadProfile();
      void message.success('单位信息已保存');
    } catch (e) {
      if (!applyFieldErrors(form, e)) void message.error(errorText(e));
    }
  };
  return (
    <Form form={form} layout="inline" onFinish={save} initialValues={{ county: session.profile.office.county, township: session.profile.office.township }}>
      <Space wrap>
        <Form.Item label="县（市、区）" name="county">
          <Input aria-label="县（市、区）" disabled={!canWrite} placeholder="用于文书抬头" />
        </Form.Item>
        <Form.Item label="乡镇（街道）" name="township">
          <Input aria-label="乡镇（街道）" disabled={!canWrite} placeholder="用于文书抬头" />
        </Form.Item>
        {canWrite && (
          <Button htmlType="submit" type="primary" ghost>
            保存单位信息
          </Button>
        )}
      </Space>
    </Form>
  );
}
