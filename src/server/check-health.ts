import "server-only";
import { db } from "./db";

/** Database reachability for load balancers and the compose health check. */
export async function checkHealth(): Promise<{ status: "ok" | "unavailable"; database: "up" | "down"; latencyMs: number }> {
  const started = performance.now();
  try {
    await db().$queryRaw`SELECT 1`;
    return { status: "ok", database: "up", latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: "unavailable", database: "down", latencyMs: Math.round(performance.now() - started) };
  }
}
