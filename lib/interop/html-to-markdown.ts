/**
 * Abstracts in schedule files are plain text, Markdown (pretalx) or HTML (frab
 * instances with a rich-text editor). Hallway stores Markdown, so HTML is turned
 * into paragraphs, line breaks, list items and [links](url); every other tag is
 * dropped, scripts and styles with their content, and entities are decoded.
 */

// Only these count as a sign of HTML: "List<String>" in a Markdown abstract is not a tag.
const htmlTag =
  /<\/?(?:p|br|a|div|span|ul|ol|li|em|strong|b|i|u|s|h[1-6]|script|style|iframe|code|pre|blockquote|img|hr|table|thead|tbody|tr|td|th|sup|sub|small|font|center|section|article)\b[^>]*>/i;

export function looksLikeHtml(text: string): boolean {
  return htmlTag.test(text);
}

/** Markdown for text that may be HTML; text without HTML tags is returned as it is. */
export function toMarkdown(text: string): string {
  return looksLikeHtml(text) ? htmlToMarkdown(text) : text.trim();
}

const blockTags = new Set([
  "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "table", "tr", "pre", "hr", "section", "article", "center",
]);
const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const paragraphBreak = "\u0000P\u0000";
const lineBreak = "\u0000B\u0000";

export function htmlToMarkdown(html: string): string {
  const cleaned = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, "")
    .replace(/<(script|style|iframe|noscript|template|object)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi, "");

  let out = "";
  let link: { href: string | null; start: number } | null = null;
  let last = 0;
  for (const match of cleaned.matchAll(tagPattern)) {
    out += textToMarkdown(cleaned.slice(last, match.index));
    last = match.index + match[0].length;
    const closing = match[1] === "/";
    const name = match[2]!.toLowerCase();
    if (name === "br") out += lineBreak;
    else if (blockTags.has(name)) out += paragraphBreak;
    else if (name === "li") out += closing ? lineBreak : `${paragraphBreak}- `;
    else if (name === "a" && !closing) {
      if (link) out = closeLink(out, link);
      link = { href: safeHref(attribute(match[3]!, "href")), start: out.length };
    } else if (name === "a" && link) {
      out = closeLink(out, link);
      link = null;
    }
  }
  out += textToMarkdown(cleaned.slice(last));
  if (link) out = closeLink(out, link);
  return tidy(out);
}

function closeLink(out: string, link: { href: string | null; start: number }): string {
  if (!link.href) return out;
  const text = out.slice(link.start).replaceAll(lineBreak, " ").replaceAll(paragraphBreak, " ").trim();
  const label = (text || link.href).replace(/([[\]])/g, "\\$1");
  return `${out.slice(0, link.start)}[${label}](${link.href})`;
}

function textToMarkdown(text: string): string {
  return decodeEntities(text.replace(/[ \t\n\r\f]+/g, " ")).replace(/\u00a0/g, " ");
}

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i").exec(attributes);
  return match ? decodeEntities(match[1] ?? match[2] ?? match[3] ?? "").trim() : null;
}

/** Only web and mail links survive; `javascript:` and relative links keep their text alone. */
function safeHref(href: string | null): string | null {
  if (!href || !/^(?:https?:\/\/|mailto:)/i.test(href)) return null;
  return href.replace(/ /g, "%20").replace(/\(/g, "%28").replace(/\)/g, "%29");
}

function tidy(markdown: string): string {
  return markdown
    // Two line breaks in a row are how editors write a paragraph.
    .replace(new RegExp(`(?:${lineBreak} *){2,}`, "g"), paragraphBreak)
    .split(paragraphBreak)
    .map((block) =>
      block
        .split(lineBreak)
        .map((line) => line.replace(/ {2,}/g, " ").trim())
        .filter(Boolean)
        .join("\\\n"),
    )
    .filter(Boolean)
    .join("\n\n")
    // List items were split into blocks; keep consecutive items in one list.
    .replace(/^(- .*)\n\n(?=- )/gm, "$1\n");
}

const namedEntities: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "",
  hellip: "…", mdash: "—", ndash: "–", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", laquo: "«", raquo: "»",
  bull: "•", middot: "·", copy: "©", reg: "®", trade: "™", euro: "€", pound: "£", deg: "°", times: "×",
  auml: "ä", ouml: "ö", uuml: "ü", Auml: "Ä", Ouml: "Ö", Uuml: "Ü", szlig: "ß",
  eacute: "é", egrave: "è", ecirc: "ê", aacute: "á", agrave: "à", acirc: "â", oacute: "ó", iacute: "í", uacute: "ú",
  ccedil: "ç", ntilde: "ñ", aring: "å", aelig: "æ", oslash: "ø", Aring: "Å", AElig: "Æ", Oslash: "Ø",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});/g, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : "\ufffd";
    }
    return namedEntities[name] ?? whole;
  });
}
