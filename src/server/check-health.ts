import "server-only";
import { db, poolTimeoutMs } from "./db";

/**
 * Database reachability for load balancers and the compose health check: 503 when PostgreSQL is down, restarting or
 * does not answer in time. Bounded, so a database that accepts connections but never answers still gets a verdict.
 */
export async function checkHealth(): Promise<{ status: "ok" | "unavailable"; database: "up" | "down"; latencyMs: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("health check timed out")), poolTimeoutMs() + 1_000);
  });
  try {
    await Promise.race([db().$queryRaw`SELECT 1`, timeout]);
    return { status: "ok", database: "up", latencyMs: Math.round(performance.now() - started) };
  } catch {
    return { status: "unavailable", database: "down", latencyMs: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}
