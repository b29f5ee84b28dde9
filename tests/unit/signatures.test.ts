// Signed decision statements (ADR 0031): canonical bytes that round-trip, Ed25519 JWS signatures that a flipped byte
// breaks and that a standard JOSE library verifies, and the revoked-key rule.
import { flattenedVerify, importJWK } from "jose";
import { describe, expect, it } from "vitest";
import { STATEMENT_TYPE, keyStanding, parseStatement, statementText, type DecisionStatement } from "@/domain/signatures/statement";
import { jwkThumbprint, newSigningKey, openPrivateKey, signStatement, verifyStatement } from "@/server/signatures/jws";

const statement: DecisionStatement = {
  type: STATEMENT_TYPE,
  decision: "case.accept",
  decidedAt: "2026-12-06T10:15:00.000Z",
  case: { id: "c71ae464-70ff-4a25-8e1a-7c9b28e4a108", identifier: "BN-D-AAB" },
  document: { number: 1, name: "BN-D-AAB Basic LOA", version: 7, pdfSha256: "ab".repeat(32), dataSha256: "cd".repeat(32) },
  signer: { userId: "u-1", name: "Mira Castellan — Directrice", role: "PARTNER_OFFICER", organization: "Borduria", organizationId: "o-1" },
  auditEvent: { chainSeq: 14, hash: "ef".repeat(32) },
  kid: "kid",
};

describe("decision statements", () => {
  it("encode canonically (sorted keys, no whitespace) whatever order the members were set in, and parse back equal", () => {
    const text = statementText(statement);
    const reordered = Object.fromEntries(Object.entries(statement).reverse()) as unknown as DecisionStatement;
    expect(statementText(reordered)).toBe(text);
    expect(text).not.toMatch(/\s"|": /);
    expect(text.indexOf('"auditEvent"')).toBeLessThan(text.indexOf('"case"'));
    expect(parseStatement(text)).toEqual(statement);
    expect(statementText(parseStatement(text))).toBe(text);
  });

  it("refuse a text that is not canonical or not a statement", () => {
    expect(() => parseStatement(JSON.stringify(statement, null, 1))).toThrow(/canonical/);
    expect(() => parseStatement(JSON.stringify({ ...statement, type: "other" }))).toThrow(/Not a/);
  });
});

describe("signatures", () => {
  const key = newSigningKey();
  const text = statementText({ ...statement, kid: key.kid });
  const signed = signStatement(text, key.kid, openPrivateKey(key.privateKeyEnc));

  it("verify under the signer's public key, whose RFC 7638 thumbprint is the key id", () => {
    expect(key.kid).toBe(jwkThumbprint(key.publicJwk));
    expect(key.publicJwk).toMatchObject({ kty: "OKP", crv: "Ed25519" });
    expect(verifyStatement(text, signed.protectedHeader, signed.signature, key.publicJwk)).toBe(true);
    expect(key.privateKeyEnc).toMatch(/^v1:/);
  });

  it("fail when any byte of the statement or of the signature is flipped, or under another key", () => {
    for (const index of [0, 10, text.length - 2]) {
      const bytes = Buffer.from(text, "utf8");
      bytes[index]! ^= 1;
      expect(verifyStatement(bytes.toString("utf8"), signed.protectedHeader, signed.signature, key.publicJwk)).toBe(false);
    }
    const sig = Buffer.from(signed.signature, "base64url");
    for (const index of [0, 31, 63]) {
      const copy = Buffer.from(sig);
      copy[index]! ^= 0x80;
      expect(verifyStatement(text, signed.protectedHeader, copy.toString("base64url"), key.publicJwk)).toBe(false);
    }
    expect(verifyStatement(text, signed.protectedHeader, signed.signature, newSigningKey().publicJwk)).toBe(false);
    expect(verifyStatement(text, signed.protectedHeader, "not-a-signature", key.publicJwk)).toBe(false);
  });

  it("are standard flattened JWS: jose verifies them with alg Ed25519", async () => {
    const publicKey = await importJWK({ ...key.publicJwk }, "Ed25519");
    const jws = { payload: Buffer.from(text, "utf8").toString("base64url"), protected: signed.protectedHeader, signature: signed.signature };
    const verified = await flattenedVerify(jws, publicKey, { algorithms: ["Ed25519"] });
    expect(new TextDecoder().decode(verified.payload)).toBe(text);
    expect(verified.protectedHeader).toMatchObject({ alg: "Ed25519", kid: key.kid });
  });
});

describe("the revoked-key rule", () => {
  const created = "2026-01-01T00:00:00.000Z";
  it("a key never revoked keeps its signatures valid", () => {
    expect(keyStanding({ createdAt: created, revokedAt: null }, "2026-06-01T00:00:00.000Z")).toEqual({ valid: true, note: null });
  });
  it("a signature made before the revocation stands, with a dated note", () => {
    const standing = keyStanding({ createdAt: created, revokedAt: "2026-07-01T00:00:00.000Z" }, "2026-06-30T23:59:59.999Z");
    expect(standing).toEqual({ valid: true, note: expect.stringMatching(/revoked on 2026-07-01T00:00:00.000Z, after this signature/) });
  });
  it("a signature at or after the revocation, or before the key existed, is invalid", () => {
    expect(keyStanding({ createdAt: created, revokedAt: "2026-07-01T00:00:00.000Z" }, "2026-07-01T00:00:00.000Z")).toMatchObject({ valid: false });
    expect(keyStanding({ createdAt: created, revokedAt: "2026-07-01T00:00:00.000Z" }, "2027-01-01T00:00:00.000Z")).toMatchObject({ valid: false });
    expect(keyStanding({ createdAt: created, revokedAt: null }, "2025-12-31T23:59:59.000Z")).toMatchObject({ valid: false });
  });
});
