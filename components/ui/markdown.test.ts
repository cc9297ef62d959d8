import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";

/**
 * Renders Markdown through <Markdown> with react-dom/server's renderToStaticMarkup,
 * as the browser would receive it. The unit tests run under the react-server
 * condition, where react-dom/server refuses to load, so rendering happens in a
 * child process without it.
 */
function render(sources: string[]): string[] {
  const component = new URL("./markdown.tsx", import.meta.url).href;
  const script = `
    const { createElement } = await import("react");
    const { renderToStaticMarkup } = await import("react-dom/server");
    const { Markdown } = await import(${JSON.stringify(component)});
    let input = "";
    for await (const chunk of process.stdin) input += chunk;
    const html = JSON.parse(input).map((source) => renderToStaticMarkup(createElement(Markdown, { source })));
    process.stdout.write(JSON.stringify(html));
  `;
  const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", script], {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    input: JSON.stringify(sources),
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return JSON.parse(output.toString()) as string[];
}

const hostile = {
  script: "Before <script>alert(1)</script> after",
  scriptBlock: "<script>\nalert(document.cookie)\n</script>",
  img: '<img src="x" onerror="alert(1)">',
  svg: '<svg onload="alert(1)"></svg>',
  iframe: '<iframe src="https://evil.example"></iframe>',
  style: "<style>body { display: none }</style>",
  rawLink: '<a href="https://evil.example">click</a>',
  rawJsLink: '<a href="javascript:alert(1)">click</a>',
  jsLink: "[x](javascript:alert(1))",
  jsLinkCase: "[x](JaVaScRiPt:alert(1))",
  jsLinkEntity: "[x](&#106;avascript:alert(1))",
  jsLinkSpace: "[x]( javascript:alert(1) )",
  jsAutolink: "<javascript:alert(1)>",
  jsReference: "[x][evil]\n\n[evil]: javascript:alert(1)",
  dataLink: "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  vbLink: "[x](vbscript:msgbox(1))",
  jsImage: "![x](javascript:alert(1))",
  trackingImage: "![pixel](https://tracker.example/p.png)",
  link: "[the slides](https://example.com/slides)",
  bareUrl: "See https://example.com/talk for more",
  relative: "[schedule](/dockercon-eu-2017/schedule)",
  mail: "[mail me](mailto:someone@example.com)",
};

const names = Object.keys(hostile) as (keyof typeof hostile)[];
const html = Object.fromEntries(render(Object.values(hostile)).map((out, i) => [names[i], out])) as Record<keyof typeof hostile, string>;
const all = Object.values(html).join("\n");
const tags = (markup: string) => markup.match(/<[a-z][^>]*>/gi) ?? [];

describe("Markdown", () => {
  it("shows a <script> as text and never emits one", () => {
    assert.match(html.script, /Before &lt;script&gt;alert\(1\)&lt;\/script&gt; after/);
    assert.doesNotMatch(all, /<script/i);
  });

  it("leaves raw HTML elements inert: no img, svg, iframe or style, no event handlers", () => {
    assert.match(html.img, /&lt;img src=&quot;x&quot; onerror=&quot;alert\(1\)&quot;&gt;/);
    assert.doesNotMatch(all, /<(img|svg|iframe|style|object|embed)\b/i);
    for (const tag of tags(all)) assert.doesNotMatch(tag, /\son\w+=/i, tag);
  });

  it("shows a raw <a href> as text, not as a link", () => {
    assert.doesNotMatch(html.rawLink, /<a /);
    assert.match(html.rawLink, /&lt;a href=&quot;https:\/\/evil.example&quot;&gt;click&lt;\/a&gt;/);
    assert.doesNotMatch(html.rawJsLink, /<a /);
  });

  it("never links to javascript:, data: or vbscript:, however it is spelled", () => {
    for (const name of ["jsLink", "jsLinkCase", "jsLinkEntity", "jsLinkSpace", "jsAutolink", "jsReference", "dataLink", "vbLink", "jsImage"] as const) {
      for (const tag of tags(html[name])) assert.doesNotMatch(tag, /(href|src)="\s*(javascript|data|vbscript):/i, `${name}: ${tag}`);
      assert.doesNotMatch(html[name], /href="(?!https?:|mailto:|\/|#)/i, name);
    }
    assert.match(html.jsLink, /x/);
  });

  it("loads no images from elsewhere", () => {
    assert.doesNotMatch(html.trackingImage, /<img/i);
    assert.match(html.trackingImage, /\[image: pixel\]/);
  });

  it("gives every link rel=nofollow ugc noopener", () => {
    assert.match(html.link, /<a href="https:\/\/example.com\/slides" rel="nofollow ugc noopener" target="_blank">the slides<\/a>/);
    assert.match(html.bareUrl, /<a href="https:\/\/example.com\/talk" rel="nofollow ugc noopener"/);
    assert.match(html.relative, /<a href="\/dockercon-eu-2017\/schedule" rel="nofollow ugc noopener">schedule<\/a>/);
    assert.match(html.mail, /<a href="mailto:someone@example.com" rel="nofollow ugc noopener">/);
    const links = tags(all).filter((tag) => tag.startsWith("<a "));
    assert.equal(links.length, 4);
    for (const link of links) assert.match(link, /\srel="nofollow ugc noopener"/, link);
  });
});
