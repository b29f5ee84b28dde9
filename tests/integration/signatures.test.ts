// Signed approvals, verifiable offline (issue 16 item 5, ADR 0031), against PostgreSQL: every binding decision on the
// way to acceptance signs a statement in its own transaction; the evidence bundle carries the PDFs, statements, keys
// and audit chain (a partner's without the internal events' contents, yet verifiable); scripts/verify-evidence.mjs
// checks it with no server and refuses a tampered PDF or a signature made after its key was revoked.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseStatement } from "@/domain/signatures/statement";
import { getCaseEvidence, type EvidenceBundle } from "@/server/cases/get-case-evidence";
import { verifyCaseChain } from "@/server/cases/get-case-audit";
import { verifyStatement, type PublicJwk } from "@/server/signatures/jws";
import { revokeSigningKey } from "@/server/signatures/decision-signatures";
import { rotateOwnSigningKey } from "@/server/signatures/rotate-own-signing-key";
import { additionalSparesLine as extraLine, seedLoaReference } from "../factories/loa";
import { acceptInput, caseAudit, caseCast, offeredCase } from "./case-helpers";
import { context, expectAppError, testPrisma } from "./helpers";
import { seedSlaRules } from "./lor-helpers";
import { getDocumentPdf } from "@/server/loa/get-document-pdf";
import { contentOfView, docAction, documentRow, draftInput, pdfText, save, working } from "./loa-helpers";

const prisma = testPrisma();
const dir = mkdtempSync(path.join(tmpdir(), "caseway-evidence-"));

beforeAll(async () => {
  await seedSlaRules(prisma);
  await seedLoaReference(prisma);
});

