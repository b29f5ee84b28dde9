import "server-only";
import { createHash } from "node:crypto";
import { GENESIS_HASH, type StoredChainEvent } from "@/domain/audit-chain";
import { caseEventView } from "@/domain/cases/case-event-view";
import { PARTNER_VISIBLE_DOCUMENT_STATUSES, documentDisplayName, type DocumentStatus, type DocumentType } from "@/domain/loa/codes";
import { can, type Actor } from "@/domain/policy";
import { assertCan } from "../auth/actor";
import { chainKeyFor } from "../audit";
import { db } from "../db";
import { assertCaseVisible } from "./case-access";
import { verifyCaseChain } from "./get-case-audit";

// The evidence bundle (ADR 0031, docs/evidence.md): one JSON file a partner or an auditor keeps and checks without
// Caseway's server (scripts/verify-evidence.mjs): the offered PDFs, the signed decision statements, the public keys
// that verify them, and the case's audit chain with its head hash.

export const EVIDENCE_FORMAT = "caseway.evidence/1";

/** The fields an event's hash covers (src/domain/audit-chain.ts eventHash), as JSON. */
type EventContent = Omit<StoredChainEvent, "id" | "hash" | "occurredAt"> & { occurredAt: string };

export interface EvidenceChainEvent {
  chainSeq: number;
  prevHash: string;
  hash: string | null;
  /** What happened, when the viewer may see it: the timeline's words. */
  summary: { occurredAt: string; action: string; label: string } | null;
  /** Every field the hash covers, when the viewer may see all of them: the verifier recomputes the hash from it. */
  content: EventContent | null;
}

export interface EvidenceBundle {
  format: typeof EVIDENCE_FORMAT;
  generatedAt: string;
  /** "partner": events hidden from the partner appear as hashes only; "full": every event with its content. */
  view: "partner" | "full";
  case: { id: string; identifier: string };
  documents: { number: number; name: string; version: number; status: string; pdfSha256: string; pdfBase64: string }[];
  signatures: { id: string; decision: string; kid: string; signedAt: string; statement: string; protected: string; signature: string }[];
  keys: { kid: string; jwk: unknown; createdAt: string; retiredAt: string | null; revokedAt: string | null; revokedReason: string | null }[];
  auditChain: { chainKey: string; genesisHash: string; eventCount: number; headHash: string | null; events: EvidenceChainEvent[] };
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * The case's evidence bundle for `actor`. U.S. Government staff get every event in full; a partner officer gets their
 * own country's case only (another country's is 404), each event's link and hash so the chain still verifies, the
 * content of the events their own officers recorded, the words of the events they may see, and the signatures of
 * the decisions they may see (the agency's signature, DSCA's countersignature, acceptances) — internal concurrences
 * appear as chain links only.
 */
export async function getCaseEvidence(actor: Actor, caseId: string): Promise<EvidenceBundle> {
  const subject = await assertCaseVisible(actor, caseId);
  assertCan(actor, "viewCaseEvidence", subject, "Case");
  const full = can(actor, "viewCaseAudit", subject);

  const [caseRow, chain, signatures] = await Promise.all([
    db().case.findUniqueOrThrow({
      where: { id: caseId },
      select: {
        identifier: true,
        countryId: true,
        documents: {
          where: { pdfFileId: { not: null } },
          orderBy: { number: "asc" },
          select: {
            number: true,
            documentType: true,
            documentNumber: true,
            status: true,
            version: true,
            offeredAt: true,
            pdfSha256: true,
            pdfFile: { select: { content: true } },
          },
        },
      },
    }),
    verifyCaseChain(caseId),
    db().decisionSignature.findMany({ where: { caseId }, orderBy: [{ signedAt: "asc" }, { id: "asc" }] }),
  ]);

  const docs = {
    identifier: caseRow.identifier,
    documents: caseRow.documents.map((d) => ({ ...d, documentType: d.documentType as DocumentType | null })),
  };
  const noActor = () => ({ who: "", office: "" });
  const visible = (event: StoredChainEvent) =>
    full || caseEventView({ ...event, id: BigInt(event.id) }, { partner: true }, noActor, docs) !== null;
  const ownOfficers = (event: StoredChainEvent) => full || (event.actorOrganizationId !== null && event.actorOrganizationId === caseRow.countryId);

  const events: EvidenceChainEvent[] = chain.events.map((event) => {
    const seen = visible(event);
    const label = seen ? caseEventView({ ...event, id: BigInt(event.id) }, { partner: !full }, noActor, docs)?.label ?? event.action : null;
    const { id: _id, hash: _hash, occurredAt, ...rest } = event;
    return {
      chainSeq: event.chainSeq,
      prevHash: event.prevHash,
      hash: event.hash,
      summary: seen && label !== null ? { occurredAt: occurredAt.toISOString(), action: event.action, label } : null,
      content: seen && ownOfficers(event) ? { ...rest, occurredAt: occurredAt.toISOString() } : null,
    };
  });
  const visibleSeqs = new Set(chain.events.filter(visible).map((e) => e.chainSeq));
  const seqOfEvent = new Map(chain.events.map((e) => [e.id, e.chainSeq]));
  const shownSignatures = signatures.filter((s) => visibleSeqs.has(seqOfEvent.get(s.auditEventId.toString()) ?? -1));
  const kids = [...new Set(shownSignatures.map((s) => s.kid))];
  const keys = kids.length ? await db().signingKey.findMany({ where: { kid: { in: kids } }, orderBy: { createdAt: "asc" } }) : [];

  const shownDocuments = caseRow.documents.filter((d) => full || PARTNER_VISIBLE_DOCUMENT_STATUSES.includes(d.status as DocumentStatus));
  return {
    format: EVIDENCE_FORMAT,
    generatedAt: new Date().toISOString(),
    view: full ? "full" : "partner",
    case: { id: caseId, identifier: caseRow.identifier },
    documents: shownDocuments.map((d) => {
      const bytes = Buffer.from(d.pdfFile!.content);
      return {
        number: d.number,
        name: documentDisplayName(caseRow.identifier, d.documentType as DocumentType | null, d.documentNumber ?? 0),
        version: d.version,
        status: d.status,
        // The stored file's own hash (the one partners acknowledged is d.pdfSha256; the verifier checks both agree).
        pdfSha256: d.pdfSha256 ?? createHash("sha256").update(bytes).digest("hex"),
        pdfBase64: bytes.toString("base64"),
      };
    }),
    signatures: shownSignatures.map((s) => ({
      id: s.id,
      decision: s.decision,
      kid: s.kid,
      signedAt: s.signedAt.toISOString(),
      statement: s.statement,
      protected: s.protectedHeader,
      signature: s.signature,
    })),
    keys: keys.map((k) => ({
      kid: k.kid,
      jwk: k.publicJwk,
      createdAt: k.createdAt.toISOString(),
      retiredAt: iso(k.retiredAt),
      revokedAt: iso(k.revokedAt),
      revokedReason: k.revokedReason,
    })),
    auditChain: {
      chainKey: chainKeyFor({ type: "case", id: caseId }),
      genesisHash: GENESIS_HASH,
      eventCount: events.length,
      headHash: events.at(-1)?.hash ?? null,
      events,
    },
  };
}
