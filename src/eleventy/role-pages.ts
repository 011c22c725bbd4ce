import { rolesJson } from "../roles/directory.ts";
import type { EleventyConfig } from "./config-api.ts";
import type { BuildSession } from "./session.ts";

/**
 * /roles.json, the roles as data for other systems. (The Skills & Tools directory and the page of each tool and skill
 * are pages of the navigation tree, rendered with every other page: src/eleventy/pages.ts.)
 */
export function registerRolePages(eleventyConfig: EleventyConfig, session: BuildSession): void {
  eleventyConfig.addTemplate("roles-json.11ty.js", {
    data: { permalink: "/roles.json", layout: false, eleventyExcludeFromCollections: true },
    render: () => rolesJson(session.model.roles, (url) => session.model.href(url)),
  });
}
