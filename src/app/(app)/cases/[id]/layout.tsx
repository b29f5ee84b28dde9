import { AreaMessages } from "@/components/area-messages";

/** A case's pages: its forms, LOA builder, execution, money and closure (src/i18n/message-scopes.ts). */
export default function Layout({ children }: { children: React.ReactNode }) {
  return <AreaMessages area="case">{children}</AreaMessages>;
}
