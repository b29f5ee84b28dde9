import "server-only";
import { MAX_ATTACHMENT_BYTES } from "@/domain/files";
import { AppError } from "../errors";
import type { UploadedFile } from "./sdr-store";

/** Room for the multipart envelope around a full-size upload. */
const ENVELOPE_BYTES = 64 * 1024;

/** The files of a form (field `file`, repeatable); empty file inputs are skipped. */
export async function filesFromForm(form: FormData): Promise<UploadedFile[]> {
  const files: UploadedFile[] = [];
  for (const entry of form.getAll("file")) {
    if (entry instanceof File && entry.size > 0) files.push({ name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  return files;
}

/**
 * Reads a multipart upload of one or more `file` fields, as the LOR attachments do: an oversized request is refused
 * from its Content-Length before the body is read (10 MB in all, per request).
 */
export async function readSdrUpload(request: Request): Promise<UploadedFile[]> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Upload the files as multipart/form-data, each in a field named `file`");
  }
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_ATTACHMENT_BYTES + ENVELOPE_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "An upload can be at most 10 MB");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("BAD_REQUEST", "The upload could not be read as multipart/form-data");
  }
  return filesFromForm(form);
}
