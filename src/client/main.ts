import { enhanceCopyButtons } from "./copy.ts";
import { enhanceMenu } from "./menu.ts";
import { enhanceRolePages } from "./roles.ts";
import { enhanceSidebar } from "./nav.ts";
import { enhanceSearch } from "./search.ts";
import { enhanceScrollers, markOverflowingCode } from "./tables.ts";
import { enhanceThemeToggle } from "./theme-toggle.ts";
import { enhanceToc } from "./toc.ts";

// Every enhancement is optional: the page reads and navigates without this script.
const nav = document.querySelector<HTMLElement>("#site-nav");
if (nav) enhanceSidebar(nav);
const menu = document.querySelector<HTMLAnchorElement>("a.menu-toggle");
if (menu) enhanceMenu(menu);
const searchButton = document.querySelector<HTMLButtonElement>("button.search-button");
const searchDialog = document.querySelector<HTMLDialogElement>("dialog.search-dialog");
if (searchButton && searchDialog) enhanceSearch(searchButton, searchDialog);
const themeToggle = document.querySelector<HTMLButtonElement>("button.theme-toggle");
if (themeToggle) enhanceThemeToggle(themeToggle);
enhanceToc([...document.querySelectorAll<HTMLElement>("nav[data-toc]")]);
enhanceCopyButtons(document.querySelectorAll<HTMLButtonElement>("button.copy-code"));
enhanceRolePages();
// Code blocks' <pre> take focus from the build (src/markdown/code.ts), so only tables are handled here.
enhanceScrollers(
  [...document.querySelectorAll<HTMLElement>(".content .table-wrapper")].map((element) => ({ element, label: "Table, scrolls sideways" })),
);
markOverflowingCode(document.querySelectorAll<HTMLElement>(".content .code-block"));
