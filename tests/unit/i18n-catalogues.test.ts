// The message catalogues (issue 16 §1, docs/i18n.md): every language has every key English has and no other, with the
// same placeholders and tags, and every message formats; the Labels namespace is the domain's own English; and every
// key the code asks for exists.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES } from "@/i18n/client-namespaces";
import { scanClientNamespaces } from "@/i18n/client-namespace-scan";
import { englishEmailCatalogue } from "@/i18n/email-catalogue";
import { LABEL_TABLES } from "@/i18n/label-tables";
import { BINDING_COMMITMENTS } from "@/domain/workflow/binding-confirmation";
import { CASE_EVENTS } from "@/domain/workflow/case-workflow";
import { CLOSURE_TYPE_EXPLANATIONS, CLOSURE_TYPE_LABELS } from "@/domain/execution/closure";
import { LINE_STATUS_LABELS as LINE_EXECUTION_STATUS_LABELS } from "@/domain/execution/lines";
import { SDR_TYPE_HINTS } from "@/domain/execution/sdr";
import { EXECUTION_EVENTS } from "@/domain/execution/timeline";
import { CASE_OPENED_LABELS } from "@/domain/cases/case-event-view";
import { LOCALES, intlLocaleOf, type Locale } from "@/i18n/config";

type Tree = { [key: string]: string | Tree };
const root = path.resolve(__dirname, "../..");

function catalogueFiles(locale: Locale): Record<string, Tree> {
  const dir = path.join(root, "messages", locale);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => [f, JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Tree]),
  );
}

function merged(locale: Locale): Tree {
  const out: Tree = {};
  for (const namespaces of Object.values(catalogueFiles(locale))) {
    for (const [ns, messages] of Object.entries(namespaces)) if (ns !== "_meta") out[ns] = messages;
  }
  return out;
}

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

