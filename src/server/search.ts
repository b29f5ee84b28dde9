/**
 * Prisma turns `contains` / `startsWith` into LIKE without escaping, so a typed "%" or "_" would act as a wildcard.
 * Escape them (and the escape character) so search text is always literal.
 */
export function literalLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
