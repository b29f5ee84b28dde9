import { SiteHeader } from "@/components/site-header";
import { requireActor } from "@/server/auth/actor";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  return (
    <>
      <SiteHeader actor={actor} />
      <main id="main-content" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
    </>
  );
}
