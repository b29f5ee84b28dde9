import "server-only";
import { MAX_ATTACHMENT_BYTES } from "@/domain/files";
import { AppError } from "../errors";
import type { UploadedFile } from "./add-lor-attachment";

/** Room for the multipart envelope around a full-size file. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * Reads a multipart upload (fields `file` and `kind`). An oversized request is refused from its Content-Length before
 * the body is read.
 */
export async function readUpload(request: Request): Promise<{ meta: { kind: unknown }; file: UploadedFile | null }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Upload the file as multipart/form-data with fields `file` and `kind`");
  }
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_ATTACHMENT_BYTES + ENVELOPE_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", "Attachments can be at most 10 MB");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The upload could not be read as multipart/form-data");
  }
  return fileFromForm(form);
}

export async function fileFromForm(form: FormData): Promise<{ meta: { kind: unknown }; file: UploadedFile | null }> {
  const entry = form.get("file");
  const file = entry instanceof File && entry.size > 0 ? { name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) } : null;
  return { meta: { kind: form.get("kind") ?? undefined }, file };
}
