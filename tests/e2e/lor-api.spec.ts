import { createHash } from "node:crypto";
import { expect, test, type APIRequestContext, type BrowserContext } from "./fixtures";
import { bareApi, closeAll, json, organizationByCode, signedInContext, unique, type ApiError } from "./helpers";
import {
  completeLorContent,
  createLorViaApi,
  DSCA,
  eventsViaApi,
  getLorViaApi,
  lorAction,
  PARTNER_BN,
  postAction,
  tinyPdf,
  tinyPng,
  uploadViaApi,
  type Attachment,
  type Lor,
  type LorSummary,
  type Page,
} from "./lor-helpers";

// The letter-of-request lifecycle through /api/v1: the Bandarian officer uses a personal API token, DSCA its session.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

async function expectError(response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number, code: string): Promise<ApiError["error"]> {
  expect(response.status(), await response.text()).toBe(status);
  const body = await json<ApiError>(response);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toBeTruthy();
  return body.error;
}

test.describe("letters of request through the API", () => {
  let partnerContext: BrowserContext;
  let dscaContext: BrowserContext;
  let bn: APIRequestContext; // bearer token, no cookies
  let dsca: APIRequestContext;

  test.beforeAll(async ({ browser }) => {
    const partner = await signedInContext(browser, PARTNER_BN);
    partnerContext = partner.context;
    const created = await partner.api.post("/api/v1/me/tokens", { data: { name: unique("lor-api"), expiresInDays: 1 } });
    expect(created.status()).toBe(201);
    bn = await bareApi((await json<{ secret: string }>(created)).secret);
    const analyst = await signedInContext(browser, DSCA);
    dscaContext = analyst.context;
    dsca = analyst.api;
  });

  test.afterAll(async () => {
    await closeAll(bn, partnerContext, dscaContext);
  });

  test("creating with bad input is refused with 422 naming each field, and nothing is saved", async () => {
    const subject = unique("E2E bad input");
    const error = await expectError(
      await bn.post("/api/v1/lors", {
        data: {
          subject,
          originatorReference: 42,
          requestType: "BOGUS",
          requestedDeliveryBy: "2027-02-30",
          thirdPartyInvolvement: "maybe",
          items: [{ nomenclature: "Radar", quantity: -1, unitOfIssue: "XX", estimatedValue: "lots" }],
          pointsOfContact: [{ name: "A. Contact", email: "not-an-email" }],
          preferredAgencyCode: "not a code!",
        },
      }),
      422,
      "VALIDATION_FAILED",
    );
    expect(Object.keys(error.fields ?? {})).toEqual(
      expect.arrayContaining([
        "originatorReference",
        "requestType",
        "requestedDeliveryBy",
        "thirdPartyInvolvement",
        "items.0.quantity",
        "items.0.unitOfIssue",
        "items.0.estimatedValue",
        "pointsOfContact.0.email",
        "preferredAgencyCode",
      ]),
    );
    expect(error.fields).not.toHaveProperty("subject");
    const listed = await json<Page<LorSummary>>(await bn.get(`/api/v1/lors?q=${encodeURIComponent(subject)}`));
    expect(listed.total).toBe(0);

    // An agency code that is well-formed but unknown is refused too.
    const unknownAgency = await expectError(await bn.post("/api/v1/lors", { data: { subject, preferredAgencyCode: "ZZ" } }), 422, "VALIDATION_FAILED");
    expect(unknownAgency.fields).toHaveProperty("preferredAgencyCode");

    // Not JSON at all: 400.
    await expectError(await bn.post("/api/v1/lors", { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") }), 400, "BAD_REQUEST");
    await expectError(await bn.post("/api/v1/lors", { headers: { "content-type": "text/plain" }, data: "subject=x" }), 400, "BAD_REQUEST");
  });

  test("status, country, ids and versions cannot be set by the client (422)", async () => {
    const saudi = await organizationByCode(dsca, "PARTNER_COUNTRY", "SR");
    const error = await expectError(
      await bn.post("/api/v1/lors", {
        data: { subject: unique("E2E forbidden fields"), status: "COMPLETE", countryId: saudi.id, id: "00000000-0000-4000-8000-000000000000", version: 9, caseId: null },
      }),
      422,
      "VALIDATION_FAILED",
    );
    expect(Object.keys(error.fields ?? {})).toEqual(expect.arrayContaining(["status", "countryId", "id", "version", "caseId"]));

    const draft = await createLorViaApi(bn, { subject: unique("E2E forbidden patch") });
    const patched = await expectError(
      await bn.patch(`/api/v1/lors/${draft.id}`, { data: { expectedVersion: draft.version, status: "SUBMITTED", countryId: saudi.id } }),
      422,
      "VALIDATION_FAILED",
    );
    expect(Object.keys(patched.fields ?? {})).toEqual(expect.arrayContaining(["status", "countryId"]));
    const after = await getLorViaApi(bn, draft.id);
    expect(after).toMatchObject({ status: "DRAFT", version: draft.version, country: { code: "BN" } });

    // USG staff cannot start letters.
    await expectError(await dsca.post("/api/v1/lors", { data: { subject: "Not mine to write" } }), 403, "FORBIDDEN");
  });

  test("a PATCH with a stale version gets 409 with the current version and changes nothing", async () => {
    const draft = await createLorViaApi(bn, { subject: unique("E2E versions") });
    expect(draft).toMatchObject({ status: "DRAFT", country: { code: "BN" } });
    expect(draft.id).toMatch(UUID);

    const first = await bn.patch(`/api/v1/lors/${draft.id}`, { data: { expectedVersion: draft.version, originatorReference: "BN/E2E/V1" } });
    expect(first.status()).toBe(200);
    const updated = await json<Lor>(first);
    expect(updated.version).toBe(draft.version + 1);
    expect(updated.originatorReference).toBe("BN/E2E/V1");

    const stale = await expectError(
      await bn.patch(`/api/v1/lors/${draft.id}`, { data: { expectedVersion: draft.version, originatorReference: "BN/E2E/STALE" } }),
      409,
      "VERSION_CONFLICT",
    );
    expect(stale.currentVersion).toBe(updated.version);
    expect((await getLorViaApi(bn, draft.id)).originatorReference).toBe("BN/E2E/V1");

    const missing = await expectError(await bn.patch(`/api/v1/lors/${draft.id}`, { data: { subject: "No version" } }), 422, "VALIDATION_FAILED");
    expect(missing.fields).toHaveProperty("expectedVersion");

    // A transition with a stale version is refused the same way.
    const staleSubmit = await expectError(await postAction(bn, draft, "submit"), 409, "VERSION_CONFLICT");
    expect(staleSubmit.currentVersion).toBe(updated.version);
  });

  test("submitting an incomplete letter is refused with 422 naming each missing checklist item", async () => {
    const draft = await createLorViaApi(bn, { subject: unique("E2E incomplete"), requestType: "LOA" });
    const error = await expectError(await postAction(bn, draft, "submit"), 422, "VALIDATION_FAILED");
    const keys = Object.keys(error.fields ?? {});
    expect(keys.every((k) => k.startsWith("checklist."))).toBe(true);
    expect(keys).toEqual(
      expect.arrayContaining([
        "checklist.reference",
        "checklist.originator",
        "checklist.loaType",
        "checklist.items",
        "checklist.configuration",
        "checklist.financing",
        "checklist.delivery",
        "checklist.thirdParty",
        "checklist.soleSource",
        "checklist.pointOfContact",
        "checklist.signatory",
      ]),
    );
    // Met, not applicable or merely recommended criteria are not named.
    for (const key of ["checklist.requestType", "checklist.caseReference", "checklist.training", "checklist.signedLetter"]) expect(keys).not.toContain(key);
    expect(error.fields!["checklist.reference"]).toContain("reference number");
    expect((await getLorViaApi(bn, draft.id)).status).toBe("DRAFT");

    // Everything there but a delivery date in the past: only that is named.
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const late = await createLorViaApi(bn, completeLorContent({ subject: unique("E2E past delivery"), requestedDeliveryBy: yesterday }));
    const lateError = await expectError(await postAction(bn, late, "submit"), 422, "VALIDATION_FAILED");
    expect(Object.keys(lateError.fields ?? {})).toEqual(["checklist.delivery"]);

    // An amendment must name its case.
    const amendment = await createLorViaApi(bn, completeLorContent({ subject: unique("E2E amendment"), requestType: "AMENDMENT" }));
    const amendmentError = await expectError(await postAction(bn, amendment, "submit"), 422, "VALIDATION_FAILED");
    expect(Object.keys(amendmentError.fields ?? {})).toEqual(["checklist.caseReference"]);
  });

  test("the full lifecycle opens a BN-P case", async () => {
    const subject = unique("E2E API lifecycle");
    const draft = await createLorViaApi(bn, completeLorContent({ subject, preferredAgencyCode: "P" }));
    expect(draft.checklist.ready).toBe(true);
    expect(draft.preferredAgency?.code).toBe("P");
    expect((await uploadViaApi(bn, draft.id, { name: "signed.pdf", mimeType: "application/pdf", buffer: tinyPdf() })).status()).toBe(201);
    const withFile = await getLorViaApi(bn, draft.id);
    expect(withFile.checklist.criteria.find((c) => c.key === "signedLetter")?.met).toBe(true);

    const submitted = await lorAction(bn, withFile, "submit");
    expect(submitted).toMatchObject({ status: "SUBMITTED", routedAgency: { code: "P" } });
    expect(submitted.submittedAt).toBeTruthy();
    expect(submitted.validation).toMatchObject({ state: "ON_TRACK", targetDays: 5 });
    // No longer editable by the partner.
    await expectError(await bn.patch(`/api/v1/lors/${draft.id}`, { data: { expectedVersion: submitted.version, subject: "Too late" } }), 409, "CONFLICT");
    await expectError(await uploadViaApi(bn, draft.id, { name: "late.pdf", mimeType: "application/pdf", buffer: tinyPdf() }), 409, "CONFLICT");
    // The partner cannot validate their own letter.
    await expectError(await postAction(bn, submitted, "acknowledge"), 403, "FORBIDDEN");
    // Out of order: it must be acknowledged before it is complete.
    await expectError(await postAction(dsca, submitted, "mark-complete"), 409, "CONFLICT");

    const acknowledged = await lorAction(dsca, submitted, "acknowledge");
    expect(acknowledged.status).toBe("UNDER_VALIDATION");
    expect(acknowledged.acknowledgedAt).toBeTruthy();
    const actionable = await lorAction(dsca, acknowledged, "mark-actionable");
    expect(actionable.status).toBe("ACTIONABLE");
    const complete = await lorAction(dsca, actionable, "mark-complete", { comment: "Ready for LOA development" });
    expect(complete.status).toBe("COMPLETE");
    expect(complete.completedAt).toBeTruthy();
    expect(complete.case?.identifier).toMatch(/^BN-P-[A-Z0-9]{3}$/);
    expect(complete.validation?.state).toBe("MET");
    // Finished: nothing more to do.
    await expectError(await postAction(dsca, complete, "acknowledge"), 409, "CONFLICT");
    await expectError(await postAction(dsca, complete, "respond-pa", { estimatedValue: "1.00", availability: "n/a" }), 409, "CONFLICT");

    const fromPartner = await getLorViaApi(bn, draft.id);
    expect(fromPartner.case).toEqual(complete.case);
    const theCase = await bn.get(`/api/v1/cases/${complete.case!.id}`);
    expect(theCase.status()).toBe(200);
    expect(await json(theCase)).toMatchObject({ identifier: complete.case!.identifier, country: { code: "BN" }, implementingAgency: { code: "P" } });
    const cases = await json<Page<{ id: string; identifier: string }>>(await bn.get(`/api/v1/cases?q=${complete.case!.identifier}`));
    expect(cases.items.map((c) => c.id)).toContain(complete.case!.id);

    const events = await eventsViaApi(bn, draft.id);
    expect(events.map((e) => e.action)).toEqual(["lor.create", "lor.attachment_add", "lor.submit", "lor.acknowledge", "lor.mark_actionable", "lor.mark_complete"]);
    expect(events.at(-1)).toMatchObject({ fromStatus: "ACTIONABLE", toStatus: "COMPLETE" });
    expect(events.at(-1)!.note).toContain(complete.case!.identifier);
    // In the partner's view, USG actors are named by office only.
    expect(JSON.stringify(events)).not.toContain("Dana Whitfield");
    expect(JSON.stringify(await eventsViaApi(dsca, draft.id))).toContain("Dana Whitfield");
  });

  test("insufficient → revised → resubmitted keeps a clean record", async () => {
    const draft = await createLorViaApi(bn, completeLorContent({ subject: unique("E2E API insufficient") }));
    const underValidation = await lorAction(dsca, await lorAction(bn, draft, "submit"), "acknowledge", { implementingAgencyCode: "P" });
    expect(underValidation.routedAgency?.code).toBe("P");
    const missingReason = await expectError(await postAction(dsca, underValidation, "mark-insufficient", { criteria: ["configuration"] }), 422, "VALIDATION_FAILED");
    expect(missingReason.fields).toHaveProperty("reasons");
    const insufficient = await lorAction(dsca, underValidation, "mark-insufficient", { criteria: ["configuration"], reasons: "Give the antenna variant." });
    expect(insufficient).toMatchObject({ status: "INSUFFICIENT", statusReason: "Give the antenna variant.", insufficientCriteria: ["configuration"] });

    const patched = await bn.patch(`/api/v1/lors/${draft.id}`, {
      data: { expectedVersion: insufficient.version, items: [{ nomenclature: "Radar", description: "Antenna variant B with the 4.2 software baseline", quantity: 2, unitOfIssue: "EA" }] },
    });
    expect(patched.status(), await patched.text()).toBe(200);
    const resubmitted = await lorAction(bn, await json<Lor>(patched), "submit");
    expect(resubmitted).toMatchObject({ status: "SUBMITTED", statusReason: null, insufficientCriteria: [], acknowledgedAt: null });
    const events = await eventsViaApi(bn, draft.id);
    expect(events.map((e) => e.action)).toEqual(["lor.create", "lor.submit", "lor.acknowledge", "lor.mark_insufficient", "lor.update", "lor.submit"]);
    expect(events[3]!.note).toBe("Give the antenna variant.");
    expect(events[4]!.changedFields).toEqual(["items"]);
    expect(events[5]!.note).toBe("Resubmitted after changes");
  });

  test("a P&A request is answered with non-binding data and opens no case", async () => {
    const draft = await createLorViaApi(bn, completeLorContent({ subject: unique("E2E API P&A"), requestType: "PRICE_AND_AVAILABILITY" }));
    const acknowledged = await lorAction(dsca, await lorAction(bn, draft, "submit"), "acknowledge");
    const complete = await lorAction(dsca, acknowledged, "mark-complete");
    expect(complete).toMatchObject({ status: "COMPLETE", case: null, priceAndAvailability: null });

    const incomplete = await expectError(await postAction(dsca, complete, "respond-pa", { estimatedValue: "1250000.00" }), 422, "VALIDATION_FAILED");
    expect(incomplete.fields).toHaveProperty("availability");
    const badValue = await expectError(await postAction(dsca, complete, "respond-pa", { estimatedValue: "about a million", availability: "24 months" }), 422, "VALIDATION_FAILED");
    expect(badValue.fields).toHaveProperty("estimatedValue");
    // The partner cannot answer their own P&A request.
    await expectError(await postAction(bn, complete, "respond-pa", { estimatedValue: "1.00", availability: "now" }), 403, "FORBIDDEN");

    const answered = await lorAction(dsca, complete, "respond-pa", {
      estimatedValue: "1250000.00",
      availability: "24 to 30 months after LOA acceptance",
      notes: "Rough order of magnitude",
    });
    expect(answered).toMatchObject({
      status: "PA_PROVIDED",
      case: null,
      priceAndAvailability: { estimatedValue: "1250000.00", availability: "24 to 30 months after LOA acceptance", notes: "Rough order of magnitude" },
    });
    const seen = await getLorViaApi(bn, draft.id);
    expect(seen.status).toBe("PA_PROVIDED");
    expect(seen.priceAndAvailability?.estimatedValue).toBe("1250000.00");
    expect((await eventsViaApi(bn, draft.id)).map((e) => e.action).at(-1)).toBe("lor.respond_pa");
  });

  test("attachments: a PDF round-trips byte for byte as a download; files are judged by content and size", async () => {
    const draft = await createLorViaApi(bn, { subject: unique("E2E attachments") });
    const pdf = tinyPdf("Round trip");
    const uploaded = await uploadViaApi(bn, draft.id, { name: "signed letter.pdf", mimeType: "application/pdf", buffer: pdf });
    expect(uploaded.status(), await uploaded.text()).toBe(201);
    const attachment = await json<Attachment>(uploaded);
    expect(attachment).toMatchObject({ kind: "SIGNED_LETTER", contentType: "application/pdf", sizeBytes: pdf.length, sha256: sha256(pdf), fileName: "signed letter.pdf" });
    expect(attachment.downloadUrl).toBe(`/api/v1/lors/${draft.id}/attachments/${attachment.id}`);

    const download = await bn.get(attachment.downloadUrl);
    expect(download.status()).toBe(200);
    expect(Buffer.compare(await download.body(), pdf)).toBe(0);
    const headers = download.headers();
    expect(headers["content-type"]).toBe("application/pdf");
    expect(headers["content-disposition"]).toMatch(/^attachment;/);
    expect(headers["content-disposition"]).toContain("signed letter.pdf");
    expect(headers["x-content-type-options"]).toBe("nosniff");

    const listed = await json<{ items: Attachment[] }>(await bn.get(`/api/v1/lors/${draft.id}/attachments`));
    expect(listed.items.map((a) => a.id)).toEqual([attachment.id]);

    // A PNG is accepted and typed by its content, whatever its name says.
    const png = tinyPng();
    const image = await uploadViaApi(bn, draft.id, { name: "drawing.pdf", mimeType: "application/pdf", buffer: png }, "SPECIFICATION");
    expect(image.status(), await image.text()).toBe(201);
    const imageView = await json<Attachment>(image);
    expect(imageView).toMatchObject({ kind: "SPECIFICATION", contentType: "image/png", sizeBytes: png.length });
    expect(imageView.fileName).toMatch(/\.png$/);
    const imageDownload = await bn.get(imageView.downloadUrl);
    expect(imageDownload.headers()["content-type"]).toBe("image/png");
    expect(Buffer.compare(await imageDownload.body(), png)).toBe(0);

    // HTML dressed up as a PDF is refused.
    const html = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>");
    const fake = await expectError(await uploadViaApi(bn, draft.id, { name: "x.pdf", mimeType: "application/pdf", buffer: html }), 422, "VALIDATION_FAILED");
    expect(fake.fields).toHaveProperty("file");
    // No file, an empty file, or an unknown kind.
    const empty = await expectError(await uploadViaApi(bn, draft.id, { name: "empty.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) }), 422, "VALIDATION_FAILED");
    expect(empty.fields).toHaveProperty("file");
    const kind = await expectError(await uploadViaApi(bn, draft.id, { name: "ok.pdf", mimeType: "application/pdf", buffer: pdf }, "SELFIE"), 422, "VALIDATION_FAILED");
    expect(kind.fields).toHaveProperty("kind");
    // Not multipart.
    expect((await bn.post(`/api/v1/lors/${draft.id}/attachments`, { data: { kind: "OTHER" } })).status()).toBe(415);

    // Over 10 MB: just over, and well over (refused before the body is read).
    for (const size of [10 * 1024 * 1024 + 1, 12 * 1024 * 1024]) {
      const big = Buffer.alloc(size, 0x20);
      pdf.copy(big, 0, 0, 8);
      const response = await uploadViaApi(bn, draft.id, { name: "big.pdf", mimeType: "application/pdf", buffer: big });
      expect([413, 422], `${size} bytes`).toContain(response.status());
      expect(["PAYLOAD_TOO_LARGE", "VALIDATION_FAILED"]).toContain((await json<ApiError>(response)).error.code);
    }
    expect((await getLorViaApi(bn, draft.id)).attachments).toHaveLength(2);

    // Remove one; its download is gone.
    const removed = await bn.delete(imageView.downloadUrl);
    expect(removed.status()).toBe(200);
    expect(await json(removed)).toEqual({ id: imageView.id, removed: true });
    await expectError(await bn.get(imageView.downloadUrl), 404, "NOT_FOUND");
    expect((await eventsViaApi(bn, draft.id)).map((e) => e.action)).toEqual(["lor.create", "lor.attachment_add", "lor.attachment_add", "lor.attachment_remove"]);
  });

  test("an amendment is linked to the existing case it names, and opens no new one", async () => {
    const existing = await json<Page<{ id: string; identifier: string }>>(await bn.get("/api/v1/cases?q=BN-P-AAA"));
    const harpoon = existing.items.find((c) => c.identifier === "BN-P-AAA");
    // The demo seed opens BN-P-AAA; the amendment must find it.
    expect(harpoon, "the demo case BN-P-AAA").toBeTruthy();
    const submitted = await lorAction(bn, await createLorViaApi(bn, completeLorContent({ subject: unique("E2E amendment"), requestType: "AMENDMENT", relatedCaseIdentifier: "bn-p-aaa" })), "submit");
    expect(submitted.requestType).toBe("AMENDMENT");
    const complete = await lorAction(dsca, await lorAction(dsca, submitted, "acknowledge"), "mark-complete");
    expect(complete.status).toBe("COMPLETE");
    expect(complete.case).toEqual({ id: harpoon!.id, identifier: "BN-P-AAA" });
    const theCase = await json<{ letters: { id: string }[] }>(await bn.get(`/api/v1/cases/${harpoon!.id}`));
    expect(theCase.letters.map((l) => l.id)).toContain(submitted.id);
  });

  test("a letter holds at most 20 attachments, and attachment ids only work under their own letter", async () => {
    const draft = await createLorViaApi(bn, { subject: unique("E2E many files") });
    const other = await createLorViaApi(bn, { subject: unique("E2E other letter") });
    let first: Attachment | undefined;
    for (let i = 0; i < 20; i++) {
      const response = await uploadViaApi(bn, draft.id, { name: `page-${i + 1}.png`, mimeType: "image/png", buffer: tinyPng() }, "OTHER");
      expect(response.status(), await response.text()).toBe(201);
      first ??= await json<Attachment>(response);
    }
    const refused = await expectError(await uploadViaApi(bn, draft.id, { name: "page-21.png", mimeType: "image/png", buffer: tinyPng() }, "OTHER"), 422, "VALIDATION_FAILED");
    expect(refused.fields).toHaveProperty("file");
    expect((await getLorViaApi(bn, draft.id)).attachments).toHaveLength(20);

    await expectError(await bn.get(`/api/v1/lors/${other.id}/attachments/${first!.id}`), 404, "NOT_FOUND");
    await expectError(await bn.delete(`/api/v1/lors/${other.id}/attachments/${first!.id}`), 404, "NOT_FOUND");
    expect((await bn.get(first!.downloadUrl)).status()).toBe(200);
  });

  test("races: one of two simultaneous actions wins; simultaneous completions get distinct case identifiers", async () => {
    const one = await lorAction(bn, await createLorViaApi(bn, completeLorContent({ subject: unique("E2E race 1") })), "submit");
    const two = await lorAction(bn, await createLorViaApi(bn, completeLorContent({ subject: unique("E2E race 2") })), "submit");
    const raced = await Promise.all([postAction(dsca, one, "acknowledge"), postAction(dsca, one, "acknowledge")]);
    expect(raced.map((r) => r.status()).sort()).toEqual([200, 409]);
    const loser = raced.find((r) => r.status() === 409)!;
    const error = (await json<ApiError>(loser)).error;
    expect(error.code).toBe("VERSION_CONFLICT");
    expect(error.currentVersion).toBe(one.version + 1);

    const a = await getLorViaApi(dsca, one.id);
    const b = await lorAction(dsca, two, "acknowledge");
    const completed = await Promise.all([
      postAction(dsca, a, "mark-complete", { implementingAgencyCode: "P" }),
      postAction(dsca, b, "mark-complete", { implementingAgencyCode: "P" }),
    ]);
    for (const response of completed) expect(response.status(), await response.text()).toBe(200);
    const [first, second] = await Promise.all(completed.map((r) => json<Lor>(r)));
    expect(first!.case?.identifier).toMatch(/^BN-P-[A-Z0-9]{3}$/);
    expect(second!.case?.identifier).toMatch(/^BN-P-[A-Z0-9]{3}$/);
    expect(first!.case!.identifier).not.toBe(second!.case!.identifier);
  });

  test("the partner can withdraw a submitted letter; USG can then do nothing with it", async () => {
    const submitted = await lorAction(bn, await createLorViaApi(bn, completeLorContent({ subject: unique("E2E withdraw") })), "submit");
    const withdrawn = await lorAction(bn, submitted, "withdraw", { reason: "Requirement moved to next fiscal year" });
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", statusReason: "Requirement moved to next fiscal year" });
    await expectError(await postAction(dsca, withdrawn, "acknowledge"), 409, "CONFLICT");
    await expectError(await postAction(dsca, withdrawn, "disapprove", { reason: "Too late" }), 409, "CONFLICT");
    await expectError(await postAction(bn, withdrawn, "submit"), 409, "CONFLICT");
  });

  test("uploaded file names are cleaned for display and for the download header", async () => {
    const draft = await createLorViaApi(bn, { subject: unique("E2E file names") });
    const names = ['../../etc/passwd.pdf', 'a"; filename=evil.html', "Lettre signée\r\nX-Injected: 1.pdf"];
    for (const name of names) {
      const response = await uploadViaApi(bn, draft.id, { name, mimeType: "application/pdf", buffer: tinyPdf() }, "OTHER");
      expect(response.status(), `${name}: ${await response.text()}`).toBe(201);
      const view = await json<Attachment>(response);
      expect(view.fileName).toMatch(/^[A-Za-z0-9 ._()-]+\.pdf$/);
      expect(view.fileName).not.toContain("..");
      const download = await bn.get(view.downloadUrl);
      expect(download.status()).toBe(200);
      const disposition = download.headers()["content-disposition"] ?? "";
      expect(disposition).toMatch(/^attachment; filename="[^"\r\n]+"/);
      expect(download.headers()["x-injected"]).toBeUndefined();
    }
  });

  test("list filters are validated", async () => {
    const error = await expectError(await bn.get("/api/v1/lors?status=LOST"), 422, "VALIDATION_FAILED");
    expect(error.fields).toHaveProperty("status");
    const drafts = await json<Page<LorSummary>>(await bn.get("/api/v1/lors?status=DRAFT&pageSize=100"));
    expect(drafts.items.length).toBeGreaterThan(0);
    expect(drafts.items.every((l) => l.status === "DRAFT" && l.country.code === "BN")).toBe(true);
    await expectError(await bn.post("/api/v1/lors/00000000-0000-4000-8000-000000000000/teleport", { data: { expectedVersion: 1 } }), 404, "NOT_FOUND");
    await expectError(await bn.get("/api/v1/lors/not-a-uuid"), 404, "NOT_FOUND");
  });

  test("openapi.json documents every letter-of-request path", async () => {
    const api = await bareApi();
    const response = await api.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    const doc = await json<{ paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; responses: Record<string, unknown> }>> }>(response);
    await closeAll(api);
    const expected: [string, string][] = [
      ["/lors", "get"],
      ["/lors", "post"],
      ["/lors/{id}", "get"],
      ["/lors/{id}", "patch"],
      ["/lors/{id}/events", "get"],
      ...["submit", "withdraw", "acknowledge", "mark-insufficient", "mark-actionable", "mark-complete", "respond-pa", "disapprove"].map(
        (action): [string, string] => [`/lors/{id}/${action}`, "post"],
      ),
      ["/lors/{id}/attachments", "get"],
      ["/lors/{id}/attachments", "post"],
      ["/lors/{id}/attachments/{attachmentId}", "get"],
      ["/lors/{id}/attachments/{attachmentId}", "delete"],
      ["/cases", "get"],
      ["/cases/{id}", "get"],
    ];
    for (const [path, method] of expected) expect(doc.paths[path]?.[method], `${method.toUpperCase()} ${path}`).toBeTruthy();
    expect(Object.keys(doc.paths["/lors/{id}/attachments"]!.post!.requestBody?.content ?? {})).toContain("multipart/form-data");
    expect(Object.keys(doc.paths["/lors/{id}"]!.patch!.responses)).toEqual(expect.arrayContaining(["200", "409", "422"]));
    expect(Object.keys(doc.paths["/lors/{id}/submit"]!.post!.responses)).toEqual(expect.arrayContaining(["200", "422"]));
  });
});
