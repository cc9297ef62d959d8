import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { href } from "./routes";

describe("href", () => {
  const conf = "dockercon-eu-2017";

  it("builds the program's pages", () => {
    assert.equal(href.session(conf, "linuxkit-deep-dive"), "/dockercon-eu-2017/sessions/linuxkit-deep-dive");
    assert.equal(href.sessionCalendar(conf, "linuxkit-deep-dive"), "/dockercon-eu-2017/sessions/linuxkit-deep-dive.ics");
    assert.equal(href.speaker(conf, "ada"), "/dockercon-eu-2017/speakers/ada");
    assert.equal(href.now(conf), "/dockercon-eu-2017/now");
    assert.equal(href.now(conf, "2017-10-17T10:00:00+02:00"), "/dockercon-eu-2017/now?at=2017-10-17T10%3A00%3A00%2B02%3A00");
    assert.equal(href.search(conf, "a&b"), "/dockercon-eu-2017/search?q=a%26b");
  });

  it("sends sign-in back where the person was, and keeps a segment to itself", () => {
    assert.equal(href.signIn("/dockercon-eu-2017/me/notes"), "/sign-in?next=%2Fdockercon-eu-2017%2Fme%2Fnotes");
    assert.equal(href.signIn(), "/sign-in");
    assert.equal(href.session(conf, "../x?y"), "/dockercon-eu-2017/sessions/..%2Fx%3Fy");
  });

  it("says what changed on the agenda, and where to land", () => {
    assert.equal(
      href.agenda(conf, { changed: "linuxkit-deep-dive", back: "/dockercon-eu-2017/schedule" }, "linuxkit-deep-dive"),
      "/dockercon-eu-2017/me/agenda?changed=linuxkit-deep-dive&back=%2Fdockercon-eu-2017%2Fschedule#linuxkit-deep-dive",
    );
    assert.equal(href.home({ account: "deleted" }), "/?account=deleted");
  });
});
