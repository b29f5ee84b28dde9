// Prints failed requests and console errors/warnings of one page for a signed-in user, to catch what a screenshot hides:
// EMAIL=partner.bn@caseway.example node scripts/dev/console-check.mjs /lors/new   (BASE_URL as for screenshot.mjs)
import { chromium } from "@playwright/test";
const [path] = process.argv.slice(2);
const base = process.env.BASE_URL ?? "http://localhost:3000";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox"] });
const page = await browser.newPage();
page.on("response", (r) => { if (r.status() >= 400) console.log("HTTP", r.status(), r.url()); });
page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log(m.type(), m.text().slice(0, 1500)); });
await page.goto(`${base}/signin`);
await page.getByLabel("Email address").fill(process.env.EMAIL ?? "partner.bn@caseway.example");
await page.getByLabel("Password").fill("Caseway-demo-2026");
await page.getByRole("button", { name: "Sign in" }).click();
await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
await page.goto(`${base}${path}`);
await page.waitForTimeout(3000);
await browser.close();
