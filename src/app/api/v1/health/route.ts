import { checkHealth } from "@/server/check-health";

export async function GET() {
  const health = await checkHealth();
  const ok = health.status === "ok";
  // A load balancer or client backing off gets the same hint as every other 503 (src/server/unavailable.ts).
  return Response.json(health, { status: ok ? 200 : 503, headers: { "cache-control": "no-store", ...(ok ? {} : { "retry-after": "5" }) } });
}
