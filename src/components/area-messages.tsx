import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { areaNamespaces, everywhereNamespaces, type Area } from "@/i18n/message-scopes";

/**
 * The messages client components under it may ask for (src/i18n/message-scopes.ts): the root layout's frame, or an
 * area's layout adding its own. A nested provider replaces the one above it, so each carries everything beneath it needs.
 */
export async function AreaMessages({ area, children }: { area?: Area; children: ReactNode }) {
  const messages = await getMessages();
  const namespaces = area ? areaNamespaces(area) : everywhereNamespaces();
  const picked = Object.fromEntries(namespaces.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]!]));
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
