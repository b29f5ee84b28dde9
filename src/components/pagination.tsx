import Link from "next/link";
import { useTranslations } from "next-intl";

export function Pagination({
  page,
  pageSize,
  total,
  params,
  basePath,
}: {
  page: number;
  pageSize: number;
  total: number;
  params: Record<string, string>;
  basePath: string;
}) {
  const t = useTranslations("UiPagination");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (p: number) => `${basePath}?${new URLSearchParams({ ...params, page: String(p) })}`;
  return (
    <nav aria-label={t("label")} className="mt-4 flex items-center gap-4 text-sm">
      {page > 1 ? <Link href={href(page - 1)}>{t("previous")}</Link> : <span className="text-base-dark">{t("previous")}</span>}
      <span>{t("pageOf", { page, pages })}</span>
      {page < pages ? <Link href={href(page + 1)}>{t("next")}</Link> : <span className="text-base-dark">{t("next")}</span>}
    </nav>
  );
}
