// Attachments are judged by their content, never by the name or type the client claims.

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_LOR = 20;

export const ATTACHMENT_TYPES = {
  "application/pdf": ".pdf",
  "image/png": ".png",
  "image/jpeg": ".jpg",
} as const;
export type AttachmentContentType = keyof typeof ATTACHMENT_TYPES;

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);

/** PDF, PNG or JPEG from the file's first bytes (its "magic number"); null for anything else. */
export function detectContentType(bytes: Uint8Array): AttachmentContentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  return null;
}

const EXTENSION_ALIASES: Record<AttachmentContentType, readonly string[]> = {
  "application/pdf": [".pdf"],
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
};

/**
 * A display name safe in a page and in a Content-Disposition header: no path, no control or direction-changing
 * characters, plain ASCII, at most 100 characters, ending in the extension of the detected type.
 */
export function safeFileName(original: string, type: AttachmentContentType): string {
  const last = (original.split(/[\\/]/).pop() ?? "").trim();
  const alias = EXTENSION_ALIASES[type].find((ext) => last.toLowerCase().endsWith(ext));
  const stem = (alias ? last.slice(0, last.length - alias.length) : last)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9 ._()-]/g, "_")
    .replace(/_+/g, "_")
    .replace(/\s+/g, " ")
    .replace(/^[\s._-]+/, "")
    .slice(0, 90)
    .replace(/[\s._-]+$/, "");
  // A name with no letters or digits left (e.g. written in another script) gets a neutral one.
  return `${/[A-Za-z0-9]/.test(stem) ? stem : "attachment"}${alias ?? ATTACHMENT_TYPES[type]}`;
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} bytes`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(0)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}
