import type { ReactNode } from "react";

/** A titled part of a public page (accessibility, privacy, help): an h2 and its text. */
export function PublicSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl text-primary-darker">
        {title}
      </h2>
      {children}
    </section>
  );
}

export const listClass = "list-disc space-y-1 ps-6";

/** Where people write to; the same address on all three pages. */
export const SUPPORT_EMAIL = "caseway-support@dsca.example";

/** The tags the public pages' messages use inside a sentence (t.rich): emphasis and keys. */
export const richTags = {
  strong: (chunks: ReactNode) => <strong>{chunks}</strong>,
  kbd: (chunks: ReactNode) => <kbd>{chunks}</kbd>,
};
