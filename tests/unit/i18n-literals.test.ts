// No user-visible English in components (issue 16 §1): text between JSX tags, and the attributes people read or hear
// (aria-label, title, placeholder, alt, and our components' label/hint/lead/legend), come from the message
// catalogues. A string built in code and passed along is not seen here; the catalogue test and review catch those.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const READ_ATTRIBUTES = new Set(["aria-label", "aria-description", "title", "placeholder", "alt", "label", "hint", "lead", "legend"]);
/** Text that is the same in every language: the product's name, marks and symbols. */
const SAME_EVERYWHERE = new Set(["Caseway", "https://"]);
/** Elements whose text is code or an identifier, not language. */
const VERBATIM = new Set(["code", "kbd", "samp"]);

function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "api" ? [] : tsxFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

const isLanguage = (text: string) => /[a-z]{2,}/.test(text) && !SAME_EVERYWHERE.has(text.trim());

const COMPARISONS = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.InKeyword]);

/**
 * A string in a JSX child expression that reaches the page as text: `{open ? "Close menu" : "Menu"}`, `{x ?? "none"}`.
 * Not a call's argument (a message key, a class-name helper), a comparison's operand, an object key or an attribute.
 */
function shownAsText(node: ts.Node): boolean {
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isJsxExpression(parent)) return !!parent.parent && (ts.isJsxElement(parent.parent) || ts.isJsxFragment(parent.parent));
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent) || ts.isElementAccessExpression(parent)) return false;
    if (ts.isBinaryExpression(parent) && COMPARISONS.has(parent.operatorToken.kind)) return false;
    if (ts.isPropertyAssignment(parent) && parent.name === child) return false;
    if (ts.isJsxAttribute(parent) || ts.isArrowFunction(parent) || ts.isFunctionLike(parent)) return false;
    if (!(ts.isConditionalExpression(parent) || ts.isBinaryExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isTemplateSpan(parent) || ts.isTemplateExpression(parent))) return false;
  }
  return false;
}

function literalsIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node, verbatim: boolean) => {
    if (ts.isJsxElement(node)) {
      const tag = node.openingElement.tagName.getText(source);
      verbatim = verbatim || VERBATIM.has(tag);
    }
    if (ts.isJsxText(node) && !verbatim) {
      const text = node.getText(source).replace(/\s+/g, " ").trim();
      if (text && isLanguage(text)) found.push(`${at(node)}: ${text}`);
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source))) {
      const value = node.initializer;
      const literal = value && ts.isStringLiteral(value) ? value.text : value && ts.isJsxExpression(value) && value.expression && (ts.isStringLiteral(value.expression) || ts.isNoSubstitutionTemplateLiteral(value.expression)) ? value.expression.text : null;
      if (literal && isLanguage(literal)) found.push(`${at(node)}: ${node.name.getText(source)}="${literal}"`);
    }
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !verbatim && shownAsText(node) && isLanguage(node.text)) {
      found.push(`${at(node)}: {"${node.text}"}`);
    }
    if (ts.isTemplateExpression(node) && !verbatim && shownAsText(node)) {
      const text = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" ");
      if (isLanguage(text)) found.push(`${at(node)}: {\`${node.getText(source).slice(1, -1)}\`}`);
    }
    node.forEachChild((child) => visit(child, verbatim));
  };
  visit(source, false);
  return found;
}

describe("components", () => {
  it("hold no user-visible English: it comes from the message catalogues", () => {
    const files = [...tsxFiles(path.join(root, "src/app")), ...tsxFiles(path.join(root, "src/components"))];
    const offenders = files.flatMap((file) => literalsIn(file).map((l) => `${path.relative(root, file)}:${l}`));
    expect(offenders).toEqual([]);
  });
});
