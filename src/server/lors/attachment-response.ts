import "server-only";

/**
 * Serves a stored file as a download, never inline: the content type is the one detected at upload, the browser is
 * told not to sniff, and a sandboxing CSP stops a crafted file from running script on our origin.
 */
export function attachmentResponse(file: { fileName: string; contentType: string; sizeBytes: number; sha256: string; bytes: Uint8Array }) {
  const asciiName = file.fileName.replace(/["\\]/g, "_");
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.sizeBytes),
      "content-disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
      etag: `"${file.sha256}"`,
    },
  });
}
