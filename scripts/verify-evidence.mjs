#!/usr/bin/env node
// Checks a Caseway evidence bundle offline (ADR 0031, docs/evidence.md): plain Node ≥ 20, no server, no install.
//   node scripts/verify-evidence.mjs <bundle.json>
// 1. each included PDF's bytes hash to the SHA-256 the bundle states;
// 2. each signature is a valid Ed25519 JWS over its canonical statement, under the included public key whose
//    RFC 7638 thumbprint is its key id, and the key was not revoked before the signature (revocation rule);
// 3. each statement names a PDF hash that is one of the included PDFs (when it names one), and an audit event that
//    is on the included chain at the same position with the same hash;
// 4. the audit chain links from the genesis hash to the head hash without a gap, and every event whose content is
//    included hashes to its recorded hash.
// Exit code 0 when everything holds, 1 otherwise (2 when the file cannot be read).
import { createHash, createPublicKey, verify } from "node:crypto";
import { readFileSync } from "node:fs";

const GENESIS = "0".repeat(64);

/** Caseway's canonical JSON (src/domain/audit-chain.ts): keys sorted, no whitespace, undefined members dropped. */
function canonicalJson(value) {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

const sha256hex = (data) => createHash("sha256").update(data).digest("hex");

/** An audit event's hash (src/domain/audit-chain.ts eventHash) from its included content. */
function eventHash(c) {
  const fields = {
    chainKey: c.chainKey, chainSeq: c.chainSeq, prevHash: c.prevHash, occurredAt: c.occurredAt, action: c.action,
    outcome: c.outcome, actorUserId: c.actorUserId, actorEmail: c.actorEmail, actorRole: c.actorRole,
    actorOrganizationId: c.actorOrganizationId, targetType: c.targetType, targetId: c.targetId, details: c.details ?? null,
    ip: c.ip, userAgent: c.userAgent, requestId: c.requestId,
  };
  return sha256hex(canonicalJson(fields));
}

const thumbprint = (jwk) => createHash("sha256").update(canonicalJson({ crv: jwk.crv, kty: jwk.kty, x: jwk.x })).digest("base64url");

function main(file) {
  let bundle;
  try {
    bundle = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    console.error(`Cannot read ${file}: ${error.message}`);
    return 2;
  }
  const failures = [];
  const lines = [];
  const ok = (text) => lines.push(`  ok    ${text}`);
  const fail = (text) => { failures.push(text); lines.push(`  FAIL  ${text}`); };
  const note = (text) => lines.push(`        ${text}`);

  if (bundle?.format !== "caseway.evidence/1") {
    console.error(`${file} is not a Caseway evidence bundle (format ${bundle?.format ?? "missing"})`);
    return 2;
  }
  console.log(`Evidence for case ${bundle.case.identifier} (${bundle.case.id}), generated ${bundle.generatedAt}, ${bundle.view} view`);

  // 1. PDFs
  lines.push("Documents");
  const pdfHashes = new Set();
  for (const doc of bundle.documents ?? []) {
    const actual = sha256hex(Buffer.from(doc.pdfBase64, "base64"));
    if (actual === doc.pdfSha256) {
      pdfHashes.add(actual);
      ok(`${doc.name} (document ${doc.number}, version ${doc.version}, ${doc.status}): PDF SHA-256 ${actual}`);
    } else {
      fail(`${doc.name} (document ${doc.number}): the PDF's SHA-256 is ${actual}, not the ${doc.pdfSha256} the case recorded`);
    }
  }
  if (!bundle.documents?.length) note("(no PDF included)");

  // 4. Chain (checked before the signatures, which point into it)
  lines.push("Audit chain");
  const chain = bundle.auditChain;
  const bySeq = new Map();
  let previous = chain.genesisHash ?? GENESIS;
  let chainOk = previous === GENESIS;
  if (!chainOk) fail(`the chain does not start at the genesis hash`);
  let withContent = 0;
  const events = [...(chain.events ?? [])].sort((a, b) => a.chainSeq - b.chainSeq);
  events.forEach((event, index) => {
    bySeq.set(event.chainSeq, event);
    const where = `event ${event.chainSeq}${event.summary ? ` (${event.summary.action})` : ""}`;
    if (event.chainSeq !== index + 1) { fail(`${where}: event ${index + 1} of the chain is missing`); chainOk = false; }
    if (event.prevHash !== previous) { fail(`${where}: it does not follow the event before it (previous hash differs)`); chainOk = false; }
    if (event.content) {
      withContent += 1;
      const c = event.content;
      if (c.chainSeq !== event.chainSeq || c.prevHash !== event.prevHash || c.chainKey !== chain.chainKey) {
        fail(`${where}: its content names another place on the chain`); chainOk = false;
      } else if (eventHash(c) !== event.hash) {
        fail(`${where}: its contents were changed after it was recorded (hash differs)`); chainOk = false;
      }
    }
    previous = event.hash;
  });
  if ((events.at(-1)?.hash ?? null) !== (chain.headHash ?? null)) { fail(`the head hash is not the last event's hash`); chainOk = false; }
  if (chainOk) {
    ok(`${events.length} events link from the genesis hash to the head hash ${chain.headHash}`);
    note(`${withContent} with their content rehashed; ${events.length - withContent} as hashes only (not shown to this viewer)`);
  }

  // 2–3. Signatures
  lines.push("Signed decisions");
  const keys = new Map((bundle.keys ?? []).map((key) => [key.kid, key]));
  for (const entry of bundle.signatures ?? []) {
    let statement;
    try {
      statement = JSON.parse(entry.statement);
    } catch {
      fail(`signature ${entry.id}: its statement is not JSON`);
      continue;
    }
    const who = `${statement.decision} by ${statement.signer?.name} (${statement.signer?.role}, ${statement.signer?.organization}) at ${statement.decidedAt}`;
    const problems = [];
    const notes = [];
    if (canonicalJson(statement) !== entry.statement) problems.push("the statement is not in canonical form");
    const key = keys.get(entry.kid);
    let header;
    try {
      header = JSON.parse(Buffer.from(entry.protected, "base64url").toString("utf8"));
    } catch {
      header = null;
    }
    if (!key) problems.push(`its public key ${entry.kid} is not in the bundle`);
    else if (thumbprint(key.jwk) !== key.kid) problems.push(`the public key's thumbprint is not its key id ${key.kid}`);
    else if (header?.alg !== "Ed25519" || header?.kid !== entry.kid || statement.kid !== entry.kid) problems.push("the header or statement names another key or algorithm");
    else {
      let valid = false;
      try {
        const input = Buffer.from(`${entry.protected}.${Buffer.from(entry.statement, "utf8").toString("base64url")}`, "ascii");
        valid = verify(null, input, createPublicKey({ key: key.jwk, format: "jwk" }), Buffer.from(entry.signature, "base64url"));
      } catch {
        valid = false;
      }
      if (!valid) problems.push("the signature does not verify under its public key");
      const at = Date.parse(statement.decidedAt);
      if (Date.parse(key.createdAt) > at) problems.push(`signed before its key was created (${key.createdAt})`);
      if (key.revokedAt && at >= Date.parse(key.revokedAt)) problems.push(`signed with a key revoked on ${key.revokedAt}`);
      else if (key.revokedAt) notes.push(`its key was revoked on ${key.revokedAt}, after this signature: the signature still stands`);
    }
    if (statement.case?.id !== bundle.case.id) problems.push("the statement is about another case");
    const pdf = statement.document?.pdfSha256;
    if (pdf) {
      if (pdfHashes.has(pdf)) notes.push(`covers the included PDF ${pdf}`);
      else problems.push(`the PDF it names (${pdf}) is not one of the included PDFs, or that PDF was altered`);
    } else if (statement.document) {
      notes.push(`signed before the PDF existed: covers ${statement.document.name} version ${statement.document.version}, LOA data SHA-256 ${statement.document.dataSha256}`);
    }
    const link = bySeq.get(statement.auditEvent?.chainSeq);
    if (!link || link.hash !== statement.auditEvent?.hash) problems.push(`its audit event (${statement.auditEvent?.chainSeq}) is not on the chain with the hash it names`);
    else notes.push(`recorded as audit event ${link.chainSeq}`);
    if (problems.length) fail(`${who}: ${problems.join("; ")}`);
    else ok(`${who}, key ${entry.kid}`);
    for (const text of notes) note(text);
  }
  if (!bundle.signatures?.length) note("(no signed decision included)");

  // The same LOA data: which decisions cover the data of each accepted document.
  const accepted = (bundle.signatures ?? []).map((s) => { try { return JSON.parse(s.statement); } catch { return null; } }).filter(Boolean);
  for (const acceptance of accepted.filter((s) => /accept$/.test(s.decision) && s.document)) {
    const same = accepted.filter((s) => s !== acceptance && s.document?.dataSha256 === acceptance.document.dataSha256).map((s) => s.decision);
    note(`${acceptance.document.name} as accepted has the same LOA data as: ${same.length ? same.join(", ") : "no other included decision"}`);
  }

  console.log(lines.join("\n"));
  if (failures.length) {
    console.log(`NOT VERIFIED: ${failures.length} problem${failures.length === 1 ? "" : "s"}`);
    return 1;
  }
  console.log("VERIFIED: every PDF, signature and chain link holds");
  return 0;
}

const file = process.argv[2];
if (!file) {
  console.error("Usage: node scripts/verify-evidence.mjs <bundle.json>");
  process.exit(2);
}
process.exit(main(file));