/** The arguments ({name}, {count, plural, …}) and tags (<link>) a message uses, from the ICU parser's tree. */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.tag) {
        found.add(`<${element.value}>`);
        walk(element.children);
      } else if (element.type === TYPE.select || element.type === TYPE.plural) {
        found.add(`{${element.value}}`);
        for (const option of Object.values(element.options)) walk(option.value);
      } else if (element.type !== TYPE.literal && element.type !== TYPE.pound) {
        found.add(`{${element.value}}`);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

const english = flatten(merged("en"));

describe("message catalogues", () => {
  it("English has messages, and no namespace is defined by two files", () => {
    expect(english.size).toBeGreaterThan(200);
    for (const locale of LOCALES) {
      const seen = new Map<string, string>();
      for (const [file, namespaces] of Object.entries(catalogueFiles(locale))) {
        for (const ns of Object.keys(namespaces)) {
          if (ns === "_meta") continue;
          expect(seen.get(ns), `${locale}: namespace ${ns} in ${file} and ${seen.get(ns)}`).toBeUndefined();
          seen.set(ns, file);
        }
      }
    }
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s has exactly English's keys, the same placeholders, and is marked machine-made until reviewed", (locale) => {
    const own = flatten(merged(locale));
    const missing = [...english.keys()].filter((k) => !own.has(k));
    const extra = [...own.keys()].filter((k) => !english.has(k));
    expect(missing, `missing in ${locale}`).toEqual([]);
    expect(extra, `not in English`).toEqual([]);
    const differing = [...english].filter(([k, v]) => placeholders(v).join() !== placeholders(own.get(k)!).join()).map(([k]) => k);
    expect(differing, `placeholders differ in ${locale}`).toEqual([]);
    for (const [file, namespaces] of Object.entries(catalogueFiles(locale))) {
      const meta = namespaces._meta as Tree | undefined;
      expect(meta?.translation, `${locale}/${file} says how it was translated`).toMatch(/^(machine|human)$/);
    }
  });

  it.each([...LOCALES])("every %s message formats with sample values", (locale) => {
    const messages = merged(locale);
    const errors: string[] = [];
    const t = createTranslator({ locale: intlLocaleOf(locale), messages, timeZone: "UTC", onError: (e) => errors.push(e.message) });
    for (const [key, message] of flatten(messages)) {
      const values: Record<string, unknown> = {};
      for (const p of placeholders(message)) {
        const name = p.slice(1, -1);
        values[name] = p.startsWith("<") ? (chunks: unknown) => `[${String(chunks)}]` : 2;
      }
      const out = t.markup(key as never, values as never);
      expect(typeof out).toBe("string");
    }
    expect(errors).toEqual([]);
  });

  it("Labels in English are the domain's own label tables, so a page and the API say the same thing", () => {
    const labels = merged("en").Labels as Tree;
    expect(labels).toEqual(JSON.parse(JSON.stringify(LABEL_TABLES)));
  });

  it("case events, binding commitments, closure types, SDR hints and line statuses in English are the domain's own words", () => {
    const cases = merged("en");
    const events = Object.fromEntries(Object.entries(CASE_EVENTS).map(([event, def]) => [event, { label: def.label, pastTense: def.pastTense }]));
    expect(cases.CaseEvents).toEqual(events);
    expect((cases.CaseBinding as Tree).commitments).toEqual(BINDING_COMMITMENTS);
    expect(cases.ClosureTypes).toEqual({ label: CLOSURE_TYPE_LABELS, explanation: CLOSURE_TYPE_EXPLANATIONS });
    expect((cases.SdrForms as Tree).typeHint).toEqual(SDR_TYPE_HINTS);
    expect(cases.ExecLineStatus).toEqual(LINE_EXECUTION_STATUS_LABELS);
    expect(cases.ExecEvents).toEqual(Object.fromEntries(Object.entries(EXECUTION_EVENTS).map(([action, def]) => [action.replace(".", "_"), def.label])));
    expect(cases.CaseOpened).toEqual(CASE_OPENED_LABELS);
  });

  it("Email in English is the domain's own e-mail wording (regenerate with scripts/i18n/email.ts)", () => {
    expect(merged("en").Email).toEqual(englishEmailCatalogue());
  });
});

/** Source files, and the namespace each `t` is bound to, with the literal keys it asks for. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(tsx?|mts)$/.test(entry.name) ? [full] : [];
  });
}

describe("the code's messages", () => {
  it("every literal key the code asks for exists in English", () => {
    const missing: string[] = [];
    for (const file of sourceFiles(path.join(root, "src"))) {
      const text = readFileSync(file, "utf8");
      // Each `t` is bound to a namespace; a call belongs to the nearest binding of its name before it (a file may hold
      // several components, each with its own `t`). Destructured Promise.all([... getTranslations("Ns") ...]) counts too.
      const bindings: { name: string; namespace: string; at: number }[] = [];
      for (const m of text.matchAll(/const\s+(\w+)\s*=\s*(?:await\s+)?(?:getTranslations|useTranslations)\(\s*"([^"]+)"\s*\)/g)) {
        bindings.push({ name: m[1]!, namespace: m[2]!, at: m.index });
      }
      for (const m of text.matchAll(/const\s+\[([^\]]+)\]\s*=\s*await\s+Promise\.all\(\[([\s\S]*?)\]\)/g)) {
        const names = m[1]!.split(",").map((s) => s.trim());
        const calls = m[2]!.split(/,\s*(?![^()]*\))/).map((s) => s.trim());
        names.forEach((name, i) => {
          const namespace = /^(?:getTranslations|useTranslations)\(\s*"([^"]+)"\s*\)$/.exec(calls[i] ?? "")?.[1];
          if (namespace) bindings.push({ name, namespace, at: m.index });
        });
      }
      for (const name of new Set(bindings.map((b) => b.name))) {
        const mine = bindings.filter((b) => b.name === name).sort((a, b) => a.at - b.at);
        for (const call of text.matchAll(new RegExp(`\\b${name}(?:\\.rich|\\.markup|\\.raw|\\.has)?\\(\\s*"([^"]+)"`, "g"))) {
          const binding = mine.filter((b) => b.at < call.index).at(-1);
          if (!binding) continue;
          const key = `${binding.namespace}.${call[1]}`;
          if (!english.has(key) && ![...english.keys()].some((k) => k.startsWith(`${key}.`))) missing.push(`${path.relative(root, file)}: ${key}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("the browser is sent every namespace a component may ask for there (regenerate with scripts/i18n/client-namespaces.ts)", () => {
    expect([...CLIENT_NAMESPACES]).toEqual(scanClientNamespaces(path.join(root, "src")));
  });
});
