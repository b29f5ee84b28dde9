import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * The pager of one My tasks section: its own page parameter (`param`), the others kept, and back to the section's
 * anchor, so paging one list leaves the rest of the page where it is.
 */
export function SectionPager({
  page,
  pageSize,
  total,
  params,
  param,
  anchor,
  label,
  basePath = "/tasks",
}: {
  page: number;
  pageSize: number;
  total: number;
  params: Record<string, string>;
  param: string;
  anchor: string;
  label: string;
  basePath?: string;
}) {
  const t = useTranslations("UiPagination");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (to: number) => `${basePath}?${new URLSearchParams({ ...params, [param]: String(to) })}#${anchor}`;
  return (
    <nav aria-label={label} className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 ? <Link href={href(page - 1)}>{t("previous")}</Link> : <span>{t("previous")}</span>}
      <span>{t("pageOf", { page, pages })}</span>
      {page < pages ? <Link href={href(page + 1)}>{t("next")}</Link> : <span>{t("next")}</span>}
    </nav>
  );
}
