import { deflateSync } from "node:zlib";
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { json } from "./helpers";

// Shared pieces for the letter-of-request specs: demo users, complete letter content, tiny valid files generated in
// code (no binary fixtures), and thin wrappers around /api/v1/lors.

export const PARTNER_BN = "partner.bn@caseway.example";
export const PARTNER_SR = "partner.sr@caseway.example";
export const DSCA = "dsca@caseway.example";
export const STATE = "state@caseway.example";
export const DTSA = "dtsa@caseway.example";
export const NAVY = "navy@caseway.example";

export type LorStatus =
  | "DRAFT"
  | "SUBMITTED"
  | "UNDER_VALIDATION"
  | "INSUFFICIENT"
  | "ACTIONABLE"
  | "COMPLETE"
  | "PA_PROVIDED"
  | "WITHDRAWN"
  | "DISAPPROVED";

export type Attachment = {
  id: string;
  kind: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  downloadUrl: string;
};

export type Criterion = { key: string; label: string; mandatory: boolean; applicable: boolean; met: boolean; problem: string | null };

export type Lor = {
  id: string;
  country: { id: string; code: string; name: string };
  status: LorStatus;
  version: number;
  subject: string | null;
  originatorReference: string | null;
  requestType: string | null;
  preferredAgency: { id: string; code: string; name: string } | null;
  routedAgency: { id: string; code: string; name: string } | null;
  items: { nomenclature: string | null; description: string | null; quantity: number | null; unitOfIssue: string | null; estimatedValue: string | null }[];
  statusReason: string | null;
  insufficientCriteria: string[];
  priceAndAvailability: { estimatedValue: string; availability: string; notes: string | null; respondedAt: string } | null;
  case: { id: string; identifier: string } | null;
  checklist: { score: number; ready: boolean; criteria: Criterion[] };
  validation: { dueAt: string; state: string; percentElapsed: number; targetDays: number; dayKind: string } | null;
  attachments: Attachment[];
  submittedAt: string | null;
  acknowledgedAt: string | null;
  completedAt: string | null;
};

export type LorSummary = Pick<Lor, "id" | "country" | "status" | "version" | "subject" | "originatorReference" | "case"> & { completeness: number };
export type LorEvent = { id: string; occurredAt: string; action: string; label: string; actor: string; fromStatus: string | null; toStatus: string | null; note: string | null; changedFields: string[] };
export type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

// The same complete letter (and future delivery date) the integration tests and the demo seed use.
import { completeLorContent, futureDate } from "../factories/lor";

export { completeLorContent, futureDate };

// ---- Tiny valid files ----

/** A one-page PDF with correct cross-reference offsets, so real PDF readers open it. */
export function tinyPdf(text = "Signed letter of request"): Buffer {
  const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 18 Tf 72 720 Td (${escaped}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A valid 2×2 RGB PNG. */
export function tinyPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0); // width
  header.writeUInt32BE(2, 4); // height
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  const rows = Buffer.from([0, 0x00, 0x5e, 0xa2, 0xff, 0xff, 0xff, 0, 0xff, 0xff, 0xff, 0x00, 0x5e, 0xa2]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(rows)),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---- API wrappers ----

export async function createLorViaApi(api: APIRequestContext, content: Record<string, unknown>): Promise<Lor> {
  const response = await api.post("/api/v1/lors", { data: content });
  expect(response.status(), await response.text()).toBe(201);
  return json<Lor>(response);
}

export async function getLorViaApi(api: APIRequestContext, id: string): Promise<Lor> {
  const response = await api.get(`/api/v1/lors/${id}`);
  expect(response.status(), await response.text()).toBe(200);
  return json<Lor>(response);
}

/** POST /api/v1/lors/{id}/{action} with the letter's current version; the raw response. */
export function postAction(api: APIRequestContext, lor: { id: string; version: number }, action: string, extra: Record<string, unknown> = {}): Promise<APIResponse> {
  return api.post(`/api/v1/lors/${lor.id}/${action}`, { data: { expectedVersion: lor.version, ...extra } });
}

/** Runs an action that must succeed and returns the letter afterwards. */
export async function lorAction(api: APIRequestContext, lor: { id: string; version: number }, action: string, extra: Record<string, unknown> = {}): Promise<Lor> {
  const response = await postAction(api, lor, action, extra);
  expect(response.status(), `${action}: ${await response.text()}`).toBe(200);
  return json<Lor>(response);
}

export async function uploadViaApi(api: APIRequestContext, lorId: string, file: { name: string; mimeType: string; buffer: Buffer }, kind = "SIGNED_LETTER"): Promise<APIResponse> {
  return api.post(`/api/v1/lors/${lorId}/attachments`, { multipart: { file, kind } });
}

export async function eventsViaApi(api: APIRequestContext, lorId: string): Promise<LorEvent[]> {
  const response = await api.get(`/api/v1/lors/${lorId}/events`);
  expect(response.status(), await response.text()).toBe(200);
  return (await json<{ items: LorEvent[] }>(response)).items;
}

/** A complete letter created and submitted by `partner`. */
export async function submittedLorViaApi(partner: APIRequestContext, overrides: Record<string, unknown> = {}): Promise<Lor> {
  const draft = await createLorViaApi(partner, completeLorContent(overrides));
  return lorAction(partner, draft, "submit");
}
