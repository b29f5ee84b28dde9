import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "./fixtures";
import { closeAll, json, organizationByCode, signIn } from "./helpers";
import { caseAction, DSCA, DTSA, NAVY, openCaseViaApi, PARTNER_BN, PARTNER_SR, STATE, today, tokenApi, type CaseView } from "./case-helpers";
import { fillLoaViaApi } from "./loa-helpers";

// Signed approvals, verifiable offline (issue 16 item 5, ADR 0031): a case walked to acceptance through the API, then
// the Bandarian officer downloads the evidence bundle from the case page and checks it with scripts/verify-evidence.mjs
// on this machine, no server involved; the same bundle with one byte of its PDF changed fails. Another country's
// officer gets 404 for it.

type Users = Record<"bn" | "sr" | "dsca" | "state" | "dtsa" | "navy", APIRequestContext>;

function verifyOffline(file: string) {
  const run = spawnSync(process.execPath, [path.resolve("scripts/verify-evidence.mjs"), file], { encoding: "utf8" });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test.describe("the evidence bundle", () => {
  let u: Users;
  let accepted: CaseView;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(120_000);
    u = {
      bn: await tokenApi(browser, PARTNER_BN),
      sr: await tokenApi(browser, PARTNER_SR),
      dsca: await tokenApi(browser, DSCA),
      state: await tokenApi(browser, STATE),
      dtsa: await tokenApi(browser, DTSA),
      navy: await tokenApi(browser, NAVY),
    };
    const { case: opened } = await openCaseViaApi(u.bn, u.dsca);
    const navyOrg = await organizationByCode(u.dsca, "IMPLEMENTING_AGENCY", "P");
    const developing = await caseAction(u.dsca, opened, "assign-agency", { agencyId: navyOrg.id });
    await fillLoaViaApi(u.navy, developing.id, {});
    let c = await caseAction(u.navy, developing, "approve-loa");
    c = await caseAction(u.dsca, c, "concur-with-comment", { comment: "Internal only: check the export licence", commentVisibility: "USG_INTERNAL" });
    c = await caseAction(u.state, c, "concur");
    c = await caseAction(u.dtsa, c, "concur");
    c = await caseAction(u.navy, c, "sign");
    c = await caseAction(u.dsca, c, "countersign");
    c = await caseAction(u.navy, c, "offer");
    const document = await json<{ paymentSchedule: { initialDeposit: string } }>(await u.bn.get(`/api/v1/cases/${c.id}/documents/1`));
    accepted = await caseAction(u.bn, c, "accept", {
      signerName: "Col. Ana Varga",
      signerTitle: "Director of Armaments",
      signedOn: today(),
      initialDeposit: document.paymentSchedule.initialDeposit,
    });
    expect(accepted.status).toBe("ACCEPTED");
  });

  test.afterAll(async () => {
    if (u) await closeAll(...Object.values(u));
  });

  test("the partner downloads the evidence from the case page and it verifies offline; a tampered PDF does not", async ({ page }, testInfo) => {
    await signIn(page, PARTNER_BN);
    await page.goto(`/cases/${accepted.id}`);
    const link = page.getByTestId("download-evidence");
    await expect(link).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const file = testInfo.outputPath("evidence.json");
    await download.saveAs(file);

    const bundle = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(bundle).toMatchObject({ format: "caseway.evidence/1", view: "partner", case: { id: accepted.id } });
    expect(bundle.signatures.map((s: { decision: string }) => s.decision)).toEqual(["case.sign", "case.countersign", "case.accept"]);
    expect(JSON.stringify(bundle)).not.toContain("Internal only: check the export licence");

    const good = verifyOffline(file);
    expect(good.status, good.output).toBe(0);
    expect(good.output).toContain("VERIFIED");

    const pdf = Buffer.from(bundle.documents[0].pdfBase64, "base64");
    pdf[Math.floor(pdf.length / 2)]! ^= 1;
    bundle.documents[0].pdfBase64 = pdf.toString("base64");
    const tamperedFile = testInfo.outputPath("evidence-tampered.json");
    fs.writeFileSync(tamperedFile, JSON.stringify(bundle));
    const bad = verifyOffline(tamperedFile);
    expect(bad.status, bad.output).toBe(1);
    expect(bad.output).toContain("NOT VERIFIED");
  });

  test("another country's officer gets 404 for the bundle", async () => {
    const response = await u.sr.get(`/api/v1/cases/${accepted.id}/evidence`);
    expect(response.status()).toBe(404);
  });
});