/** Runs the offline verifier on `bundle` written to a file: its exit code and report. */
function verifyOffline(bundle: EvidenceBundle, name: string) {
  const file = path.join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(bundle));
  const run = spawnSync(process.execPath, [path.resolve("scripts/verify-evidence.mjs"), file], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

async function acceptedCase() {
  const cast = await caseCast(prisma);
  const at = await offeredCase(cast);
  await at.driver.do(cast.partner, "accept", acceptInput());
  return { cast, ...at };
}

describe("signed binding decisions", () => {
  it("each concurrence, the signature, the countersignature and the acceptance sign a statement of the document, in the decision's transaction", async () => {
    const { cast, caseId, identifier } = await acceptedCase();
    const rows = await prisma.decisionSignature.findMany({ where: { caseId }, orderBy: { signedAt: "asc" } });
    expect(rows.map((r) => r.decision)).toEqual(["case.concur-with-comment", "case.concur", "case.concur", "case.sign", "case.countersign", "case.accept"]);
    const signers = [cast.dsca, cast.state, cast.dtsa, cast.ia, cast.dsca, cast.partner];
    expect(rows.map((r) => r.signerUserId)).toEqual(signers.map((s) => s.userId));

    const basic = await documentRow(prisma, caseId, 1);
    const chain = await caseAudit(prisma, caseId);
    const statements = rows.map((r) => parseStatement(r.statement));
    for (const [index, row] of rows.entries()) {
      const statement = statements[index]!;
      const key = await prisma.signingKey.findUniqueOrThrow({ where: { kid: row.kid } });
      expect(key.userId).toBe(row.signerUserId);
      expect(key.privateKeyEnc).not.toContain("PRIVATE KEY");
      expect(verifyStatement(row.statement, row.protectedHeader, row.signature, key.publicJwk as unknown as PublicJwk), row.decision).toBe(true);
      // Linked to its audit event: the same row, position and hash on the case's chain.
      const event = chain.find((e) => e.id === row.auditEventId)!;
      expect(event.action).toBe(row.decision);
      expect(statement.auditEvent).toEqual({ chainSeq: event.chainSeq, hash: event.hash });
      expect(statement.decidedAt).toBe(event.occurredAt.toISOString());
      expect(statement).toMatchObject({
        case: { id: caseId, identifier },
        signer: { userId: signers[index]!.userId, name: signers[index]!.name, role: signers[index]!.role, organization: signers[index]!.organizationName },
        document: { number: 1, name: `${identifier} Basic LOA` },
      });
    }
    // Before the offer there is no PDF: the reviews and signatures commit to the LOA's data; the acceptance to the PDF too.
    expect(statements.slice(0, 5).map((s) => s.document!.pdfSha256)).toEqual(Array(5).fill(null));
    expect(statements[5]!.document).toMatchObject({ pdfSha256: basic.pdfSha256 });
    // The same LOA data from the first concurrence to the acceptance.
    expect(new Set(statements.map((s) => s.document!.dataSha256)).size).toBe(1);
    // One key per person: DSCA's analyst signed twice with the same key.
    expect(rows[0]!.kid).toBe(rows[4]!.kid);
    expect(new Set(rows.map((r) => r.kid)).size).toBe(5);
    expect((await verifyCaseChain(caseId)).verification.verified).toBe(true);

    // The offered PDF's signature blocks print the agency's signature and DSCA's countersignature: signer, UTC time, key.
    const text = (await pdfText((await getDocumentPdf(cast.partner, caseId, 1)).bytes)).replace(/\s+/g, " ");
    expect(text).toContain(`e-signed key ${rows[3]!.kid}`);
    expect(text).toContain(`e-signed key ${rows[4]!.kid}`);
    expect(text).toContain(cast.ia.name);
    expect(text).toMatch(/\d{2}:\d{2} UTC/);

    // A flipped byte of the statement or of the signature does not verify.
    const key = (await prisma.signingKey.findUniqueOrThrow({ where: { kid: rows[5]!.kid } })).publicJwk as unknown as PublicJwk;
    const flipped = rows[5]!.statement.replace('"case.accept"', '"case.acceot"');
    expect(verifyStatement(flipped, rows[5]!.protectedHeader, rows[5]!.signature, key)).toBe(false);
    const sig = Buffer.from(rows[5]!.signature, "base64url");
    sig[3]! ^= 1;
    expect(verifyStatement(rows[5]!.statement, rows[5]!.protectedHeader, sig.toString("base64url"), key)).toBe(false);
  });

  it("the partner's acceptance of an Amendment signs the Amendment's offered PDF", async () => {
    const cast = await caseCast(prisma);
    const at = await offeredCase(cast);
    await at.driver.do(cast.partner, "accept", acceptInput());
    const start = await working(cast.ia, at.caseId);
    const content = contentOfView(start.document);
    const draft = await save(cast.ia, at.caseId, draftInput({ ...content, lines: [...content.lines, extraLine] }, start.document.version));
    const reason = "Adds line 004 for two more spare modules the purchaser asked for.";
    const submitted = await docAction(cast.ia, at.caseId, draft.number, "submit", { expectedVersion: draft.version, documentType: "AMENDMENT", reason });
    const offered = await docAction(cast.dsca, at.caseId, draft.number, "approve", { expectedVersion: submitted.version });
    await docAction(cast.partner, at.caseId, draft.number, "accept", { expectedVersion: offered.version, signerName: "Mira Castellan", signerTitle: "Director of Procurement" });

    const row = await prisma.decisionSignature.findFirstOrThrow({ where: { caseId: at.caseId, decision: "loa.accept" } });
    const statement = parseStatement(row.statement);
    expect(statement.document).toMatchObject({ number: draft.number, version: offered.version, pdfSha256: offered.pdfSha256, name: `${at.identifier} A01` });
    expect(row.signerUserId).toBe(cast.partner.userId);
    // The partner's bundle has both offered PDFs and both acceptances, and verifies.
    const bundle = await getCaseEvidence(cast.partner, at.caseId);
    expect(bundle.documents.map((d) => d.number)).toEqual([1, draft.number]);
    expect(bundle.signatures.map((s) => s.decision)).toEqual(["case.sign", "case.countersign", "case.accept", "loa.accept"]);
    expect(verifyOffline(bundle, "amendment").status).toBe(0);
  });
});

describe("the evidence bundle", () => {
  it("a partner's bundle leaves out internal events' contents yet the chain verifies offline; a tampered PDF fails", async () => {
    const { cast, caseId, identifier } = await acceptedCase();
    const bundle = await getCaseEvidence(cast.partner, caseId);
    expect(bundle).toMatchObject({ format: "caseway.evidence/1", view: "partner", case: { id: caseId, identifier } });
    const text = JSON.stringify(bundle);
    expect(text).not.toContain("Internal: watch the export licence");
    expect(text).not.toContain(cast.dsca.email);
    // Concurrences are internal: their signatures stay out, their events are links only.
    expect(bundle.signatures.map((s) => s.decision)).toEqual(["case.sign", "case.countersign", "case.accept"]);
    const all = await caseAudit(prisma, caseId);
    expect(bundle.auditChain.eventCount).toBe(all.length);
    expect(bundle.auditChain.headHash).toBe(all.at(-1)!.hash);
    const concur = bundle.auditChain.events.find((e) => e.chainSeq === all.find((a) => a.action === "case.concur-with-comment")!.chainSeq)!;
    expect(concur).toMatchObject({ summary: null, content: null });
    expect(concur.hash).toMatch(/^[0-9a-f]{64}$/);
    // The partner's own acceptance is there in full.
    expect(bundle.auditChain.events.find((e) => e.content?.action === "case.accept")).toBeTruthy();
    expect(bundle.keys).toHaveLength(3);
    expect(bundle.keys.every((k) => !("privateKeyEnc" in k))).toBe(true);
    expect(bundle.documents).toHaveLength(1);

    const good = verifyOffline(bundle, "partner");
    expect(good.output).toContain("VERIFIED");
    expect(good.status, good.output).toBe(0);

    const pdf = Buffer.from(bundle.documents[0]!.pdfBase64, "base64");
    pdf[pdf.length - 200]! ^= 1;
    const tampered = { ...bundle, documents: [{ ...bundle.documents[0]!, pdfBase64: pdf.toString("base64") }] };
    const bad = verifyOffline(tampered, "tampered-pdf");
    expect(bad.status, bad.output).toBe(1);
    expect(bad.output).toMatch(/NOT VERIFIED/);
    expect(bad.output).toMatch(/PDF's SHA-256/);

    // An edited event, or an edited statement, fails too.
    const editedEvent = structuredClone(bundle);
    editedEvent.auditChain.events.find((e) => e.content?.action === "case.accept")!.content!.details = { event: "reject" };
    expect(verifyOffline(editedEvent, "edited-event").status).toBe(1);
    const editedStatement = structuredClone(bundle);
    editedStatement.signatures[2]!.statement = editedStatement.signatures[2]!.statement.replace(cast.partner.name, "Someone Else");
    expect(verifyOffline(editedStatement, "edited-statement").status).toBe(1);
  });

  it("staff get every event and signature in full; another country's partner gets 404", async () => {
    const { cast, caseId } = await acceptedCase();
    const bundle = await getCaseEvidence(cast.dsca, caseId);
    expect(bundle.view).toBe("full");
    expect(bundle.signatures).toHaveLength(6);
    expect(bundle.auditChain.events.every((e) => e.content !== null)).toBe(true);
    const run = verifyOffline(bundle, "staff");
    expect(run.status, run.output).toBe(0);
    await expectAppError(getCaseEvidence(cast.foreignPartner, caseId), "NOT_FOUND");
  });

  it("a key revoked after its signature still verifies it, with a dated note; a signature from the moment of revocation on does not", async () => {
    const { cast, caseId } = await acceptedCase();
    const sign = await prisma.decisionSignature.findFirstOrThrow({ where: { caseId, decision: "case.sign" } });
    const accept = await prisma.decisionSignature.findFirstOrThrow({ where: { caseId, decision: "case.accept" } });
    // The agency's key revoked after it signed: still valid, with a note.
    await prisma.$transaction((tx) => revokeSigningKey(tx, sign.kid, "Laptop lost", new Date(sign.signedAt.getTime() + 1)));
    // The partner's key revoked at the moment it signed: the acceptance no longer stands.
    await prisma.$transaction((tx) => revokeSigningKey(tx, accept.kid, "Key compromised", accept.signedAt));
    const run = verifyOffline(await getCaseEvidence(cast.partner, caseId), "revoked");
    expect(run.status, run.output).toBe(1);
    expect(run.output).toMatch(/revoked on .* after this signature: the signature still stands/);
    expect(run.output).toMatch(/case\.accept .* signed with a key revoked on/);

  });

  it("rotating one's key retires it (its signatures keep verifying) and the next decision signs with the new one", async () => {
    const cast = await caseCast(prisma);
    const at = await offeredCase(cast);
    // The partner has not signed anything yet: no key.
    expect(await prisma.signingKey.findFirst({ where: { userId: cast.partner.userId } })).toBeNull();
    const first = await rotateOwnSigningKey(cast.partner, context());
    expect(first).toMatchObject({ retired: 0, kid: expect.any(String) });
    const second = await rotateOwnSigningKey(cast.partner, context());
    expect(second.retired).toBe(1);
    expect(second.kid).not.toBe(first.kid);
    await at.driver.do(cast.partner, "accept", acceptInput());
    const accept = await prisma.decisionSignature.findFirstOrThrow({ where: { caseId: at.caseId, decision: "case.accept" } });
    expect(accept.kid).toBe(second.kid);
    expect(await prisma.auditEvent.count({ where: { action: "signing-key.rotate", actorUserId: cast.partner.userId } })).toBe(2);

    // The agency's analyst rotates after countersigning: the countersignature still verifies under the retired key.
    await rotateOwnSigningKey(cast.dsca, context());
    const run = verifyOffline(await getCaseEvidence(cast.partner, at.caseId), "rotated");
    expect(run.status, run.output).toBe(0);
  });
});
