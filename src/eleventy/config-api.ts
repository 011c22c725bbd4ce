// Eleventy 3 ships no type declarations for its config API; this is the part the handbook's plugin uses.

/** The part of Eleventy's config API the handbook uses. */
export interface EleventyConfig {
  on(event: string, callback: (...args: never[]) => unknown): void;
  addGlobalData(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: unknown, data?: Record<string, unknown>): void;
  addPreprocessor(name: string, extensions: string, callback: (this: { inputPath: string }, data: never, content: string) => unknown): void;
  addWatchTarget(target: string): void;
  setChokidarConfig(config: Record<string, unknown>): void;
  addTransform(name: string, callback: (this: never, content: unknown) => unknown): void;
  configureTemplateHandling(options: { writeMode?: "sync" | "async" }): void;
  setTemplateFormats(formats: string[]): void;
  setInputDirectory(dir: string): void;
  setOutputDirectory(dir: string): void;
  setDataFileSuffixes(suffixes: string[]): void;
  setQuietMode(quiet: boolean): void;
  setServerOptions(options: Record<string, unknown>): void;
}
