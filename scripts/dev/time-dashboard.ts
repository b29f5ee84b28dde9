// Dev tool: times the dashboard use case against a database (e.g. the 100k-case one) as each role would load it.
//   DATABASE_URL=… node --import ./scripts/dev/allow-server-only.mjs --import tsx scripts/dev/time-dashboard.ts [rounds]
import { getDashboard } from "../../src/server/insight/get-dashboard";
import { db } from "../../src/server/db";

const rounds = Number(process.argv[2] ?? 5);
const pick = async (role: string) => {
  const user = await db().user.findFirstOrThrow({ where: { role: role as never, active: true }, orderBy: { email: "asc" } });
  return { userId: user.id, role: user.role, organizationId: user.organizationId, name: user.name, email: user.email } as never;
};
for (const role of ["DSCA_ANALYST", "IA_CASE_MANAGER", "PARTNER_OFFICER"]) {
  const actor = await pick(role);
  const times: number[] = [];
  let view;
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    view = await getDashboard(actor, {});
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(role, `median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms`, JSON.stringify(view).length, "bytes");
}
process.exit(0);
