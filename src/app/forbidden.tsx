import Link from "next/link";

export default function Forbidden() {
  return (
    <section className="mx-auto w-full max-w-3xl flex-1 px-4 py-16" aria-labelledby="problem-heading">
      <h1 id="problem-heading" className="mb-3 text-3xl text-primary-darker">You do not have access to this page</h1>
      <p className="mb-6 text-base-darker">
        Your role does not include this part of Caseway. If you need it for your work, ask a Caseway administrator.
      </p>
      <Link href="/">Go to your home page</Link>
    </section>
  );
}
