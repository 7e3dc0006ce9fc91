import type { FieldChangeGroup } from '../reviewChanges.ts';

/** The changed fields of a homepage or Contact Us page, one before/now table per part (page, each section). */
export function FieldChangesTables({ groups }: { groups: readonly FieldChangeGroup[] }) {
  if (groups.length === 0) return <p>Unchanged.</p>;
  return (
    <>
      {groups.map((group, g) => (
        <table key={g} className="review-settings review-fields">
          <caption>{group.title}</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {group.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.key}</th>
                <td>{row.before}</td>
                <td>{row.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
