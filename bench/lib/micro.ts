// P5 and P7: the existing single-process benchmarks, run as child processes (each prints its own baselines and verdict);
// their timing lines are parsed here.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);
const require = createRequire(import.meta.url);

export interface MicroRun {
  median: number;
  p95: number;
  baselineMedian: number;
  detail: string;
}

async function runScript(root: string, script: string, args: string[] = []): Promise<string> {
  const { stdout } = await execFileAsync(process.execPath, [require.resolve("tsx/cli"), path.join(root, script), ...args], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
    timeout: 20 * 60_000,
  });
  return stdout;
}

function timing(stdout: string, rowPattern: RegExp, script: string) {
  const match = new RegExp(`${rowPattern.source}.*?median\\s+([\\d.]+) ms\\s+p95\\s+([\\d.]+) ms`).exec(stdout);
  if (!match) throw new Error(`Could not find ${rowPattern} in the output of ${script}:\n${stdout}`);
  return { median: Number(match[match.length - 2]), p95: Number(match[match.length - 1]) };
}

/** bench/loa-pdf.bench.ts: the ten-page LOA, with the bare-pdfkit baseline. */
export async function runLoaPdf(root: string): Promise<MicroRun> {
  const script = "bench/loa-pdf.bench.ts";
  const out = await runScript(root, script);
  const loa = timing(out, /ten-page LOA \(/, script);
  const bare = timing(out, /baseline: bare pdfkit/, script);
  const pages = /ten-page LOA \((\d+) lines, (\d+) pages/.exec(out);
  return { ...loa, baselineMedian: bare.median, detail: pages ? `${pages[2]} pages, ${pages[1]} line rows` : "" };
}

/** bench/pricing.bench.ts: 1,000 lines priced, with the decimal.js sum baseline. */
export async function runPricing(root: string): Promise<MicroRun> {
  const script = "bench/pricing.bench.ts";
  const out = await runScript(root, script);
  const engine = timing(out, /priceLoa \+ notification \+ payment schedule/, script);
  const base = timing(out, /baseline: sum 1,000 amounts/, script);
  return { ...engine, baselineMedian: base.median, detail: "1,000 lines" };
}
