import { Tag } from 'antd';

// Risk colours (UI.md): the same in tags, grid and charts.
export const COLOURS = {
  red: { label: '红色', color: '#F5222D', text: '#fff' },
  orange: { label: '橙色', color: '#FA8C16', text: '#fff' },
  yellow: { label: '黄色', color: '#FADB14', text: '#333' },
  blue: { label: '蓝色', color: '#1677FF', text: '#fff' },
} as const;
export type Colour = keyof typeof COLOURS;

export function ColourTag({ colour }: { colour: string | null | undefined }) {
  if (!colour || !(colour in COLOURS)) return <span className="gl-muted">—</span>;
  const c = COLOURS[colour as Colour];
  return (
    <Tag color={c.color} variant="solid" style={{ color: c.text, marginInlineEnd: 0 }}>
      {c.label}
    </Tag>
  );
}
