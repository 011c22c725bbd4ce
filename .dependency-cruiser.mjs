// The layers of src/ and what each may import (ARCHITECTURE.md explains them). `npm test` runs this check
// (npm run deps): a new import that goes upward, or closes a cycle, fails the tests.
/** Each folder of src/ and the folders it may import from; anything else is forbidden. */
const LAYERS = {
  shared: [],
  content: ["shared"],
  config: ["shared", "content"],
  security: ["shared"],
  markdown: ["shared", "content", "config", "security"],
  navigation: ["shared", "content"],
  roles: ["shared", "content", "navigation", "markdown"],
  links: ["shared", "content", "navigation", "markdown"],
  jekyll: ["shared", "content", "config", "markdown"],
  site: ["shared", "content", "config", "security", "markdown", "navigation", "roles", "links", "jekyll"],
  search: ["shared", "content", "config", "navigation", "roles", "site"],
  view: ["shared", "content", "config", "navigation", "roles", "search", "site"],
  ui: ["shared", "content", "config", "security", "markdown", "navigation", "roles", "search", "site", "view"],
  eleventy: ["shared", "content", "config", "security", "markdown", "navigation", "roles", "links", "jekyll", "site", "search", "view", "ui"],
  server: ["shared", "content", "config", "security"],
  cli: ["shared", "content", "config", "security", "markdown", "navigation", "roles", "links", "jekyll", "site", "search", "view", "ui", "eleventy", "server"],
  client: ["shared"],
  types: [],
};

const folders = Object.keys(LAYERS);

export default {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Modules import each other in a loop; move what both need into a lower module.",
      from: {},
      to: { circular: true },
    },
    ...folders.map((folder) => ({
      name: `layer-${folder}`,
      severity: "error",
      comment: `src/${folder}/ may import only from: ${LAYERS[folder].join(", ") || "nothing else in src/"}. See ARCHITECTURE.md.`,
      from: { path: `^src/${folder}/` },
      to: { path: `^src/(?!(?:${[folder, ...LAYERS[folder], "types"].join("|")})/)` },
    })),
    {
      name: "src-stays-in-src",
      severity: "error",
      comment: "Code under src/ imports nothing from tests/, bench/ or scripts/.",
      from: { path: "^src/" },
      to: { path: "^(tests|bench|scripts)/" },
    },
    {
      name: "tests-do-not-import-bench",
      severity: "error",
      comment: "Benchmarks use the tests' helpers, never the other way round.",
      from: { path: "^tests/" },
      to: { path: "^bench/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
