// Runs once when a server instance starts: each instance joins the shared job queue (src/server/jobs/job-runner.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.CASEWAY_JOBS === "off") return;
  const { startJobRunner } = await import("./server/jobs/job-runner");
  startJobRunner().catch((error: unknown) => console.error("[jobs] could not start the job runner", error));
}
