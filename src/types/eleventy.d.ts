// Eleventy 3 ships JavaScript without type declarations; these cover the programmatic API the CLI uses.
declare module "@11ty/eleventy" {
  export interface EleventyResult {
    inputPath: string;
    outputPath: string | false;
    url: string | false;
    content: string;
  }
  export default class Eleventy {
    constructor(
      input?: string,
      output?: string,
      options?: {
        /** false: read no config file. */
        configPath?: string | false;
        /** Called with Eleventy's config before any config file, and again after a config reset. */
        config?: (eleventyConfig: never) => void | Promise<void>;
        quietMode?: boolean;
        pathPrefix?: string;
        runMode?: "build" | "serve" | "watch";
        source?: "cli" | "script";
      },
    );
    init(): Promise<void>;
    write(): Promise<unknown>;
    toJSON(): Promise<EleventyResult[]>;
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
    setIgnoreInitial(ignore: boolean): void;
  }
}
