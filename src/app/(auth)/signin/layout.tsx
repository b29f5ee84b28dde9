import { AreaMessages } from "@/components/area-messages";

/** This area's messages for its client components (src/i18n/message-scopes.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="signin">{children}</AreaMessages>;
}
