// CSV exports (ADR 0025): the case and letter lists as streamed files. A partner's export holds only its own country's
// records; the list's filters and order apply; small batches prove the keyset paging reads every row once, in order,
// across batch boundaries (ties on the sort key included); nothing is read before the consumer asks; each export is
// one audit event with its filters and row count.
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { CASE_STATUS_LABELS } from "@/domain/workflow/states";
import { csvStream } from "@/server/export/csv-stream";
import { CASE_EXPORT_HEADER, exportCases } from "@/server/export/export-cases";
import { LOR_EXPORT_HEADER, exportLors } from "@/server/export/export-lors";
import { listCases } from "@/server/cases/list-cases";
import { listLors } from "@/server/lors/list-lors";
import { createCase } from "../factories/case";
import { caseCast, DAY_MS } from "./case-helpers";
import { context, expectAppError, testPrisma } from "./helpers";
import { draftLor, seedSlaRules, submittedLor, world } from "./lor-helpers";

const prisma = testPrisma();
beforeAll(() => seedSlaRules(prisma));

async function readCsv(stream: ReadableStream<Uint8Array>) {
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes);
  const records = parse(text, { bom: true }) as string[][];
  return { text, header: records[0]!, rows: records.slice(1) };
}

describe("case export", () => {
  it("gives a partner only its own country's cases, all of them across batches, newest first with ties broken by id, none twice", async () => {
    const cast = await caseCast(prisma);
    const base = Date.now() - 30 * DAY_MS;
    const same = new Date(base + 5 * 60_000);
    const own = [];
    for (let i = 0; i < 7; i++) {
      // Three share one opening instant: a batch boundary falls among them with a batch size of 2.
      const openedAt = i >= 2 && i <= 4 ? same : new Date(base + i * 60_000);
      own.push(await createCase(prisma, { country: cast.country, agency: cast.agency, openedById: cast.dsca.userId, openedAt }));
    }
    const foreign = await createCase(prisma, { country: cast.foreignCountry, agency: cast.agency, openedById: cast.dsca.userId, openedAt: same });

    const ctx = context();
    const { stream, total, filename } = await exportCases(cast.partner, {}, ctx, { batchSize: 2 });
    expect(filename).toMatch(/^caseway-cases-\d{4}-\d{2}-\d{2}\.csv$/);
    const { header, rows, text } = await readCsv(stream);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(header).toEqual([...CASE_EXPORT_HEADER]);
    expect(total).toBe(7);
    expect(rows).toHaveLength(7);
    expect(rows.every((row) => row[1] === cast.country.code)).toBe(true);
    const identifiers = rows.map((row) => row[0]);
    expect(new Set(identifiers).size).toBe(7);
    expect(identifiers).not.toContain(foreign.identifier);
    const expected = [...own]
      .sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((c) => c.identifier);
    expect(identifiers).toEqual(expected);
    expect(rows[0]![CASE_EXPORT_HEADER.indexOf("Opened")]).toBe(own[6]!.openedAt.toISOString().slice(0, 10));

    // The disclosure is on record: one event, its filters and the row count.
    const events = await prisma.auditEvent.findMany({ where: { requestId: ctx.requestId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "case.export", outcome: "SUCCESS", actorUserId: cast.partner.userId, targetType: null });
    expect(events[0]!.details).toEqual({ format: "csv", filters: {}, rows: 7 });
  });

  it("applies the list's filters and agrees with the list, row for row", async () => {
    const cast = await caseCast(prisma);
    const base = Date.now() - 20 * DAY_MS;
    for (let i = 0; i < 5; i++) {
      await createCase(prisma, {
        country: cast.country,
        agency: i % 2 ? cast.agency : cast.otherAgency,
        openedById: cast.dsca.userId,
        status: i === 0 ? "IN_DEVELOPMENT" : "OPENED",
        openedAt: new Date(base + i * 60_000),
      });
    }
    await createCase(prisma, { country: cast.foreignCountry, agency: cast.agency, openedById: cast.dsca.userId });
    const filters = { agency: cast.agency.code, status: "OPENED" };
    const ctx = context();
    const { stream, total } = await exportCases(cast.dsca, { ...filters, page: "3", pageSize: "1" }, ctx, { batchSize: 1 });
    const { rows } = await readCsv(stream);
    const list = await listCases(cast.dsca, { ...filters, pageSize: "100" });
    expect(total).toBe(list.total);
    expect(rows.map((r) => r[0])).toEqual(list.items.map((c) => c.identifier));
    expect(rows.length).toBeGreaterThan(0);
    const status = CASE_EXPORT_HEADER.indexOf("Status");
    expect(rows.every((r) => r[3] === cast.agency.code && r[status] === CASE_STATUS_LABELS.OPENED)).toBe(true);
    // USG staff see every country's cases, the foreign one included when it matches.
    expect(rows.map((r) => r[1])).toContain(cast.foreignCountry.code);
    const [event] = await prisma.auditEvent.findMany({ where: { requestId: ctx.requestId } });
    expect(event!.details).toEqual({ format: "csv", filters, rows: list.total });
  });

  it("refuses filters the list refuses, before recording anything", async () => {
    const cast = await caseCast(prisma);
    const ctx = context();
    await expectAppError(exportCases(cast.dsca, { status: "NOT_A_STATUS" }, ctx), "VALIDATION_FAILED");
    expect(await prisma.auditEvent.count({ where: { requestId: ctx.requestId } })).toBe(0);
  });
});

describe("letter export", () => {
  it("gives a partner its own letters (drafts included) and staff only submitted ones, in the list's order for each sort", async () => {
    const { partner, dsca } = await world(prisma);
    const other = await world(prisma);
    const subject = `Export probe ${Math.random().toString(36).slice(2, 8)}`;
    const drafts = [await draftLor(partner, { subject: `${subject} draft one` }), await draftLor(partner, { subject: `=${subject} draft two` })];
    const sent = [];
    for (let i = 0; i < 3; i++) sent.push(await submittedLor(partner, { subject: `${subject} sent ${i}` }));
    await submittedLor(other.partner, { subject: `${subject} foreign` });

    for (const sort of ["updated", "received", "due"]) {
      const query = { q: subject, sort };
      const mine = await exportLors(partner, query, context(), { batchSize: 2 });
      const { header, rows } = await readCsv(mine.stream);
      expect(header).toEqual([...LOR_EXPORT_HEADER]);
      const list = await listLors(partner, { ...query, pageSize: "100" });
      expect(mine.total).toBe(5);
      // Under "due" the two drafts tie on both keys (no due date, never submitted): the export breaks ties by id.
      const items = sort === "due" ? [...list.items.filter((l) => l.submittedAt), ...list.items.filter((l) => !l.submittedAt).sort((a, b) => (a.id < b.id ? -1 : 1))] : list.items;
      expect(rows.map((r) => r[0])).toEqual(items.map((l) => (l.subject?.startsWith("=") ? `'${l.subject}` : l.subject)));
      expect(rows.every((r) => r[2] === partner.countryCode)).toBe(true);
      expect(rows.map((r) => r[0])).not.toContain(`${subject} foreign`);
    }
    // The draft whose subject starts with "=" is neutralised, not a formula.
    const { rows } = await readCsv((await exportLors(partner, { q: subject }, context())).stream);
    expect(rows.map((r) => r[0])).toContain(`'=${subject} draft two`);
    expect(drafts).toHaveLength(2);

    // Staff: submitted letters of every country, never a draft.
    const staff = await readCsv((await exportLors(dsca, { q: subject, status: "", sort: "received" }, context(), { batchSize: 1 })).stream);
    expect(staff.rows.map((r) => r[0]).sort()).toEqual([...sent.map((l) => l.subject), `${subject} foreign`].sort());
  });
});

describe("letter export keyset", () => {
  it("reads every letter once in the list's order for each sort, across batch boundaries among ties and NULL sort keys", async () => {
    const { partner, dsca } = await world(prisma);
    const tag = `Keyset probe ${Math.random().toString(36).slice(2, 8)}`;
    const at = (days: number) => new Date(Date.now() + days * DAY_MS);
    // Pairs tie on every key of some sort (the id decides), and drafts have neither a submission nor a due date.
    const times = [
      { createdAt: at(-30), updatedAt: at(-10), submittedAt: null, validationDueAt: null },
      { createdAt: at(-30), updatedAt: at(-10), submittedAt: null, validationDueAt: null },
      { createdAt: at(-29), updatedAt: at(-9), submittedAt: at(-29), validationDueAt: at(-24) },
      { createdAt: at(-28), updatedAt: at(-9), submittedAt: at(-28), validationDueAt: at(-24) },
      { createdAt: at(-28), updatedAt: at(-8), submittedAt: at(-28), validationDueAt: at(3) },
      { createdAt: at(-27), updatedAt: at(-8), submittedAt: at(-28), validationDueAt: at(3) },
      { createdAt: at(-26), updatedAt: at(-7), submittedAt: at(-26), validationDueAt: null },
    ];
    for (const [i, data] of times.entries()) {
      const lor = data.submittedAt ? await submittedLor(partner, { subject: `${tag} ${i}` }) : await draftLor(partner, { subject: `${tag} ${i}` });
      await prisma.letterOfRequest.update({ where: { id: lor.id }, data: { ...data, firstSubmittedAt: data.submittedAt } });
    }

    for (const [actor, count] of [[partner, 7], [dsca, 5]] as const) {
      for (const sort of ["updated", "received", "due"]) {
        const list = await listLors(actor, { q: tag, sort, pageSize: "100" });
        expect(list.total).toBe(count);
        for (const batchSize of [1, 2, 3]) {
          const exported = await exportLors(actor, { q: tag, sort }, context(), { batchSize });
          const { rows } = await readCsv(exported.stream);
          expect(exported.total).toBe(count);
          expect(rows.map((r) => r[0]), `${actor.role} sort=${sort} batchSize=${batchSize}`).toEqual(list.items.map((l) => l.subject));
        }
      }
    }
  });
});

describe("csvStream", () => {
  it("reads nothing until asked, then one batch per read, and stops after a short batch", async () => {
    const fetched: (number | null)[] = [];
    const data = Array.from({ length: 5 }, (_, i) => i);
    const stream = csvStream<number>({
      label: "test",
      header: ["n"],
      batchSize: 2,
      fetchBatch: async (cursor, limit) => {
        fetched.push(cursor);
        const start = cursor === null ? 0 : cursor + 1;
        const batch = data.slice(start, start + limit);
        return { rows: batch.map((n) => [n]), cursor: batch.length ? batch[batch.length - 1]! : null };
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fetched).toEqual([]);
    const reader = stream.getReader();
    const decode = (chunk: Uint8Array | undefined) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(chunk);
    expect(decode((await reader.read()).value)).toBe("\uFEFFn\r\n");
    expect(fetched).toEqual([]);
    expect(decode((await reader.read()).value)).toBe("0\r\n1\r\n");
    expect(fetched).toEqual([null]);
    expect(decode((await reader.read()).value)).toBe("2\r\n3\r\n");
    expect(decode((await reader.read()).value)).toBe("4\r\n");
    expect((await reader.read()).done).toBe(true);
    expect(fetched).toEqual([null, 1, 3]);
  });

  it("errors the stream when a batch fails, so a download is never mistaken for whole", async () => {
    const stream = csvStream<number>({
      label: "test",
      header: ["n"],
      fetchBatch: async () => {
        throw new Error("database went away");
      },
    });
    await expect(new Response(stream).text()).rejects.toThrow();
  });
});
