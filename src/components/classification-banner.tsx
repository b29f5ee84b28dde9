import { env } from "@/env";

/** The marking banner shown at the top and bottom of every page; CLASSIFICATION_BANNER sets its text. */
export function ClassificationBanner({ position }: { position: "top" | "bottom" }) {
  const marking = env().CLASSIFICATION_BANNER;
  if (!marking) return null;
  return (
    <div
      className="bg-cui py-0.5 text-center text-sm font-bold uppercase tracking-wide text-white"
      role="note"
      aria-label={`Classification marking (${position}): ${marking}`}
      data-testid={`classification-${position}`}
    >
      {marking}
    </div>
  );
}
