import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { AbstractIntlMessages } from "next-intl";
import { DEFAULT_LOCALE, type Locale } from "./config";

/**
 * The message catalogue of a language: every JSON file in messages/<locale>/, each holding whole namespaces (one file
 * per area of the app, so areas are translated and reviewed apart). Read once per process; the files only change with
 * a deployment. "_meta" says whether a catalogue is machine-made and awaits review; it is not a message namespace.
 */
const loaded = new Map<Locale, AbstractIntlMessages>();

export function catalogueDirectory(locale: Locale): string {
  return path.join(process.cwd(), "messages", locale);
}

export function readCatalogue(locale: Locale): AbstractIntlMessages {
  const dir = catalogueDirectory(locale);
  const merged: AbstractIntlMessages = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const namespaces = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as AbstractIntlMessages;
    for (const [namespace, messages] of Object.entries(namespaces)) {
      if (namespace === "_meta") continue;
      merged[namespace] = messages;
    }
  }
  return merged;
}

/** The catalogue, with English beneath it: a message not yet translated shows in English rather than as its key. */
export function messagesFor(locale: Locale): AbstractIntlMessages {
  const cached = loaded.get(locale);
  if (cached) return cached;
  const own = readCatalogue(locale);
  const messages = locale === DEFAULT_LOCALE ? own : { ...messagesFor(DEFAULT_LOCALE), ...own };
  loaded.set(locale, messages);
  return messages;
}
