import { SiteHeader } from "@/components/site-header";
import { requireActor } from "@/server/auth/actor";
import { signOutAction } from "./actions";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <>
      <SiteHeader actor={actor} signOut={signOutAction} />
      <main id="main-content" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
    </>
  );
}
