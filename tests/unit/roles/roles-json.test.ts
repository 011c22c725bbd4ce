import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { z } from "zod";
import { ROLES_SCHEMA_FILE, rolesJsonSchemaFile } from "../../../src/roles/roles-json.ts";
import { projectDir } from "../../helpers/site.ts";

/** The committed JSON Schema of /roles.json, as a validator (zod reads JSON Schema on its own). */
const rolesSchemaValidator = () =>
  z.fromJSONSchema(JSON.parse(fs.readFileSync(path.join(projectDir, ROLES_SCHEMA_FILE), "utf8")) as Parameters<typeof z.fromJSONSchema>[0]);

test("the committed JSON Schema of /roles.json matches the code (run npm run schema)", () => {
  assert.equal(fs.readFileSync(path.join(projectDir, ROLES_SCHEMA_FILE), "utf8"), rolesJsonSchemaFile());
});

test("the JSON Schema accepts a roles.json of the documented shape and refuses a missing, extra or mistyped field", () => {
  const validate = rolesSchemaValidator();
  const role = {
    title: "Data Scientist",
    url: "/teams/data/data-scientist/",
    team: "Data Team",
    family: "Data",
    ladder: "/careers/data/",
    responsibilities: ["Builds models."],
    skills: ["Python"],
    tools: ["PyTorch"],
    names: [
      { name: "Python", kind: "skill", url: "/skills/python/" },
      { name: "PyTorch", kind: "tool", url: "/tools/pytorch/" },
    ],
    notes: [],
  };
  const ladder = {
    title: "Data Ladder",
    url: "/careers/data/",
    family: "Data",
    team: "Data Team",
    levels: [{ level: "L1", name: "Associate", url: "/careers/data/#l1-associate", summary: "Delivers.", expectations: ["Ships."] }],
  };
  assert.ok(validate.safeParse({ roles: [role], ladders: [ladder] }).success);
  const { family: _family, ...withoutFamily } = role;
  assert.equal(validate.safeParse({ roles: [withoutFamily], ladders: [] }).success, false);
  assert.equal(validate.safeParse({ roles: [{ ...role, extra: 1 }], ladders: [] }).success, false);
  assert.equal(validate.safeParse({ roles: [{ ...role, names: [{ name: "Python", kind: "language", url: "/x/" }] }], ladders: [] }).success, false);
});
