// Types of bin/CompiledBuild.js (plain JavaScript: it runs before anything is compiled).
export declare const repositoryRoot: string;
export declare const distDir: string;
export declare const buildStamp: string;
export declare function freshCompiledCli(root?: string): string | undefined;
