// Webhooks for partner systems (issue 15 item 5): a partner officer sets one up in the UI to a receiver on 127.0.0.1,
// sees the signing secret once, submits a letter of request, and the receiver gets a signed delivery that verifies;
// the delivery log shows it delivered. The server needs WEBHOOK_ALLOW_HTTP_LOCAL=1 (it runs in production mode).
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";
import { verifyWebhookSignature } from "../../src/domain/notifications/webhooks";
import { SAME_ORIGIN, SCREENS_DIR, signIn } from "./helpers";
import { PARTNER_BN, submittedLorViaApi } from "./lor-helpers";

type Received = { headers: http.IncomingHttpHeaders; body: string; at: Date };

test.describe("webhooks", () => {
  test.use({ extraHTTPHeaders: SAME_ORIGIN });

  test("a partner's receiver on 127.0.0.1 gets a signed delivery that verifies; the log shows it", async ({ page }) => {
    test.setTimeout(120_000);
    const received: Received[] = [];
    const server = http.createServer((request, response) => {
      let body = "";
      request.setEncoding("utf8");
      request.on("data", (chunk: string) => (body += chunk));
      request.on("end", () => {
        received.push({ headers: request.headers, body, at: new Date() });
        response.statusCode = 204;
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/caseway`;
    try {
      await signIn(page, PARTNER_BN);
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Webhooks" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Webhooks");
      await page.getByRole("link", { name: "Add a webhook" }).click();
      await page.getByLabel("Address (URL)").fill(receiverUrl);
      await page.getByRole("group", { name: "Letters of request" }).getByLabel("A letter of request was submitted").check();
      await page.getByRole("button", { name: "Save webhook" }).click();
      await expect(page.getByTestId("webhook-secret")).toBeVisible();
      const secret = await page.getByLabel("Signing secret").inputValue();
      expect(secret).toMatch(/^whsec_/);
      await page.screenshot({ path: path.join(SCREENS_DIR, "webhook-secret-once.png"), fullPage: true });

      const lor = await submittedLorViaApi(page.request);
      // The outbox is dispatched within moments and the delivery job runs right after it.
      await expect.poll(() => received.filter((r) => JSON.parse(r.body).data?.record?.id === lor.id).length, { timeout: 60_000 }).toBeGreaterThan(0);
      const delivery = received.find((r) => JSON.parse(r.body).data?.record?.id === lor.id)!;
      const check = verifyWebhookSignature(secret, delivery.headers["caseway-signature"] as string, delivery.body, delivery.at);
      expect(check.ok).toBe(true);
      expect(JSON.parse(delivery.body)).toMatchObject({ type: "letter-submitted", data: { record: { type: "lor", id: lor.id } } });
      expect(delivery.headers["caseway-event-id"]).toBe(JSON.parse(delivery.body).id);

      await page.getByRole("link", { name: "Go to the webhook's page" }).click();
      const log = page.getByRole("table", { name: /Deliveries of events/ });
      await expect(log).toContainText("Delivered");
      await expect(log).toContainText("204");
      await expect(page.getByText(secret)).toHaveCount(0);
      await page.screenshot({ path: path.join(SCREENS_DIR, "webhook-delivery-log.png"), fullPage: true });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
