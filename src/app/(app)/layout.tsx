import { LiveProvider } from "@/components/live/live-provider";
import { SiteHeader } from "@/components/site-header";
import { requireActor } from "@/server/auth/actor";
import { countUnread } from "@/server/notifications/list-notifications";
import { signOutAction } from "./actions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const unreadNotices = await countUnread(actor);
  return (
    <LiveProvider>
      <SiteHeader actor={actor} signOut={signOutAction} unreadNotices={unreadNotices} />
      <main id="main-content" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
    </LiveProvider>
  );
}
