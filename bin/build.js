#!/usr/bin/env node
// `npm run build` (and `npm ci`/`npm install`, through the prepare script): compiles the sources to dist/ and
// bundles the compiled CLI into one file per group of commands (dist/cli/), so that bin/tessera.js starts from
// JavaScript instead of compiling TypeScript at every start, and reads and compiles one script instead of
// resolving and linking ~100 modules.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { buildStamp, bundleManifest, distDir, repositoryRoot } from "./CompiledBuild.cjs";

const require = createRequire(import.meta.url);
let tsc;
try {
  tsc = require.resolve("typescript/bin/tsc");
} catch {
  // An install without dev dependencies: the CLI still works, compiling its sources at start.
  process.stderr.write(
    "tessera build: typescript is not installed; bin/tessera.js will run the sources (tsx)\n",
  );
  process.exit(0);
}
// The stamp carries the start time: a source saved while the build runs is newer than it, so the build is stale.
const started = new Date();
rmSync(buildStamp, { force: true });
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: repositoryRoot, stdio: "inherit" });
mkdirSync(distDir, { recursive: true });
// pbjs's static code is JavaScript (with a declaration beside it), which tsc does not copy.
for (const codec of ["tessera.js", "node.js"]) {
  const staticCode = join("proto", "generated", "static", codec);
  cpSync(join(repositoryRoot, staticCode), join(distDir, staticCode));
}

// The packages that the client commands load are bundled; the others (native addons, packages that read files
// beside their code, the HTTP stack) stay in node_modules, required only by the commands that use them.
const bundledPackages = new Set(["@grpc/grpc-js", "protobufjs", "commander"]);
const packageJson = require(join(repositoryRoot, "package.json"));
const external = Object.keys({ ...packageJson.dependencies, ...packageJson.devDependencies })
  .filter((name) => !bundledPackages.has(name))
  .flatMap((name) => [name, `${name}/*`]);
const compiledCli = join(distDir, "bin", "cli.js");
const { build } = await import("esbuild");

/**
 * Bundles the compiled CLI into `file` (CommonJS: vm.Script compiles it with a V8 code cache, which ES modules
 * cannot have in Node 20), leaving out the command sets' modules in `leftOut`: the CLI imports each set's module
 * only for the commands it names, so a bundle for some commands need not hold the others.
 */
