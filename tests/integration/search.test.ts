// Full-text search (issue 18, ADR 0026): one query over cases, letters, LOA lines and documents, scoped in SQL like the
// lists — a partner never finds another country's records nor a line of a document not yet offered to them — ranked
// (an identifier match before a mention) and highlighted with markers the page turns into <mark>.
import { beforeAll, describe, expect, it } from "vitest";
import { SEARCH_MARK_END, SEARCH_MARK_START, type SearchKind } from "@/domain/schemas/search";
import { searchEverything } from "@/server/full-text-search/search-everything";
import { expectAppError, testPrisma, unique } from "./helpers";
import { seedSlaRules } from "./lor-helpers";
import { caseCast, openCase, type Cast } from "./case-helpers";
import type { Actor } from "@/domain/policy";

const prisma = testPrisma();

beforeAll(() => seedSlaRules(prisma));

/** A word no other test writes, that the English stemmer leaves alone. */
// Letters only (the parser splits digits off), and all 16 hex values kept apart: mapping the digits to one letter made
// "zirconxxxxxxq" likely enough that two tests of one run shared a word and each found the other's line.
const newWord = () => `zircon${unique().replace(/[0-9a-f]/g, (hex) => String.fromCharCode(97 + parseInt(hex, 16)))}q`;

const found = async (actor: Actor, q: string, kind: SearchKind) => (await searchEverything(actor, { q, kind, pageSize: "50" })).items;

/** A case opened from a letter whose subject holds `word`; its basic LOA's line 001 and description also hold it. */
async function caseWithWord(cast: Cast, word: string) {
  const opened = await openCase(cast, `Sonar buoys and ${word} spares`);
  const document = await prisma.caseDocument.findFirstOrThrow({ where: { caseId: opened.caseId, number: 1 } });
  await prisma.caseDocument.update({ where: { id: document.id }, data: { description: `Basic LOA for ${word} sonar buoys` } });
  await prisma.caseDocumentLine.updateMany({ where: { documentId: document.id, lineNumber: "001" }, data: { description: `${word} sonobuoy launcher` } });
  return { ...opened, documentId: document.id };
}

describe("searchEverything", () => {
  it("finds a case, its letter, its LOA line and document by a word, with the matched word highlighted and a link to each", async () => {
    const cast = await caseCast(prisma);
    const word = newWord();
    const c = await caseWithWord(cast, word);
    const all = await searchEverything(cast.dsca, { q: word });
    expect(all.counts).toEqual({
      cases: { count: 1, more: false },
      letters: { count: 1, more: false },
      lines: { count: 1, more: false },
      documents: { count: 1, more: false },
    });
    // With no kind asked, the first kind with matches.
    expect(all.kind).toBe("cases");
    expect(all.items.map((hit) => hit.href)).toEqual([`/cases/${c.caseId}`]);
    const snippet = all.items[0]!.snippet;
    expect(snippet).toContain(`${SEARCH_MARK_START}${word}${SEARCH_MARK_END}`);

    const [letter] = await found(cast.dsca, word, "letters");
    expect(letter!.href).toMatch(/^\/lors\//);
    expect(letter!.snippet).toContain(`${SEARCH_MARK_START}${word}${SEARCH_MARK_END}`);
    const [line] = await found(cast.dsca, word, "lines");
    expect(line).toMatchObject({ href: `/cases/${c.caseId}/documents/1`, title: expect.stringMatching(/^Line 001 — MASL /) });
    expect(line!.snippet).toContain(SEARCH_MARK_START);
    const [doc] = await found(cast.dsca, word, "documents");
    expect(doc).toMatchObject({ href: `/cases/${c.caseId}/documents/1`, subtitle: "Draft" });
  });

  it("keeps a partner to their own country: another country's case, letter, line and document are never found, even by identifier", async () => {
    const cast = await caseCast(prisma);
    const word = newWord();
    const c = await caseWithWord(cast, word);
    await prisma.caseDocument.update({ where: { id: c.documentId }, data: { status: "OFFERED" } });
    for (const kind of ["cases", "letters", "lines", "documents"] as const) {
      expect(await found(cast.partner, word, kind), `own ${kind}`).toHaveLength(1);
      expect(await found(cast.foreignPartner, word, kind), `foreign ${kind}`).toEqual([]);
    }
    const foreign = await searchEverything(cast.foreignPartner, { q: c.identifier });
    expect(Object.values(foreign.counts).every((n) => n.count === 0)).toBe(true);
    expect(foreign.items).toEqual([]);
  });

  it("never shows a partner a line or document of a draft or in-review LOA, which USG staff find", async () => {
    const cast = await caseCast(prisma);
    const word = newWord();
    const c = await caseWithWord(cast, word);
    for (const status of ["DRAFT", "SUBMITTED"] as const) {
      await prisma.caseDocument.update({ where: { id: c.documentId }, data: { status } });
      expect(await found(cast.partner, word, "lines"), status).toEqual([]);
      expect(await found(cast.partner, word, "documents"), status).toEqual([]);
      expect(await found(cast.dsca, word, "lines"), status).toHaveLength(1);
      expect(await found(cast.ia, word, "documents"), status).toHaveLength(1);
    }
    await prisma.caseDocument.update({ where: { id: c.documentId }, data: { status: "ACCEPTED" } });
    expect(await found(cast.partner, word, "lines")).toHaveLength(1);
  });

  it("ranks the case whose identifier matches before a case that only mentions it", async () => {
    const cast = await caseCast(prisma);
    const first = await openCase(cast, "Harbor patrol boats");
    const mention = await openCase(cast, `Spares for the boats of case ${first.identifier}`);
    const hits = await found(cast.dsca, first.identifier, "cases");
    expect(hits.map((hit) => hit.id)).toEqual([first.caseId, mention.caseId]);
    expect(hits[0]!.rank).toBeGreaterThan(hits[1]!.rank);
    expect(hits[0]!.title).toBe(first.identifier);
  });

  it("does not show USG staff a letter the partner has not sent yet", async () => {
    const cast = await caseCast(prisma);
    const word = newWord();
    await prisma.letterOfRequest.create({
      data: { countryId: cast.country.id, createdById: cast.partner.userId, subject: `Draft about ${word}` },
    });
    expect(await found(cast.partner, word, "letters")).toHaveLength(1);
    expect(await found(cast.dsca, word, "letters")).toEqual([]);
  });

  it.each([
    [{}, "q", /at least 2 characters/],
    [{ q: "a" }, "q", /at least 2 characters/],
    [{ q: "x".repeat(201) }, "q", /at most 200 characters/],
    [{ q: "radar", kind: "people" }, "kind", /kind must be one of/],
    [{ q: "radar", page: "0" }, "page", /at least 1/],
    [{ q: "radar", pageSize: "500" }, "pageSize", /at most 50/],
  ])("refuses %j naming the field %s", async (query, field, message) => {
    const cast = await caseCast(prisma);
    const error = await expectAppError(searchEverything(cast.dsca, query), "VALIDATION_FAILED");
    expect(error.extra.fields?.[field]).toMatch(message);
  });
});
