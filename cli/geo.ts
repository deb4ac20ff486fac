/**
 * `npx alcance geo unmapped [--json]`: the stored countries and states that are not ISO codes
 * (what the iso_regions data migration could not map), to be corrected by hand.
 */
import { unmappedRegions } from "../app/modules/geo/unmapped.server.ts";
import { output, parse, type CliContext } from "./index.ts";

export async function geoCommand(ctx: CliContext): Promise<number> {
  const [command, ...rest] = ctx.args;
  if (command !== "unmapped") {
    console.error('Unknown geo command. Try "npx alcance help".');
    return 2;
  }
  parse(rest, {});
  const values = await unmappedRegions();
  const total = values.reduce((sum, v) => sum + v.rows, 0);
  const human = values.length
    ? [
        `${total} rows hold ${values.length} values that are not ISO codes:`,
        ...values.map((v) => `  ${v.table}.${v.field}${v.country ? ` (${v.country})` : ""}: «${v.value}» × ${v.rows}`),
      ].join("\n")
    : "Every stored country and state is an ISO code.";
  output(ctx, { total, values }, human);
  return 0;
}