async function bundle(file, leftOut) {
  const leaveOut = {
    name: "leave-out-command-sets",
    setup(plugin) {
      plugin.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind !== "dynamic-import" || args.importer !== compiledCli) return undefined;
        const path = join(dirname(args.importer), args.path);
        return leftOut.includes(path) ? { path, namespace: "left-out" } : undefined;
      });
      plugin.onLoad({ filter: /.*/, namespace: "left-out" }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`this build's ${basename(file)} does not hold ${relative(distDir, args.path)}; run \`npm run build\``)});`,
      }));
    },
  };
  // A package left out of the bundle and imported with import() would need vm.Script's dynamic import callback,
  // which Node 20 loses when the script comes from a code cache: such an import becomes a require of the
  // package (each is CommonJS), through a module of the bundle's own.
  const requireLeftOut = {
    name: "require-left-out-packages",
    setup(plugin) {
      plugin.onResolve({ filter: /^[^./]/ }, (args) =>
        args.kind === "dynamic-import" && external.includes(args.path)
          ? { path: args.path, namespace: "required-package" }
          : undefined,
      );
      plugin.onLoad({ filter: /.*/, namespace: "required-package" }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});`,
        loader: "js",
      }));
    },
  };
  // What bundled packages load at start but a command seldom uses, left out of that start:
  // - zlib (grpc-js's compression, ~4.5 ms of CPU to load) and child_process (commander's executable
  //   subcommands, ~1.2 ms), as a bundled package's require() (which only reads properties of it; the sources'
  //   imports copy them at once), become modules that require the built-in on first use;
  // - grpc-js sees a net whose isIPv6 skips the regular expression for a text without a colon (no IPv6 address
  //   lacks one): V8 compiles Node's IPv6 expression at its first use, ~10 ms, and grpc-js asks it of every address;
  // - protobufjs runs without long.js, which it uses only "if available" (long.js instantiates WebAssembly at
  //   load, ~7 ms): 64-bit fields then decode to numbers, which decodedForm's `longs: Number` made of them anyway.
  const lighterStart = {
    name: "lighter-start",
    setup(plugin) {
      plugin.onResolve({ filter: /^(node:)?(zlib|child_process|net)$/ }, (args) => {
        const name = args.path.replace(/^node:/, "");
        if (args.kind !== "require-call" || !args.importer.includes("/node_modules/")) return undefined;
        if (name !== "net") return { path: name, namespace: "required-on-first-use" };
        return args.importer.includes("/@grpc/grpc-js/")
          ? { path: name, namespace: "net-for-grpc" }
          : undefined;
      });
      plugin.onLoad({ filter: /.*/, namespace: "required-on-first-use" }, (args) => ({
        contents: `let loaded; module.exports = new Proxy({}, { get: (_, key) => (loaded ??= require("node:${args.path}"))[key] });`,
        loader: "js",
      }));
      plugin.onLoad({ filter: /.*/, namespace: "net-for-grpc" }, () => ({
        contents: `const net = require("node:net"); module.exports = Object.create(net, { isIPv6: { value: (text) => text.includes(":") && net.isIPv6(text) } });`,
        loader: "js",
      }));
      plugin.onResolve({ filter: /^long$/ }, (args) =>
        args.importer.includes("/protobufjs/") ? { path: "long", namespace: "not-bundled" } : undefined,
      );
      plugin.onLoad({ filter: /.*/, namespace: "not-bundled" }, () => ({
        contents: "module.exports = null;",
        loader: "js",
      }));
    },
  };
  const { metafile } = await build({
    absWorkingDir: repositoryRoot,
    entryPoints: [compiledCli],
    outfile: join(bundleDir, file),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    external,
    plugins: [leaveOut, requireLeftOut, lighterStart],
    minifyWhitespace: true,
    minifySyntax: true,
    // Bundling renames clashing top-level names (Job -> Job2); keep what .name says.
    keepNames: true,
    // The bundle's own location stands for each module's: proto/SourceTree.ts finds the repository from it.
    define: { "import.meta.url": "__bundleUrl" },
    // The bundle comes already wrapped as Node wraps a CommonJS module (bin/CodeCachedScript.cjs): wrapping it at
    // each start made V8 copy the 0.9 MB text into one string before compiling it (and collect garbage for it).
    banner: {
      js: `(function (exports, require, module, __filename, __dirname) {const __bundleUrl = require("node:url").pathToFileURL(__filename).href;`,
    },
    footer: { js: "\n})" },
    metafile: true,
    logLevel: "warning",
  });
  const text = readFileSync(join(bundleDir, file), "latin1");
  // bin/CodeCachedScript.cjs reads it as Latin-1, which is quicker than UTF-8 and the same for ASCII (esbuild's
  // default charset escapes every other character).
  if (/[\u0080-\u00ff]/.test(text)) throw new Error(`tessera build: ${file} is not ASCII`);
  const dynamicImport = /\bimport\((["'`])[^"'`]*\1\)/.exec(text);
  if (dynamicImport)
    throw new Error(`tessera build: ${file} still holds ${dynamicImport[0]} (see requireLeftOut)`);
  return {
    sources: [...bundleSourceFiles(metafile)],
    hash: createHash("sha256").update(text).digest("hex").slice(0, 16),
    metafile,
  };
}

/**
 * What a bundle was made from, for bin/CompiledBuild.cjs's freshness check: the source of each compiled module in
 * it, the build settings, and npm's record of the installed packages (it rewrites it at every install).
 */
function* bundleSourceFiles(metafile) {
  yield* ["package.json", "tsconfig.json", "tsconfig.build.json", "bin/build.js"];
  for (const lock of ["package-lock.json", "node_modules/.package-lock.json"])
    if (existsSync(join(repositoryRoot, lock))) yield lock;
  for (const input of Object.keys(metafile.inputs)) {
    if (
      input.includes("node_modules/") ||
      ["left-out:", "required-package:", "required-on-first-use:", "net-for-grpc:", "not-bundled:"].some(
        (made) => input.startsWith(made),
      )
    )
      continue;
    const inRepository = relative(distDir, join(repositoryRoot, input));
    const source = [inRepository.replace(/\.js$/, ".ts"), inRepository].find((file) =>
      existsSync(join(repositoryRoot, file)),
    );
    if (source === undefined) throw new Error(`tessera build: no source for the bundled ${input}`);
    yield source.split("\\").join("/");
  }
}

const bundleDir = dirname(bundleManifest);
rmSync(bundleDir, { recursive: true, force: true });
// Every command set: for help, --version and a command line that names no known command.
const all = await bundle("all.cjs", []);
const bundles = { "all.cjs": { sources: all.sources, hash: all.hash } };
// cli.js imports each set's module in the order of commandSets.
const setModules = all.metafile.inputs[relative(repositoryRoot, compiledCli).split("\\").join("/")].imports
  .filter((i) => i.kind === "dynamic-import")
  .map((i) => join(repositoryRoot, i.path));
const { commandSets } = await import(pathToFileURL(compiledCli).href);
if (
  setModules.length !== commandSets.length ||
  commandSets.some((set, i) => !set.load.toString().includes(basename(setModules[i])))
)
  throw new Error("tessera build: bin/cli.ts's commandSets and its imports are not in the same order");
// One bundle per group of sets that a command loads (`capacity` is in two); each command reads only its own.
const commands = {};
for (const name of new Set(commandSets.flatMap((set) => set.names))) {
  const kept = setModules.filter((_, i) => commandSets[i].names.includes(name));
  const file = `${kept.map((m) => basename(m, ".js")).join("+")}.cjs`;
  if (!bundles[file]) {
    const made = await bundle(
      file,
      setModules.filter((m) => !kept.includes(m)),
    );
    bundles[file] = { sources: made.sources, hash: made.hash };
  }
  commands[name] = file;
}
writeFileSync(bundleManifest, `${JSON.stringify({ commands, bundles }, null, 1)}\n`);
writeFileSync(buildStamp, `${started.toISOString()}\n`);
utimesSync(buildStamp, started, started);
