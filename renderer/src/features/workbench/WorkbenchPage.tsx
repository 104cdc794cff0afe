import { Col, Row } from 'antd';
import { useSession } from '../../app/session';
import { WORKBENCH_CARDS } from './cards';

/** 工作台: my to-dos as cards (cards/*.tsx), each with due times and one click to act. */
export function WorkbenchPage(_props: { params?: Record<string, string> }) {
  const session = useSession();
  const cards = WORKBENCH_CARDS.filter((c) => !c.permission || session.can(c.permission));
  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>工作台</h2>
      </div>
      <Row gutter={[16, 16]}>
        {cards.map((c) => (
          <Col key={c.key} xs={24} lg={12}>
            <c.component />
          </Col>
        ))}
      </Row>
    </div>
  );
}
