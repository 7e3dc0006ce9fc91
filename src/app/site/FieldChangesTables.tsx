import { BeforeNowTable } from '../BeforeNowTable.tsx';
import type { FieldChangeGroup } from '../reviewChanges.ts';

/** The changed fields of a homepage or Contact Us page, one before/now table per part (page, each section). */
export function FieldChangesTables({ groups }: { groups: readonly FieldChangeGroup[] }) {
  if (groups.length === 0) return <p>Unchanged.</p>;
  return (
    <>
      {groups.map((group, g) => (
        <BeforeNowTable key={g} rows={group.rows} heading="Field" caption={group.title} className="review-settings review-fields" />
      ))}
    </>
  );
}
