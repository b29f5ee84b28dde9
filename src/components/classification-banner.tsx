import { getTranslations } from "next-intl/server";
import { env } from "@/env";

/** The marking banner shown at the top and bottom of every page; CLASSIFICATION_BANNER sets its text (not translated: it is a marking). */
export async function ClassificationBanner({ position }: { position: "top" | "bottom" }) {
  const marking = env().CLASSIFICATION_BANNER;
  if (!marking) return null;
  const t = await getTranslations("Shell");
  return (
    <div
      className="bg-cui py-0.5 text-center text-sm font-bold uppercase tracking-wide text-white"
      role="note"
      aria-label={t(position === "top" ? "markingTop" : "markingBottom", { marking })}
      data-testid={`classification-${position}`}
    >
      {marking}
    </div>
  );
}
