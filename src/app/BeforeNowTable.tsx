import type { SettingChange } from './reviewChanges.ts';

interface BeforeNowTableProps {
  rows: readonly SettingChange[];
  /** The heading of the first column, naming what a row is: "Setting", "Field". */
  heading: string;
  caption?: string;
  className?: string;
  /** The name shown for a row; the row's key when left out. */
  label?: (key: string) => string;
}

/** Changed values, one row each: the name, the value before and the value now. */
export function BeforeNowTable({ rows, heading, caption, className = 'review-settings', label = (key) => key }: BeforeNowTableProps) {
  return (
    <table className={className}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">Before</th>
          <th scope="col">Now</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{label(row.key)}</th>
            <td>{row.before}</td>
            <td>{row.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
