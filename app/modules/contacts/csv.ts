/** CSV writing lives in ~/lib/csv (the kit's charts use it too); re-exported for the area's callers. */
export { csvCell, csvLine, neutralizeCell, UTF8_BOM } from "~/lib/csv";
