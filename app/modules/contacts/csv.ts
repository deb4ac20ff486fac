/** CSV writing lives in ~/lib/csv (shared by exports and the kit's charts); kept here for the area's callers. */
export { UTF8_BOM, neutralizeCell, csvCell, csvLine } from "~/lib/csv";
