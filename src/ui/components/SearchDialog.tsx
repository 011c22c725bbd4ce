/**
 * The search dialog. Closed, it shows nothing; src/client/search.ts opens it from the header button, a shortcut or
 * the 404 page and loads Pagefind from `bundle` on first use. The field is a combobox over the results' listbox; the
 * footer lists its keys (wide screens), and a "Cancel" button closes it on phones, where there is no Escape key.
 */
export function SearchDialog({ bundle }: { bundle: string }) {
  return (
    <dialog id="search-dialog" class="search-dialog" aria-labelledby="search-label" data-bundle={bundle}>
      <form class="search-form" role="search" method="dialog">
        <label id="search-label" class="visually-hidden" for="search-input">
          Search the handbook
        </label>
        <div class="search-field">
          <svg class="search-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <circle cx="11" cy="11" r="7" fill="none" stroke="currentColor" stroke-width="2" />
            <path d="m20 20-3.5-3.5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
          </svg>
          <input
            id="search-input"
            class="search-input"
            type="text"
            enterkeyhint="search"
            autocomplete="off"
            spellcheck={false}
            placeholder="Roles, skills, tools, processes…"
            role="combobox"
            aria-expanded="false"
            aria-autocomplete="list"
            aria-describedby="search-status"
            aria-controls="search-results"
          />
          <button class="search-close" type="submit" value="close">
            <span class="visually-hidden">Close search</span>
            <kbd aria-hidden="true">Esc</kbd>
          </button>
        </div>
        <button class="search-cancel" type="submit" value="close">
          Cancel
        </button>
      </form>
      <div class="search-summary">
        <p id="search-status" class="search-status" role="status"></p>
        <button class="search-filters-toggle" type="button" aria-expanded="false" aria-controls="search-filters" hidden>
          Filters
        </button>
      </div>
      <div id="search-filters" class="search-filters" hidden>
        <div class="search-filter" role="group" aria-label="Filter by team" data-label="Team" data-filter="team"></div>
        <div class="search-filter" role="group" aria-label="Filter by kind of page" data-label="Kind" data-filter="kind"></div>
        <div class="search-filter" role="group" aria-label="Filter by tool" data-label="Tool" data-filter="tool" data-control="select"></div>
        <div class="search-filter" role="group" aria-label="Filter by skill" data-label="Skill" data-filter="skill" data-control="select"></div>
      </div>
      <div class="search-empty" hidden>
        <p class="search-empty-title">
          Nothing matched “<span class="search-empty-term"></span>”.
        </p>
        <ul class="search-empty-tips">
          <li>Check the spelling, or try another word for the same thing.</li>
          <li>Try fewer words, or the start of a word: “deploy” also finds “deployment”.</li>
          <li>Search for a role, a tool, a skill or a team by its name.</li>
        </ul>
        <button class="search-empty-clear" type="button" hidden>
          Search without filters
        </button>
      </div>
      <ol id="search-results" class="search-results" aria-label="Results" hidden></ol>
      <button class="search-more" type="button" hidden>
        Show more results
      </button>
      <div class="search-keys">
        <span>
          <kbd>↑</kbd> <kbd>↓</kbd> to choose
        </span>
        <span>
          <kbd>↵</kbd> to open
        </span>
        <span>
          <kbd>Esc</kbd> to close
        </span>
      </div>
    </dialog>
  );
}
