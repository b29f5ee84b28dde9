#!/usr/bin/env node
// Checks a Caseway webhook delivery the way a receiver must (docs/webhooks.md), with Node's own crypto and nothing
// else: the Caseway-Signature header's timestamp within 300 seconds of now, and its HMAC-SHA256 over
// "<timestamp>.<raw body>" under the subscription's signing secret.
//
//   node scripts/verify-webhook.mjs --secret whsec_… --header 't=1765000000,v1=ab12…' --body-file delivery.json
//   node scripts/verify-webhook.mjs --listen 4000 --secret whsec_…     # a receiver on 127.0.0.1:4000 that prints each check
//
// Exit status 0 when the signature verifies, 1 when it does not, 2 for wrong usage.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { parseArgs } from "node:util";

const TOLERANCE_SECONDS = 300;

/** The copy-pasteable check (docs/webhooks.md): true only for a fresh, untampered delivery signed with `secret`. */
export function verifyCasewaySignature(secret, header, rawBody, nowSeconds = Math.floor(Date.now() / 1000)) {
  if (typeof header !== "string") return false;
  const pairs = header.split(",").map((part) => part.trim().split("="));
  const timestamp = Number(pairs.find(([key]) => key === "t")?.[1]);
  const signatures = pairs.filter(([key, value]) => key === "v1" && /^[0-9a-f]{64}$/i.test(value ?? "")).map(([, value]) => value);
  if (!Number.isInteger(timestamp) || signatures.length === 0) return false;
  if (Math.abs(nowSeconds - timestamp) > TOLERANCE_SECONDS) return false;
  const expected = crypto.createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest();
  return signatures.some((hex) => {
    const given = Buffer.from(hex, "hex");
    return given.length === expected.length && crypto.timingSafeEqual(given, expected);
  });
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const { values } = parseArgs({
    options: { secret: { type: "string" }, header: { type: "string" }, "body-file": { type: "string" }, listen: { type: "string" } },
  });
  if (!values.secret || (!values.listen && (!values.header || !values["body-file"]))) {
    console.error("Usage: verify-webhook.mjs --secret <whsec_…> (--header <Caseway-Signature> --body-file <file> | --listen <port>)");
    process.exit(2);
  }
  if (values.listen) {
    http
      .createServer((request, response) => {
        const chunks = [];
        request.on("data", (chunk) => chunks.push(chunk));
        request.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          const ok = verifyCasewaySignature(values.secret, request.headers["caseway-signature"], raw);
          console.log(`${new Date().toISOString()} event ${request.headers["caseway-event-id"]}: ${ok ? "signature verifies" : "REFUSED"}`);
          if (ok) console.log(raw);
          response.statusCode = ok ? 204 : 401;
          response.end();
        });
      })
      .listen(Number(values.listen), "127.0.0.1", () => console.log(`Listening on http://127.0.0.1:${values.listen}/`));
  } else {
    const raw = fs.readFileSync(values["body-file"], "utf8");
    const ok = verifyCasewaySignature(values.secret, values.header, raw);
    console.log(ok ? "The signature verifies." : "The signature does NOT verify (wrong secret, changed body, or older than 5 minutes).");
    process.exit(ok ? 0 : 1);
  }
}
