/** Every bulk template. tests/unit/bulletins-templates.test.ts renders each and checks its footer. */
import * as bulletin from "./bulletin.ts";

export type BulkTemplate = { name: string; footer: string; textFooter: string; labels: Record<string, string> };

export const BULK_TEMPLATES: Record<string, BulkTemplate> = { bulletin };
