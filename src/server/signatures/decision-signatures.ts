// Signing a binding decision inside its own transaction (ADR 0031): the key held for the signer (made on first need),
// the statement of what was decided on which document, and its row beside the decision's audit event. Free of
// `server-only` and `@/` imports: the case workflow's commit (also run by the demo seed) calls it.
import { createHash, randomUUID } from "node:crypto";
import { canonicalJson } from "../../domain/audit-chain";
import { documentDisplayName, type DocumentStatus, type DocumentType } from "../../domain/loa/codes";
import type { Actor } from "../../domain/policy";
import { STATEMENT_TYPE, parseStatement, statementText, type DecisionStatement } from "../../domain/signatures/statement";
import { boundDocumentOf, type BindingEvent } from "../../domain/workflow/binding-confirmation";
import type { AuditRecorded } from "../audit";
import type { Tx } from "../db";
import type { SignatureStamp } from "../loa/loa-pdf";
import { contentOf, loadDocuments, type DocumentRow } from "../loa/loa-store";
import { newSigningKey, openPrivateKey, signStatement } from "./jws";

/**
 * SHA-256 of the document's canonical data: its content and lines (internal notes included: the hash commits to them
 * without showing them), its type and number, and the day that prices it. Status and version are left out, so the
 * same LOA keeps the same data hash from the review through the offer to the acceptance.
 */
export function documentDataSha256(doc: DocumentRow): string {
  const data = {
    number: doc.number,
    documentType: doc.documentType,
    documentNumber: doc.documentNumber,
    pricedOn: doc.pricedOn ? doc.pricedOn.toISOString().slice(0, 10) : null,
    content: contentOf(doc),
  };
  return createHash("sha256").update(canonicalJson(data), "utf8").digest("hex");
}

export type SignedDocument = NonNullable<DecisionStatement["document"]>;

/** What a document is as a statement names it, read before the decision changes it (its status, version and rates). */
export function signedDocumentOf(identifier: string, doc: DocumentRow): SignedDocument {
  return {
    number: doc.number,
    name: documentDisplayName(identifier, doc.documentType as DocumentType | null, doc.documentNumber ?? 0),
    version: doc.version,
    pdfSha256: doc.pdfSha256,
    dataSha256: documentDataSha256(doc),
  };
}

/** The document a case event binds to (binding-confirmation.ts), as it stands before the event. */
export async function boundDocumentFor(tx: Tx, caseId: string, identifier: string, event: BindingEvent): Promise<SignedDocument | null> {
  const documents = await loadDocuments(tx, caseId);
  const bound = boundDocumentOf(
    event,
    documents.map((d) => ({ ...d, documentType: d.documentType as DocumentType | null, status: d.status as DocumentStatus })),
  );
  return bound ? signedDocumentOf(identifier, bound) : null;
}

/**
 * The user's key in use, made on first need. Two first decisions at once make one key: the partial unique index
 * (one key not retired per user) turns the second insert into nothing, and the read after it sees the first.
 */
export async function signingKeyFor(tx: Tx, userId: string, now: Date): Promise<{ kid: string; privateKeyEnc: string; createdAt: Date }> {
  const select = { kid: true, privateKeyEnc: true, createdAt: true } as const;
  const current = await tx.signingKey.findFirst({ where: { userId, retiredAt: null }, select });
  if (current) {
    // The demo seed records backdated histories in no particular order: a key is never younger than its signatures.
    if (current.createdAt > now) await tx.signingKey.update({ where: { kid: current.kid }, data: { createdAt: now } });
    return current;
  }
  const made = newSigningKey();
  await tx.$executeRaw`
    INSERT INTO signing_keys (id, user_id, kid, public_jwk, private_key_enc, created_at)
    VALUES (${randomUUID()}::uuid, ${userId}::uuid, ${made.kid}, ${JSON.stringify(made.publicJwk)}::jsonb, ${made.privateKeyEnc}, ${now})
    ON CONFLICT (user_id) WHERE retired_at IS NULL DO NOTHING`;
  return tx.signingKey.findFirstOrThrow({ where: { userId, retiredAt: null }, select });
}

