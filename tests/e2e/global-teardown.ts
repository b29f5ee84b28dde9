// After the whole end-to-end run: the server's log (every request it served, every error) must not contain a password,
// an API token or a session cookie, whatever the journeys typed or were shown (issue 14: operable, safe logs).
import fs from "node:fs";
import { E2E_SERVER_LOG } from "../../playwright.config";
import { DEMO_PASSWORD } from "./helpers";

const SECRETS: [string, RegExp][] = [
  ["the demo password", new RegExp(DEMO_PASSWORD.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))],
  ["an API token", /cwt_[A-Za-z0-9_-]{8,}/],
  ["a session cookie", /authjs\.session-token=|__Secure-authjs/],
  ["an Authorization header", /Bearer\s+\S{8,}/i],
];

export default function searchServerLogForSecrets() {
  const lines = fs.readFileSync(E2E_SERVER_LOG, "utf8").split("\n");
  const requests = lines.filter((line) => line.includes('"msg":"request"'));
  // The search means nothing if the server stopped logging requests.
  if (requests.length < 1) throw new Error(`${E2E_SERVER_LOG} holds only ${requests.length} request lines: is the request log working?`);
  const leaks = lines.flatMap((line, index) =>
    SECRETS.filter(([, pattern]) => pattern.test(line)).map(([what]) => `line ${index + 1}: ${what}: ${line.slice(0, 200)}`),
  );
  if (leaks.length) throw new Error(`The server log contains secrets:\n${leaks.slice(0, 20).join("\n")}`);
}
