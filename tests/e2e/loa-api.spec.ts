import { expect, test, type APIRequestContext } from "./fixtures";
import { bareApi, closeAll, json, organizationByCode, type ApiError } from "./helpers";
import { ARMY, caseAction, DSCA, NAVY, openCaseViaApi, PARTNER_BN, tokenApi } from "./case-helpers";
import { getLoa, simpleLoaContent, WORKED_EXAMPLE_LINES } from "./loa-helpers";

// The LOA API in brief: the OpenAPI document lists it, the pricing quote gives the worked example's figures, invalid
// lines are named field by field, and a stale draft version is a 409 with the current one.

type Quote = {
  pricedOn: string;
  lines: { lineNumber: string; lineTotal: string }[];
  summary: Record<string, string>;
  notification: { required: boolean; group: string; tests: { basis: string; met: boolean; headroom: string }[] };
};

test.describe("the LOA API", () => {
  let bn: APIRequestContext;
  let dsca: APIRequestContext;
  let navy: APIRequestContext;
  let army: APIRequestContext;

  test.beforeAll(async ({ browser }) => {
    [bn, dsca, navy, army] = [await tokenApi(browser, PARTNER_BN), await tokenApi(browser, DSCA), await tokenApi(browser, NAVY), await tokenApi(browser, ARMY)];
  });
  test.afterAll(async () => closeAll(bn, dsca, navy, army));

  test("the OpenAPI document lists the LOA, documents and pricing paths", async () => {
    const doc = await json<{ paths: Record<string, Record<string, unknown>> }>(await bn.get("/api/v1/openapi.json"));
    const paths = Object.keys(doc.paths);
    for (const [path, methods] of [
      ["/cases/{id}/loa", ["get", "put"]],
      ["/cases/{id}/documents", ["get"]],
      ["/cases/{id}/documents/{number}", ["get"]],
      ["/cases/{id}/documents/{number}/pdf", ["get"]],
      ["/cases/{id}/documents/{number}/actions/submit", ["post"]],
      ["/pricing/quote", ["post"]],
    ] as const) {
      expect(paths, path).toContain(path);
      expect(Object.keys(doc.paths[path]!), path).toEqual(expect.arrayContaining([...methods]));
    }
  });

  test("a pricing quote of the worked example: $13,984,955.00 and no notification, for anyone signed in", async () => {
    for (const [api, natoPlus] of [
      [bn, false],
      [navy, true],
    ] as const) {
      const response = await api.post("/api/v1/pricing/quote", { data: { natoPlus, pricedOn: "2026-01-15", lines: WORKED_EXAMPLE_LINES } });
      expect(response.status(), await response.text()).toBe(200);
      const quote = await json<Quote>(response);
      expect(quote.pricedOn).toBe("2026-01-15");
      expect(quote.summary).toEqual({
        netEstimatedCost: "13110000.00",
        packingCratingHandling: "30000.00",
        administrativeSurcharge: "498180.00",
        transportation: "346775.00",
        totalEstimatedCost: "13984955.00",
      });
      expect(quote.lines.map((l) => [l.lineNumber, l.lineTotal])).toEqual([
        ["001", "10600000.00"],
        ["002", "2010000.00"],
        ["003", "500000.00"],
      ]);
      expect(quote.notification.required, `natoPlus ${natoPlus}`).toBe(false);
      expect(quote.notification.group).toBe(natoPlus ? "NATO_PLUS" : "OTHER");
    }
    // Without a session or token: 401.
    const anonymous = await bareApi();
    try {
      expect((await anonymous.post("/api/v1/pricing/quote", { data: { lines: WORKED_EXAMPLE_LINES } })).status()).toBe(401);
    } finally {
      await anonymous.dispose();
    }
  });

  test("an invalid line is refused with 422 naming lines.N.field", async () => {
    const bad = [
      { ...WORKED_EXAMPLE_LINES[0], quantity: -3, sourceOfSupply: "Q" },
      { ...WORKED_EXAMPLE_LINES[2], typeOfAssistance: "5" },
    ];
    const response = await bn.post("/api/v1/pricing/quote", { data: { pricedOn: "2026-01-15", lines: bad } });
    expect(response.status(), await response.text()).toBe(422);
    const error = (await json<ApiError>(response)).error;
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(["lines.0.quantity", "lines.0.sourceOfSupply"]));
    expect(Object.keys(error.fields ?? {}).every((path) => /^lines\.\d+\./.test(path))).toBe(true);

    // A mismatched type of assistance on its own is named too.
    const mismatch = await bn.post("/api/v1/pricing/quote", { data: { pricedOn: "2026-01-15", lines: [bad[1]] } });
    expect(mismatch.status(), await mismatch.text()).toBe(422);
    const mismatchFields = (await json<ApiError>(mismatch)).error.fields ?? {};
    expect(Object.keys(mismatchFields).some((path) => path.startsWith("lines.0."))).toBe(true);
    expect(Object.values(mismatchFields).join(" ")).toContain("Type of assistance 5 needs source of supply P; this line has S");

    // No lines, or a bad date.
    const empty = await bn.post("/api/v1/pricing/quote", { data: { lines: [], pricedOn: "15/01/2026" } });
    expect(empty.status()).toBe(422);
    expect(Object.keys((await json<ApiError>(empty)).error.fields ?? {})).toEqual(expect.arrayContaining(["lines", "pricedOn"]));
  });

  test("PUT /loa: a stale version is 409 with currentVersion; bad content is 422 by field; the partner and another agency may not write", async () => {
    const { case: opened } = await openCaseViaApi(bn, dsca);
    const navyOrg = await organizationByCode(dsca, "IMPLEMENTING_AGENCY", "P");
    await caseAction(dsca, opened, "assign-agency", { agencyId: navyOrg.id });
    const first = await getLoa(navy, opened.id);
    expect(first).toMatchObject({ number: 1, status: "DRAFT", editable: true });

    const saved = await navy.put(`/api/v1/cases/${opened.id}/loa`, { data: { expectedVersion: first.version, ...simpleLoaContent() } });
    expect(saved.status(), await saved.text()).toBe(200);
    const savedVersion = (await json<{ version: number }>(saved)).version;
    expect(savedVersion).toBe(first.version + 1);

    // The same (now stale) version again.
    const stale = await navy.put(`/api/v1/cases/${opened.id}/loa`, { data: { expectedVersion: first.version, ...simpleLoaContent({ description: "Stale edit" }) } });
    expect(stale.status(), await stale.text()).toBe(409);
    const conflict = (await json<ApiError>(stale)).error;
    expect(conflict.code).toBe("VERSION_CONFLICT");
    expect(conflict.currentVersion).toBe(savedVersion);
    expect((await getLoa(navy, opened.id)).description).not.toBe("Stale edit");

    // Bad content: nothing saved, every problem named.
    const content = simpleLoaContent();
    const invalid = await navy.put(`/api/v1/cases/${opened.id}/loa`, {
      data: { expectedVersion: savedVersion, ...content, lines: [{ ...content.lines[0], maslNumber: "short", unitCost: "-5" }] },
    });
    expect(invalid.status(), await invalid.text()).toBe(422);
    expect(Object.keys((await json<ApiError>(invalid)).error.fields ?? {})).toEqual(expect.arrayContaining(["lines.0.maslNumber", "lines.0.unitCost"]));
    expect((await getLoa(navy, opened.id)).version).toBe(savedVersion);

    // The partner may not read or write the working LOA; the Army's case manager may not write the Navy's.
    const partnerWrite = await bn.put(`/api/v1/cases/${opened.id}/loa`, { data: { expectedVersion: savedVersion, ...content } });
    expect([403, 404]).toContain(partnerWrite.status());
    // Their own country's case: forbidden (403), not hidden.
    expect((await bn.get(`/api/v1/cases/${opened.id}/loa`)).status()).toBe(403);
    const armyWrite = await army.put(`/api/v1/cases/${opened.id}/loa`, { data: { expectedVersion: savedVersion, ...content } });
    expect(armyWrite.status(), await armyWrite.text()).toBe(403);
    expect((await getLoa(navy, opened.id)).version).toBe(savedVersion);
  });
});
