import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { serveBuiltSite } from "../../../src/cli/serve-site.ts";
import { tinySite } from "../../helpers/server.ts";
import { tempDir } from "../../helpers/site.ts";

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const lines: string[] = [];
  const code = await serveBuiltSite(argv, env, (line) => lines.push(line));
  return { code, output: lines.join("\n") };
}

describe("npm run serve", () => {
  test("without sign-in settings it does not start, and names each missing variable and --public", async () => {
    const { code, output } = await run(["--dir", tinySite("/"), "--port", "0"]);
    assert.equal(code, 1);
    for (const name of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "PUBLIC_URL", "SESSION_SECRET", "ALLOWED_DOMAINS nor ALLOWED_GROUPS"]) {
      assert.match(output, new RegExp(`^error: (neither )?${name}`, "m"), name);
    }
    assert.match(output, /pass --public if it is meant for anyone/);
  });

  test("a folder that is no built site is named, with how to build one", async () => {
    const { code, output } = await run(["--dir", tempDir(), "--public"]);
    assert.equal(code, 1);
    assert.match(output, /has no index\.html; build the site first \(npm run build\)/);
  });
});
