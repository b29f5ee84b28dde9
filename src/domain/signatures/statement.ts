// Signed approvals (issue 16 item 5, docs/decisions/0031-signed-decisions-and-evidence-bundles.md): each binding
// decision signs a statement of what was decided, on which document, by whom and when. Pure: the statement's shape,
// its canonical bytes (the JWS payload), the JWS signing input and the revoked-key rule. The Ed25519 arithmetic lives
// in src/server/signatures/jws.ts (node:crypto) and, for offline checks, in scripts/verify-evidence.mjs.
import { canonicalJson } from "../audit-chain";

/** The statement format; bump when a member is added or its meaning changes. */
export const STATEMENT_TYPE = "caseway.decision/1";

/** The case events whose decision is signed (the partner's acceptance of an Amendment is the document step loa.accept). */
export const SIGNED_CASE_EVENTS = ["concur", "concur-with-comment", "sign", "countersign", "accept"] as const;
export type SignedCaseEvent = (typeof SIGNED_CASE_EVENTS)[number];
export const isSignedCaseEvent = (event: string): event is SignedCaseEvent => (SIGNED_CASE_EVENTS as readonly string[]).includes(event);

/** The JWS algorithm (RFC 9864's fully specified name for Ed25519; jose ≥ 6 and node:crypto verify it). */
export const JWS_ALG = "Ed25519";

export interface DecisionStatement {
  type: typeof STATEMENT_TYPE;
  /** The audit action recorded with the decision: case.concur, case.sign, case.accept, loa.accept… */
  decision: string;
  /** UTC, ISO 8601: the decision's moment, the same as its audit event's. */
  decidedAt: string;
  case: { id: string; identifier: string };
  /** The document the decision binds to; null only if the case had none (never on the happy path). */
  document: {
    number: number;
    name: string;
    version: number;
    /** SHA-256 of the offered PDF; null before the offer (concurrences, signature, countersignature). */
    pdfSha256: string | null;
    /** SHA-256 of the canonical JSON of the document's data (content, lines, pricing day): equal across versions of the same data. */
    dataSha256: string;
  } | null;
  signer: { userId: string; name: string; role: string; organization: string; organizationId: string };
  /** The decision's event on the case's audit chain: its position and hash. */
  auditEvent: { chainSeq: number | null; hash: string | null };
  /** The signing key's id (its RFC 7638 thumbprint). */
  kid: string;
}

/** The statement as signed: canonical JSON (keys sorted, no whitespace), UTF-8. */
export const statementText = (statement: DecisionStatement): string => canonicalJson(statement);

/** Reads a signed statement back; throws when the text is not one (or not canonical, so it cannot have been signed as is). */
export function parseStatement(text: string): DecisionStatement {
  const parsed = JSON.parse(text) as DecisionStatement;
  if (parsed?.type !== STATEMENT_TYPE) throw new Error(`Not a ${STATEMENT_TYPE} statement`);
  if (canonicalJson(parsed) !== text) throw new Error("The statement is not in canonical form");
  return parsed;
}

export const base64url = (bytes: Uint8Array | string): string =>
  (typeof bytes === "string" ? Buffer.from(bytes, "utf8") : Buffer.from(bytes)).toString("base64url");

/** The JWS protected header (flattened JSON serialization, RFC 7515 §7.2.2), base64url of its canonical JSON. */
export const protectedHeaderOf = (kid: string): string => base64url(canonicalJson({ alg: JWS_ALG, kid, typ: "caseway-decision+json" }));

/** What Ed25519 signs: ASCII(BASE64URL(protected) || "." || BASE64URL(payload)). */
export const signingInput = (protectedHeader: string, statement: string): Buffer =>
  Buffer.from(`${protectedHeader}.${base64url(statement)}`, "ascii");

export interface KeyValidity {
  createdAt: string;
  revokedAt: string | null;
}

export type SignatureStanding =
  | { valid: true; note: string | null }
  | { valid: false; reason: string };

/**
 * The revocation rule: a signature made at or after its key's revocation is invalid; one made before keeps verifying,
 * with a dated note; one dated before the key existed is invalid. Applied after the cryptographic check.
 */
export function keyStanding(key: KeyValidity, signedAt: string): SignatureStanding {
  const at = Date.parse(signedAt);
  if (Number.isNaN(at)) return { valid: false, reason: "The statement's time is not a date" };
  if (at < Date.parse(key.createdAt)) return { valid: false, reason: `Signed before its key was created (${key.createdAt})` };
  if (key.revokedAt === null) return { valid: true, note: null };
  if (at >= Date.parse(key.revokedAt)) return { valid: false, reason: `Signed with a key revoked on ${key.revokedAt}` };
  return { valid: true, note: `Its key was revoked on ${key.revokedAt}, after this signature: the signature still stands` };
}
