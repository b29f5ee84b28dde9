// Dev tool: times the dashboard use case against a database (e.g. the 100k-case one) as each role would load it.
//   DATABASE_URL=… node --import ./scripts/dev/allow-server-only.mjs --import tsx scripts/dev/time-dashboard.ts [rounds] [--snapshot]
// Each role's line says whether its figures were computed live or came from the all-cases snapshot. With --snapshot it
// also times, for the DSCA analyst, the live computation (forced), one refresh of the snapshot (the job's work), and
// the dashboard served from that fresh snapshot. The refresh writes the dashboard_snapshots row; nothing else is written.
import { computeDashboard } from "../../src/server/insight/dashboard-figures";
import { refreshDashboardSnapshot } from "../../src/server/insight/dashboard-snapshot";
import { getDashboard } from "../../src/server/insight/get-dashboard";
import { db } from "../../src/server/db";

const args = process.argv.slice(2);
const rounds = Number(args.find((a) => !a.startsWith("--")) ?? 5);
const withSnapshot = args.includes("--snapshot");

const pick = async (role: string) => {
  const user = await db().user.findFirstOrThrow({ where: { role: role as never, active: true }, orderBy: { email: "asc" } });
  return { userId: user.id, role: user.role, organizationId: user.organizationId, name: user.name, email: user.email } as never;
};
const time = async (label: string, run: () => Promise<unknown>) => {
  const times: number[] = [];
  let result: unknown;
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    result = await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(label, `median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms`, JSON.stringify(result).length, "bytes");
  return result;
};
const source = (view: { asOf: string; generatedAt: string }) => (view.asOf === view.generatedAt ? "live" : `snapshot as of ${view.asOf}`);

for (const role of ["DSCA_ANALYST", "IA_CASE_MANAGER", "PARTNER_OFFICER"]) {
  const actor = await pick(role);
  const view = (await time(role, () => getDashboard(actor, {}))) as Awaited<ReturnType<typeof getDashboard>>;
  console.log(`  (${source(view)})`);
}
if (withSnapshot) {
  const actor = await pick("DSCA_ANALYST");
  await time("DSCA_ANALYST live (computed, no snapshot read)", () => computeDashboard(db(), { kind: "ALL" }, {}, new Date()));
  const started = performance.now();
  await refreshDashboardSnapshot(db(), new Date());
  console.log(`snapshot refresh (the job's work) ${(performance.now() - started).toFixed(0)} ms`);
  const view = (await time("DSCA_ANALYST from the snapshot", () => getDashboard(actor, {}))) as Awaited<ReturnType<typeof getDashboard>>;
  console.log(`  (${source(view)})`);
}
process.exit(0);
