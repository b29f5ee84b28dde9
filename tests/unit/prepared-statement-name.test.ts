import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { prepared } from "@/server/json-rows";
import { preparedStatementName } from "@/server/prisma-client";

describe("which statements are kept prepared, and under what name", () => {
  const lookup = prepared(Prisma.sql`SELECT id FROM cases WHERE id = ${"00000000-0000-0000-0000-000000000001"}::uuid`);

  it("names a marked statement by its text, the same name every time, whatever its parameters", () => {
    const name = preparedStatementName(lookup.text);
    expect(name).toMatch(/^cw_[0-9a-f]{32}$/);
    const other = prepared(Prisma.sql`SELECT id FROM cases WHERE id = ${"00000000-0000-0000-0000-000000000002"}::uuid`);
    expect(other.text).toBe(lookup.text);
    expect(preparedStatementName(other.text)).toBe(name);
  });

  it("gives different texts different names", () => {
    const byIdentifier = prepared(Prisma.sql`SELECT id FROM cases WHERE identifier = ${"BN-P-AAA"}`);
    expect(preparedStatementName(byIdentifier.text)).not.toBe(preparedStatementName(lookup.text));
  });

  it("leaves an unmarked statement unnamed, so it is planned for its own parameters on every run", () => {
    expect(preparedStatementName(Prisma.sql`SELECT id FROM cases WHERE status = ${"OFFERED"}`.text)).toBe("");
    expect(preparedStatementName("BEGIN")).toBe("");
  });

  it("stops naming new texts past its cap, so a marked statement whose text varies cannot fill every connection", () => {
    const names = new Set<string>();
    for (let i = 0; i < 500; i += 1) names.add(preparedStatementName(prepared(Prisma.sql`SELECT ${Prisma.raw(String(i))} AS n`).text));
    expect(names.has("")).toBe(true);
    expect(names.size).toBeLessThanOrEqual(201);
    // Texts named before the cap was reached keep their names.
    expect(preparedStatementName(lookup.text)).toMatch(/^cw_/);
  });
});
