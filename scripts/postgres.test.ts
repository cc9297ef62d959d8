import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { describe, it } from "node:test";
import { postgresBinDir, startCluster } from "./postgres";

const clusterFolders = () => new Set(readdirSync(tmpdir()).filter((name) => name.startsWith("hallway-pg-")));

describe("a throwaway PostgreSQL cluster", { skip: postgresBinDir() ? false : "no PostgreSQL server binaries (install postgresql and postgresql-contrib)" }, () => {
  it("that cannot start says why, from the server's own log, and leaves no folder behind", async () => {
    // Something else holds the port, as a cluster not yet stopped by an earlier run would.
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const { port } = squatter.address() as { port: number };
    const before = clusterFolders();
    try {
      assert.throws(() => startCluster(port), (error: Error) => {
        assert.match(error.message, /pg_ctl failed/);
        assert.match(error.message, /The server's log \(.*server\.log\) ends:\n[\s\S]*could not bind IPv4 address "127\.0\.0\.1": Address already in use/);
        return true;
      });
      assert.deepEqual([...clusterFolders()].filter((name) => !before.has(name)), []);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
