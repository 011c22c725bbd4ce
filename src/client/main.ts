import { enhanceMenu } from "./menu.ts";
import { enhanceSidebar } from "./nav.ts";
import { enhanceSearch } from "./search.ts";

// Every enhancement is optional: the page reads and navigates without this script.
const nav = document.querySelector<HTMLElement>("#site-nav");
if (nav) enhanceSidebar(nav);
const menu = document.querySelector<HTMLAnchorElement>("a.menu-toggle");
if (menu) enhanceMenu(menu);
const searchButton = document.querySelector<HTMLButtonElement>("button.search-button");
const searchDialog = document.querySelector<HTMLDialogElement>("dialog.search-dialog");
if (searchButton && searchDialog) enhanceSearch(searchButton, searchDialog);
