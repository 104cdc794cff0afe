import { Badge, Card, Empty, List, Spin } from 'antd';
import type { ReactNode } from 'react';
import { navigate } from '../../../app/router';
import { useLoad } from '../../cases/procedureUi';

export interface WorkItem {
  key: string;
  title: ReactNode;
  /** The due time with its colour (DueTag). */
  due: ReactNode;
  /** Where one click takes the clerk to act. */
  path: string;
}

/**
 * One to-do card of the 工作台: a title with the count, the most urgent items (each with its due time
 * and one click to act), and a link to the full list. Cards load on their own, from list methods.
 */
export function WorkCard({ title, load, morePath, empty, tone, testId }: { title: string; load: () => Promise<{ items: WorkItem[]; total: number }>; morePath: string; empty: string; tone?: 'orange'; testId: string }) {
  const { data, loading } = useLoad(load, []);
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <span>
          {title} <Badge count={data?.total ?? 0} showZero color={tone === 'orange' ? '#FA8C16' : data?.total ? '#1677FF' : '#bbb'} overflowCount={999} />
        </span>
      }
      extra={<a onClick={() => navigate(morePath)}>查看全部</a>}
      style={tone === 'orange' && data?.total ? { borderColor: '#FA8C16' } : undefined}
    >
      {loading && !data ? (
        <Spin />
      ) : data && data.items.length > 0 ? (
        <List
          size="small"
          dataSource={data.items}
          renderItem={(i) => (
            <List.Item key={i.key} style={{ cursor: 'pointer' }} onClick={() => navigate(i.path)} extra={i.due}>
              <a>{i.title}</a>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      )}
    </Card>
  );
}
