import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { planRebuild } from "../../../src/eleventy/watch.ts";
import { buildSiteModel } from "../../../src/site/model.ts";
import { ReadCache } from "../../../src/site/read.ts";
import { copyFixture, projectDir } from "../../helpers/site.ts";

test("while serving, a new owner on a team page renders the pages that inherit it and the Review status page", () => {
  const content = copyFixture("owners");
  const cache = new ReadCache();
  const read = () => buildSiteModel({ contentDir: content, settingsFile: path.join(projectDir, "_data", "site.json"), readCache: cache, today: "2026-03-01" });
  const before = read();
  const file = path.join(content, "teams/platform/index.md");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace('owner: "@acme/platform-crew"', 'owner: "@acme/sre"'));
  const plan = planRebuild(before, read(), [file]);
  assert.equal(plan.all, false);
  assert.deepEqual([...(plan.all ? [] : plan.urls)].sort(), ["/review-status/", "/teams/platform/", "/teams/platform/runbook/"]);
});
