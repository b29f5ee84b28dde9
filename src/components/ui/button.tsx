import type { ButtonHTMLAttributes } from "react";

const VARIANTS = {
  primary: "bg-primary text-white hover:bg-primary-dark active:bg-primary-darker",
  secondary: "bg-white text-primary ring-2 ring-inset ring-primary hover:bg-primary-lighter",
  danger: "bg-secondary-dark text-white hover:bg-[#8b0a03]",
  unstyled: "text-primary underline hover:text-primary-dark",
} as const;

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  const shape = variant === "unstyled" ? "" : "rounded px-5 py-2.5 font-bold";
  return (
    <button
      {...props}
      className={`${shape} ${VARIANTS[variant]} disabled:cursor-not-allowed disabled:opacity-60 ${className}`}
    />
  );
}

/** The same look for links that act as buttons. */
export const buttonLinkClass =
  "inline-block rounded bg-primary px-5 py-2.5 font-bold text-white no-underline visited:text-white hover:bg-primary-dark hover:text-white";