/** Retires the user's key in use (it keeps verifying its signatures); the next decision makes a new one. */
export async function rotateSigningKey(tx: Tx, userId: string, now: Date): Promise<number> {
  const retired = await tx.signingKey.updateMany({ where: { userId, retiredAt: null }, data: { retiredAt: now } });
  return retired.count;
}

/** Revokes a key (compromised): signatures dated from `now` on are invalid; earlier ones verify with a dated note. */
export async function revokeSigningKey(tx: Tx, kid: string, reason: string, now: Date): Promise<boolean> {
  const key = await tx.signingKey.findUnique({ where: { kid }, select: { retiredAt: true, revokedAt: true } });
  if (!key || key.revokedAt) return false;
  await tx.signingKey.update({ where: { kid }, data: { revokedAt: now, revokedReason: reason, retiredAt: key.retiredAt ?? now } });
  return true;
}

export interface DecisionToSign {
  caseId: string;
  identifier: string;
  /** The audit action: case.concur, case.sign, loa.accept… */
  decision: string;
  actor: Pick<Actor, "userId" | "name" | "role" | "organizationId" | "organizationName">;
  document: SignedDocument | null;
  audited: AuditRecorded;
  now: Date;
}

/** Signs the decision with the actor's key and stores the signature beside its audit event (same transaction). */
export async function recordDecisionSignature(tx: Tx, decision: DecisionToSign): Promise<DecisionStatement> {
  const key = await signingKeyFor(tx, decision.actor.userId, decision.now);
  const statement: DecisionStatement = {
    type: STATEMENT_TYPE,
    decision: decision.decision,
    decidedAt: decision.now.toISOString(),
    case: { id: decision.caseId, identifier: decision.identifier },
    document: decision.document,
    signer: {
      userId: decision.actor.userId,
      name: decision.actor.name,
      role: decision.actor.role,
      organization: decision.actor.organizationName,
      organizationId: decision.actor.organizationId,
    },
    auditEvent: { chainSeq: decision.audited.chainSeq, hash: decision.audited.hash },
    kid: key.kid,
  };
  const text = statementText(statement);
  const { protectedHeader, signature } = signStatement(text, key.kid, openPrivateKey(key.privateKeyEnc));
  await tx.decisionSignature.create({
    data: {
      caseId: decision.caseId,
      auditEventId: decision.audited.id,
      decision: decision.decision,
      documentNumber: decision.document?.number ?? null,
      documentVersion: decision.document?.version ?? null,
      signerUserId: decision.actor.userId,
      kid: key.kid,
      statement: text,
      protectedHeader,
      signature,
      signedAt: decision.now,
    },
  });
  return statement;
}

/**
 * The agency's signature and DSCA's countersignature of `doc`'s data, as its PDF's signature blocks print them: the
 * latest of each whose statement names this document with the same data hash (a restated or returned LOA's earlier
 * signatures cover other data, and are not printed on it).
 */
export async function signatureStampsFor(tx: Tx, caseId: string, doc: DocumentRow): Promise<{ agency: SignatureStamp | null; dsca: SignatureStamp | null }> {
  const rows = await tx.decisionSignature.findMany({
    where: { caseId, documentNumber: doc.number, decision: { in: ["case.sign", "case.countersign"] } },
    orderBy: { signedAt: "desc" },
    select: { decision: true, statement: true, kid: true, signedAt: true },
  });
  const data = documentDataSha256(doc);
  const stampOf = (decision: string): SignatureStamp | null => {
    for (const row of rows.filter((r) => r.decision === decision)) {
      const statement = parseStatement(row.statement);
      if (statement.document?.dataSha256 === data) return { name: statement.signer.name, signedAt: row.signedAt, kid: row.kid };
    }
    return null;
  };
  return { agency: stampOf("case.sign"), dsca: stampOf("case.countersign") };
}
