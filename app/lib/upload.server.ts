/**
 * Multipart forms with documents (HTTP glue, so it lives in app/lib, not in a module): fields in memory, each file read up to the upload limit. A file
 * over the limit is drained and reported (not stored), so the form answers with a clear message.
 */
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { env } from "~/lib/env.server";

/** A file read from a multipart body: its name as sent and its bytes. */
export type IncomingFile = { fileName: string; bytes: Uint8Array };

export type ParsedUpload = { form: FormData; files: IncomingFile[]; tooLarge: boolean };

const FIELD_MAX = 64 * 1024;
const MAX_FILES = 10;

export async function parseUpload(request: Request, fileField = "files", maxBytes = env().UPLOAD_MAX_BYTES): Promise<ParsedUpload> {
  const files: IncomingFile[] = [];
  let tooLarge = false;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (filename === undefined) {
      // A text field.
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        size += chunk.byteLength;
        if (size <= FIELD_MAX) chunks.push(chunk);
      }
      return new TextDecoder().decode(Buffer.concat(chunks));
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size <= maxBytes) chunks.push(chunk);
    }
    if (name !== fileField || !filename || size === 0 || files.length >= MAX_FILES) return undefined;
    if (size > maxBytes) {
      tooLarge = true;
      return undefined;
    }
    files.push({ fileName: filename, bytes: new Uint8Array(Buffer.concat(chunks)) });
    return undefined;
  };
  const form = await unstable_parseMultipartFormData(request, handler);
  return { form, files, tooLarge };
}

/** Whether the request carries a multipart body (forms with files) or a plain form. */
export function isMultipart(request: Request): boolean {
  return (request.headers.get("content-type") ?? "").startsWith("multipart/form-data");
}
