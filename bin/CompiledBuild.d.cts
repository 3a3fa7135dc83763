// Types of bin/CompiledBuild.cjs (plain JavaScript: it runs before anything is compiled).
export declare const repositoryRoot: string;
export declare const distDir: string;
export declare const buildStamp: string;
export declare const bundleManifest: string;
export declare function freshCompiledCli(
  command: string | undefined,
  root?: string,
): { bundle: string; codeCache: string } | undefined;
