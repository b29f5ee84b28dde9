import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { currentActor } from "@/server/auth/actor";
import { SignInForm } from "./signin-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (await currentActor()) redirect("/");
  const params = await searchParams;
  return (
    <div className="flex flex-1 flex-col">
      <header className="border-b border-base-lighter bg-white">
        <div className="mx-auto max-w-6xl px-4 py-4">
          <p className="text-2xl font-bold text-primary-darker">Caseway</p>
          <p className="text-sm text-base-dark">Foreign Military Sales case management</p>
        </div>
      </header>
      <main id="main-content" className="mx-auto grid w-full max-w-6xl flex-1 gap-8 px-4 py-10 md:grid-cols-2">
        <section className="rounded border border-base-lighter bg-white p-6 shadow-sm md:p-8" aria-labelledby="signin-heading">
          <h1 id="signin-heading" className="mb-2 text-3xl">
            Sign in
          </h1>
          <p className="mb-6 text-base-dark">Use the email address your Caseway administrator registered for you.</p>
          {params.ended && (
            <div className="mb-4">
              <Alert type="warning" title="Your session has ended" testId="session-ended">
                You were signed out because your session expired or your account changed. Sign in again to continue.
              </Alert>
            </div>
          )}
          {params.signedout && (
            <div className="mb-4">
              <Alert type="success" title="You have signed out" testId="signed-out" />
            </div>
          )}
          <SignInForm />
        </section>
        <section className="self-center" aria-labelledby="about-heading">
          <h2 id="about-heading" className="mb-3 text-xl text-primary-darker">
            One place for every Foreign Military Sales case
          </h2>
          <ul className="list-disc space-y-2 pl-5 text-base-darker">
            <li>Partner nations submit Letters of Request and follow them to an offer.</li>
            <li>DSCA, State and DTSA review in parallel, each with its own queue and deadlines.</li>
            <li>Implementing agencies build and price the Letter of Offer and Acceptance.</li>
            <li>Each country sees only its own cases, and every decision is audited.</li>
          </ul>
          <p className="mt-6 text-sm text-base-dark">
            This is a U.S. Government information system. Use is monitored and recorded; unauthorized use is prohibited.
          </p>
        </section>
      </main>
    </div>
  );
}
