import Link from "next/link";

export default function NotFound() {
  return (
    <section className="mx-auto w-full max-w-3xl flex-1 px-4 py-16" aria-labelledby="problem-heading">
      <h1 id="problem-heading" className="mb-3 text-3xl text-primary-darker">Page not found</h1>
      <p className="mb-6 text-base-darker">
        The page or record you asked for does not exist, or it is not shared with you.
      </p>
      <Link href="/">Go to your home page</Link>
    </section>
  );
}
