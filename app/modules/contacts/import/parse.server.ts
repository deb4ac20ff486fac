/**
 * Streaming CSV/TSV reading with papaparse's core parser: bytes in (from disk or from the upload's
 * chunks in PostgreSQL), records out, each with the 1-based line where it starts (the header is
 * line 1; a quoted cell with line breaks makes its record span several lines) and the byte offset
 * where it ends. Never holds more than one chunk and one unfinished record in memory.
 */
import Papa from "papaparse";
import { bomLength, decoderFor, encodedLength, type ImportDelimiter, type ImportEncoding, type LineBreak } from "./detect";
import { ImportFileError } from "./errors";

export type ByteSource = () => AsyncIterable<Uint8Array>;

export type ParsedRecord = {
  /** Line where the record starts (1 = the header). */
  line: number;
  /** Last line the record occupies. */
  lastLine: number;
  fields: string[];
  /** papaparse found a stray or unterminated quote in it. */
  quoteError: boolean;
  /** Offsets of the record (with its line break) in the chunk's text. */
  start: number;
  end: number;
  /** Bytes of the file up to the end of this record. */
  bytesEnd: number;
};

/** Records that share one decoded text: `text.slice(start, end)` is a record's raw form. */
export type ParsedChunk = { text: string; records: ParsedRecord[] };

export type ParseOptions = {
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  lineBreak: LineBreak;
  /** A record longer than this (an unterminated quote, a binary file) stops the read. */
  maxRecordChars?: number;
};

const DEFAULT_MAX_RECORD_CHARS = 1 << 22; // 4 Mi characters

/** The raw record as it was in the file, without its line break (for the rejected-rows CSV). */
export function rawRecord(chunk: ParsedChunk, record: ParsedRecord, lineBreak: LineBreak): string {
  let end = record.end;
  if (chunk.text.startsWith(lineBreak, end - lineBreak.length) && end - lineBreak.length >= record.start) end -= lineBreak.length;
  // A copy, so the chunk's text can be collected.
  return (" " + chunk.text.slice(record.start, end)).slice(1);
}

export async function* parseRecords(source: ByteSource, options: ParseOptions): AsyncGenerator<ParsedChunk> {
  const { encoding, delimiter, lineBreak } = options;
  const maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const countChar = lineBreak === "\r" ? "\r" : "\n";
  const decoder = decoderFor(encoding);
  let partial = "";
  let line = 1;
  let bytes = bomLength(encoding);

  const parseText = (text: string, final: boolean): ParsedChunk => {
    const records: ParsedRecord[] = [];
    let start = 0;
    const parser = new Papa.Parser({
      delimiter,
      newline: lineBreak,
      quoteChar: '"',
      step: (results: Papa.ParseResult<string[]>) => {
        const end = results.meta.cursor;
        const fields = results.data[0] ?? [];
        let newlines = 0;
        for (let at = text.indexOf(countChar, start); at !== -1 && at < end; at = text.indexOf(countChar, at + 1)) newlines++;
        const ended = text.startsWith(lineBreak, end - lineBreak.length) && end - lineBreak.length >= start;
        // A file with mixed line breaks: a "\r" left at the end of a "\n"-separated record.
        if (lineBreak === "\n" && fields.length > 0) {
          const last = fields[fields.length - 1]!;
          if (last.endsWith("\r")) fields[fields.length - 1] = last.slice(0, -1);
        }
        const firstLine = line;
        line += newlines;
        bytes += encodedLength(text.slice(start, end), encoding);
        records.push({
          line: firstLine,
          lastLine: ended ? line - 1 : line,
          fields,
          quoteError: results.errors.some((e) => e.type === "Quotes"),
          start,
          end,
          bytesEnd: bytes,
        });
        start = end;
      },
    } as Papa.ParseConfig);
    parser.parse(text, 0, !final);
    partial = final ? "" : text.slice(start);
    if (partial.length > maxRecordChars) throw new ImportFileError("recordTooLarge", { line });
    return { text, records };
  };

  for await (const chunk of source()) {
    const text = partial + decoder.decode(chunk, { stream: true });
    const parsed = parseText(text, false);
    if (parsed.records.length) yield parsed;
  }
  const parsed = parseText(partial + decoder.decode(), true);
  if (parsed.records.length) yield parsed;
}
