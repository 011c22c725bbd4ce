// The shape of /nav.json, which the build writes (src/navigation/queries.ts) and the sidebar script reads
// (src/client/nav.ts): a type only, so the browser bundle takes nothing else from the build's code.

/** One entry of /nav.json: the whole sidebar, written once per build. */
export interface NavJsonEntry {
  title: string;
  url: string;
  children: NavJsonEntry[];
}
