import { renderGeneratedPage } from "../../_includes/pages/skills-and-tools.tsx";
import { rolesJson } from "../roles/directory.ts";
import type { EleventyConfig, HandbookState } from "./plugin.ts";

/** What a paginated page reads of its item; the page itself is looked up in the current model when rendered. */
interface GeneratedItem {
  url: string;
}

/**
 * The outputs made from the roles: /roles.json, and the Skills & Tools directory with a page per tool and per skill.
 * The pages are one virtual template paginated over this build's generated pages (the list changes as role pages
 * change while serving); each renders its content here and takes the handbook layout, which finds the page in the
 * navigation tree by its URL.
 */
export function registerRolePages(eleventyConfig: EleventyConfig, state: HandbookState): void {
  const href = (url: string) => state.model.href(url);
  eleventyConfig.addTemplate("roles-json.11ty.js", {
    data: { permalink: "/roles.json", layout: false, eleventyExcludeFromCollections: true },
    render: () => rolesJson(state.model.roles, href),
  });
  eleventyConfig.addTemplate("skills-and-tools.11ty.js", {
    data: {
      // Read through the state on every build, so a rebuild while serving paginates over the new model's pages.
      pagination: { data: "handbook.model.roles.generated", size: 1, alias: "generated" },
      eleventyExcludeFromCollections: true,
      eleventyComputed: { permalink: (data: { generated: GeneratedItem }) => data.generated.url },
    },
    render: (data: { generated: GeneratedItem }) => {
      const page = state.model.roles.generatedAt(data.generated.url);
      if (!page) throw new Error(`${data.generated.url} is no longer generated in this build`);
      return renderGeneratedPage(page, state.model.roles, href);
    },
  });
}
