import { Empty } from 'antd';

/** Shown only for a screen whose feature has not landed yet; says what it will be for. */
export function Placeholder({ title, purpose }: { title: string; purpose: string }) {
  return (
    <div className="gl-page">
      <div className="gl-page-header">
        <h2>{title}</h2>
      </div>
      <Empty description={purpose} />
    </div>
  );
}
