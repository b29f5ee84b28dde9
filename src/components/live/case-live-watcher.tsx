"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormTouched, useLiveEvents, useWatchCase } from "./live-provider";

/**
 * Keeps a case's page current (issue 15 item 4): when the case changes, the page refreshes in place — unless the
 * person has started filling in a form, whose entries a refresh could lose and whose action would meet a newer
 * version. Then it says so and offers a reload, instead of a surprise "someone else changed this case" on submit.
 */
export function CaseLiveWatcher({ caseId, version }: { caseId: string; version?: number }) {
  const t = useTranslations("LiveCaseWatcher");
  const router = useRouter();
  const [stale, setStale] = useState(false);
  const touched = useFormTouched();
  useWatchCase(caseId);

  useLiveEvents((event) => {
    if (event.type !== "case") return;
    // A signal about the version this page already shows (the person's own change) needs nothing.
    if (event.version !== null && version !== undefined && event.version <= version) return;
    if (touched.current) setStale(true);
    else router.refresh();
  });

  if (!stale) return null;
  return (
    <div role="alert" className="sticky top-0 z-20 mb-4 border-s-8 border-warning bg-warning-lighter p-4 shadow" data-testid="case-changed">
      <p className="font-bold">{t("title")}</p>
      <p className="mt-1">{t("body")}</p>
      <button
        type="button"
        onClick={() => window.location.reload()}
        className="mt-3 rounded bg-primary px-4 py-2 font-bold text-white hover:bg-primary-dark"
      >
        {t("reload")}
      </button>
    </div>
  );
}
