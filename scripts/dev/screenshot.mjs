// Takes screenshots of Caseway pages for a person to look at: node scripts/dev/screenshot.mjs <email> <out-dir> <path>...
import { chromium } from "@playwright/test";
const [email, outDir, ...paths] = process.argv.slice(2);
const base = process.env.BASE_URL ?? "http://localhost:3000";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: Number(process.env.WIDTH ?? 1280), height: 900 } });
if (email !== "-") {
  await page.goto(`${base}/signin`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(process.env.PASSWORD ?? "Caseway-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/signin"), { timeout: 60000 }).catch(() => {});
}
for (const p of paths) {
  await page.goto(`${base}${p}`, { timeout: 120000 });
  const name = p.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "root";
  await page.screenshot({ path: `${outDir}/${email.split("@")[0]}-${name}.png`, fullPage: true });
}
await browser.close();
