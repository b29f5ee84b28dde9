// Everything the harness starts registers how to undo it here. `runCleanup` undoes it all (last first) on success,
// failure, Ctrl-C or SIGTERM; `emergencyCleanup` is the synchronous last resort when the process exits without it.

type Step = { label: string; run: () => Promise<void>; emergency?: () => void };

const steps: Step[] = [];
let running: Promise<void> | null = null;

/** Registers an undo step; returns a function that runs it now (and forgets it). */
export function onCleanup(label: string, run: () => Promise<void>, emergency?: () => void): () => Promise<void> {
  const step: Step = { label, run, emergency };
  steps.push(step);
  return async () => {
    const index = steps.indexOf(step);
    if (index >= 0) steps.splice(index, 1);
    await run();
  };
}

export function runCleanup(): Promise<void> {
  running ??= (async () => {
    while (steps.length > 0) {
      const step = steps.pop()!;
      try {
        await step.run();
      } catch (error) {
        console.error(`[bench] cleanup "${step.label}" failed:`, error instanceof Error ? error.message : error);
      }
    }
  })();
  return running;
}

function emergencyCleanup() {
  for (const step of [...steps].reverse()) {
    try {
      step.emergency?.();
    } catch {
      // best effort: the process is exiting
    }
  }
}

/** Ctrl-C and SIGTERM clean up, then exit 130/143; a second signal exits at once after the synchronous steps. */
export function installSignalHandlers(log: (line: string) => void) {
  let signalled = false;
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const) {
    process.on(signal, () => {
      if (signalled) {
        emergencyCleanup();
        process.exit(code);
      }
      signalled = true;
      log(`${signal}: stopping servers and PostgreSQL, removing temporary files…`);
      void runCleanup().finally(() => process.exit(code));
    });
  }
  process.on("exit", emergencyCleanup);
}
