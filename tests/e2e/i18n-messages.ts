import fs from "node:fs";
import path from "node:path";

// The catalogues the app speaks from (messages/<locale>/*.json), so a journey in Arabic or French finds its buttons and
// headings by the words the page shows, and fails when a page shows English instead.

type Tree = { [key: string]: string | Tree };
const cache = new Map<string, Tree>();

function catalogue(locale: string): Tree {
  let merged = cache.get(locale);
  if (!merged) {
    merged = {};
    const dir = path.join("messages", locale);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
      const namespaces = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Tree;
      for (const [ns, messages] of Object.entries(namespaces)) if (ns !== "_meta") merged[ns] = messages;
    }
    cache.set(locale, merged);
  }
  return merged;
}

/** The message at "Namespace.key.sub" in `locale`, with {placeholders} filled from `values`. */
export function msg(locale: string, key: string, values: Record<string, string | number> = {}): string {
  let node: string | Tree | undefined = catalogue(locale);
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") throw new Error(`no message ${key} in ${locale}`);
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
