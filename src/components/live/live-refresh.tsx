"use client";

import { useRouter } from "next/navigation";
import { useFormTouched, useLiveEvents } from "./live-provider";

/**
 * Refreshes a list page (My tasks, notifications) when the person receives a notice — new work or news arrived —
 * unless they are filling in a form on it.
 */
export function LiveRefresh() {
  const router = useRouter();
  const touched = useFormTouched();
  useLiveEvents((event) => {
    if (event.type === "notice" && !touched.current) router.refresh();
  });
  return null;
}
