import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { toMarkdown } from "./html-to-markdown";

describe("HTML abstracts as Markdown", () => {
  it("keeps paragraphs, line breaks and links, and drops every other tag", () => {
    assert.equal(
      toMarkdown('<div><h2>Intro</h2><p>One <em>two</em><br />three</p><p>See <a href="https://example.org/a b">the [docs]</a>.</p></div>'),
      "Intro\n\nOne two\\\nthree\n\nSee [the \\[docs\\]](https://example.org/a%20b).",
    );
  });

  it("removes scripts and styles with their content, and links that are not web or mail links", () => {
    assert.equal(
      toMarkdown('<p>Hi<script type="text/javascript">document.cookie</script><style>p{}</style> <a href="javascript:alert(1)">there</a></p><!-- note -->'),
      "Hi there",
    );
  });

  it("decodes named and numeric entities once", () => {
    assert.equal(toMarkdown("<p>Caf&eacute; &amp; Bar &#8211; &#x1F600; &amp;lt;b&amp;gt; &bogus;</p>"), "Café & Bar – 😀 &lt;b&gt; &bogus;");
  });

  it("turns list items into a Markdown list and two line breaks into a paragraph", () => {
    assert.equal(toMarkdown("<p>Bring:</p><ul>\n<li>a laptop</li>\n<li>a charger</li></ul>first<br><br>second"), "Bring:\n\n- a laptop\n- a charger\n\nfirst\n\nsecond");
  });

  it("leaves text that is not HTML alone", () => {
    const markdown = "Use `List<String>` and *care*, 3 < 4 & 5 > 2.\n\n- one\n- two";
    assert.equal(toMarkdown(markdown), markdown);
  });
});
