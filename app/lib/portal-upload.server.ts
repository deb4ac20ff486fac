/**
 * Multipart forms of the applicant portal whose files belong to different items (a correction's
 * answer: one file input per item, named `item-<requirementId>`). Same limits as upload.server.ts:
 * each file read up to the upload limit (a larger one is drained and reported, not stored), at
 * most MAX_FILES files, text fields capped.
 */
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { env } from "~/lib/env.server";

export type FieldFile = { field: string; fileName: string; bytes: Uint8Array };

const FIELD_MAX = 64 * 1024;
const MAX_FILES = 10;

async function drain(data: AsyncIterable<Uint8Array>, max: number): Promise<{ bytes: Uint8Array; size: number }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size <= max) chunks.push(chunk);
  }
  return { bytes: new Uint8Array(Buffer.concat(chunks)), size };
}

export async function parseUploadByField(request: Request, isFileField: (name: string) => boolean, maxBytes = env().UPLOAD_MAX_BYTES) {
  const files: FieldFile[] = [];
  let tooLarge = false;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (filename === undefined) return new TextDecoder().decode((await drain(data, FIELD_MAX)).bytes);
    const { bytes, size } = await drain(data, maxBytes);
    if (!isFileField(name) || !filename || size === 0 || files.length >= MAX_FILES) return undefined;
    if (size > maxBytes) {
      tooLarge = true;
      return undefined;
    }
    files.push({ field: name, fileName: filename, bytes });
    return undefined;
  };
  const form = await unstable_parseMultipartFormData(request, handler);
  return { form, files, tooLarge };
}
