/**
 * Where a contributed section's tables, attachments and key figures go on the contributor's page
 * (decision 025). Empty for now: the tables and attachments work replaces this component, keeping
 * its name and props.
 */
export function SectionExtras(_props: { month: string; section: string; editable?: boolean }) {
  return null;
}
