"use client";

import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

/** What the server's live stream says (src/server/live/open-live-stream.ts): a notice arrived, or the watched case changed. */
export type LiveEvent = { type: "ready" } | { type: "notice" } | { type: "case"; version: number | null };
type Listener = (event: LiveEvent) => void;

const LiveContext = createContext<{ subscribe: (listener: Listener) => () => void; watchCase: (caseId: string | null) => void } | null>(null);

/**
 * One live connection per tab (Server-Sent Events): the header's bell and the page's watchers share it. A case's page,
 * once it has loaded (so the person may see the case), asks it to watch that case too. EventSource reconnects by
 * itself; each new connection says "ready", so listeners can catch up on anything missed while it was down.
 */
export function LiveProvider({ children }: { children: ReactNode }) {
  const [caseId, watchCase] = useState<string | null>(null);
  const listeners = useRef(new Set<Listener>());

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/v1/live${caseId ? `?case=${caseId}` : ""}`);
    const emit = (event: LiveEvent) => listeners.current.forEach((listener) => listener(event));
    source.addEventListener("ready", () => {
      // Says on the page which case the open stream watches ("" for none): tests wait for it before changing a case.
      document.documentElement.dataset.liveCase = caseId ?? "";
      emit({ type: "ready" });
    });
    source.addEventListener("notice", () => emit({ type: "notice" }));
    source.addEventListener("case", (message) => {
      const data = JSON.parse((message as MessageEvent<string>).data || "{}") as { version?: number | null };
      emit({ type: "case", version: data.version ?? null });
    });
    return () => source.close();
  }, [caseId]);

  const value = useMemo(
    () => ({
      subscribe: (listener: Listener) => {
        listeners.current.add(listener);
        return () => void listeners.current.delete(listener);
      },
      watchCase,
    }),
    [],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

/** Calls `listener` with each live event while the component is mounted (the latest listener, without resubscribing). */
export function useLiveEvents(listener: Listener) {
  const live = useContext(LiveContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => live?.subscribe((event) => latest.current(event)), [live]);
}

/** Watches a case on the shared connection while the component is mounted. */
export function useWatchCase(caseId: string) {
  const live = useContext(LiveContext);
  useEffect(() => {
    live?.watchCase(caseId);
    return () => live?.watchCase(null);
  }, [live, caseId]);
}

/**
 * Whether the person has entries on the page that a refresh would lose: typed into a form and not yet sent, or sent
 * and answered with a problem (the form keeps what they wrote, to correct and send again, and a refresh would remount
 * it empty). Sending a form clears the first (what follows is their own change).
 */
export function useFormTouched(): { readonly current: boolean } {
  const typed = useRef(false);
  useEffect(() => {
    const main = document.getElementById("main-content");
    const mark = (event: Event) => {
      if (event.target instanceof Element && event.target.closest("form")) typed.current = true;
    };
    const sent = () => {
      typed.current = false;
    };
    main?.addEventListener("input", mark);
    main?.addEventListener("change", mark);
    main?.addEventListener("submit", sent);
    return () => {
      main?.removeEventListener("input", mark);
      main?.removeEventListener("change", mark);
      main?.removeEventListener("submit", sent);
    };
  }, []);
  // Read when a live event arrives, never during render.
  const [entries] = useState(() => ({
    get current() {
      return typed.current || document.querySelector("#main-content form [role='alert']") !== null;
    },
  }));
  return entries;
}
