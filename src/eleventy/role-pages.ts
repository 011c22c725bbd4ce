import { rolesJson } from "../roles/roles-json.ts";
import { renderRedirect } from "../ui/pages/redirect.tsx";
import type { Redirect } from "../roles/directory.ts";
import type { SiteModel } from "../site/model.ts";
import type { EleventyConfig } from "./config-api.ts";
import type { BuildSession } from "./session.ts";

/**
 * /roles.json, the roles as data for other systems, and a redirect page at each old address of a merged name page.
 * (The Skills & Tools directory, the comparison and the page of each tool and skill are pages of the navigation
 * tree, rendered with every other page: src/eleventy/pages.ts.)
 */
export function registerRolePages(eleventyConfig: EleventyConfig, session: BuildSession): void {
  eleventyConfig.addTemplate("roles-json.11ty.js", {
    data: { permalink: "/roles.json", layout: false, eleventyExcludeFromCollections: true },
    render: () => rolesJson(session.model.roles, session.model.roles.ladders, (url) => session.model.href(url)),
  });
  eleventyConfig.addGlobalData("handbookRedirects", () => session.model.roles.redirects.map((r) => r.from));
  eleventyConfig.addTemplate("handbook-redirects.11ty.js", {
    data: {
      layout: false,
      eleventyExcludeFromCollections: true,
      pagination: { data: "handbookRedirects", size: 1, alias: "redirectFrom" },
      eleventyComputed: { permalink: (data: { redirectFrom: string }) => data.redirectFrom },
    },
    render: (data: { redirectFrom: string }) => {
      const model = session.model;
      const redirect = redirectsOf(model).get(data.redirectFrom);
      if (!redirect) throw new Error(`${data.redirectFrom} is no longer a redirect in this build`);
      return renderRedirect({ settings: model.settings, to: model.href(redirect.to), title: redirect.title });
    },
  });
}

const byFrom = new WeakMap<SiteModel, Map<string, Redirect>>();

/** A model's redirects by their old address, made once per model. */
function redirectsOf(model: SiteModel): Map<string, Redirect> {
  let map = byFrom.get(model);
  if (!map) byFrom.set(model, (map = new Map(model.roles.redirects.map((r) => [r.from, r]))));
  return map;
}
