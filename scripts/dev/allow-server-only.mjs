// Dev tools only: lets a plain Node script import use cases that start with `import "server-only"` (Next and vitest
// resolve it to nothing; plain Node would throw). Use: node --import ./scripts/dev/allow-server-only.mjs --import tsx …
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  return next(specifier, context);
}`),
);
