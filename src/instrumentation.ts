// Runs once when a server instance starts: each instance joins the shared job queue (src/server/jobs/job-runner.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.CASEWAY_JOBS === "off") return;
  const [{ startJobRunner }, { log }] = await Promise.all([import("./server/jobs/job-runner"), import("./server/log")]);
  startJobRunner().catch((error: unknown) => log.error({ err: error }, "could not start the job runner"));
}
