/**
 * Large CSV exports written by PostgreSQL itself: `COPY (<select>) TO STDOUT (FORMAT csv)` streamed
 * through pg-copy-streams, so Node only passes bytes on (decision 032: 10× the rows per second of
 * reading rows and writing every cell in JavaScript). The SELECT produces each cell's final text
 * with `csvTextSql`, and the CSV then equals what ~/lib/csv's csvLine writes for the same values:
 *
 * - Quoting: COPY quotes a field holding the delimiter, `"`, CR or LF and doubles its quotes —
 *   csvCell's rule. It also quotes an empty string (to tell it from NULL), so csvTextSql turns ""
 *   into NULL, written as nothing, as csvCell writes both.
 * - Formula neutralisation: csvTextSql prefixes a quote mark to a cell starting with = + - @ tab
 *   or CR, as neutralizeCell does.
 * - Line ends: COPY ends a row with LF; a CR is added before every LF outside a quoted field
 *   (one pass over the bytes keeping the quote parity: inside a field `""` toggles twice).
 *
 * COPY takes no bind parameters, so the SELECT's values are written into it as literals
 * (`sqlWithLiterals`, pg's escapeLiteral; NUL bytes dropped as the ORM client drops them).
 * Backpressure: pg-copy-streams stops reading the socket while its reader is behind, so a slow
 * client holds PostgreSQL back instead of filling memory. Stopping early (a cancelled download)
 * closes the connection: the server's next write fails and it ends the query; the pool discards
 * the client.
 */
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { withoutNul, type Prisma } from "~/lib/db.server";

/** The text of one CSV cell from a text expression, for a SELECT that COPY writes as CSV. */
export function csvTextSql(expression: string): string {
  const v = `(${expression})`;
  return `nullif(CASE WHEN left(${v}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${v} ELSE ${v} END, '')`;
}

function literal(value: unknown): string {
  if (typeof value === "string") return pg.escapeLiteral(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  throw new Error(`No SQL literal for a ${typeof value} value`);
}

/** A Prisma.Sql with its parameters written in as literals (for COPY, which takes none). */
export function sqlWithLiterals(sql: Prisma.Sql): string {
  const values = withoutNul(sql.values);
  return sql.strings.reduce((text, part, i) => text + (i > 0 ? literal(values[i - 1]) : "") + part, "");
}

const DELIMITERS = new Set([",", ";", "\t"]);
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export type CopyCsvOptions = {
  delimiter: string;
  /** Aborting stops the query and releases the connection at once (a cancelled download). */
  signal?: AbortSignal;
  /** Called with the number of rows in each chunk, as it is yielded. */
  onRows?: (rows: number) => void;
};

/**
 * The rows of `select` (a SELECT whose every column is a csvTextSql cell) as CSV bytes with CRLF
 * line ends, read over a connection of `pool`. No header: the caller writes its own.
 */
export async function* copyCsv(pool: pg.Pool, select: string, options: CopyCsvOptions): AsyncGenerator<Uint8Array> {
  if (!DELIMITERS.has(options.delimiter)) throw new Error(`Unsupported CSV delimiter ${JSON.stringify(options.delimiter)}`);
  options.signal?.throwIfAborted();
  const client = await pool.connect();
  // Once the socket is closed on purpose, the client and the query report it: nothing to do then.
  const ignore = () => undefined;
  client.on("error", ignore);
  const copy = client.query(copyTo(`COPY (${select}) TO STDOUT (FORMAT csv, DELIMITER ${pg.escapeLiteral(options.delimiter)}, ENCODING 'UTF8')`));
  copy.on("error", ignore);
  let complete = false;
  let hungUp = false;
  const hangUp = () => {
    if (hungUp) return;
    hungUp = true;
    copy.destroy();
    client.connection.stream.destroy();
  };
  options.signal?.addEventListener("abort", hangUp, { once: true });
  try {
    let quoted = false;
    for await (const chunk of copy as AsyncIterable<Buffer>) {
      if (hungUp) break;
      // Room for a CR before every LF (those inside quoted cells get none).
      let lineFeeds = 0;
      for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) lineFeeds++;
      const out = Buffer.allocUnsafe(chunk.length + lineFeeds);
      let o = 0;
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i]!;
        if (byte === QUOTE) quoted = !quoted;
        else if (byte === LF && !quoted) out[o++] = CR;
        out[o++] = byte;
      }
      // One CR added per row end.
      options.onRows?.(o - chunk.length);
      yield out.subarray(0, o);
    }
    complete = !hungUp;
  } finally {
    options.signal?.removeEventListener("abort", hangUp);
    if (!complete) hangUp();
    client.release(complete ? undefined : true);
  }
  options.signal?.throwIfAborted();
}
