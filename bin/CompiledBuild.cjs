// The compiled build under dist/: tsc's output (tsconfig.build.json) and the CLI bundles that bin/build.js makes of
// it, and whether the bundle a command runs still matches the sources. Plain JavaScript: bin/tessera.js reads it
// before it knows whether it may run the build or must compile the sources itself; CommonJS, which loads quicker
// than an ES module at every start.
const { readFileSync, statSync } = require("node:fs");
const { join } = require("node:path");

const repositoryRoot = join(__dirname, "..");
const distDir = join(repositoryRoot, "dist");
const stampInDist = "build-stamp";
/** Written by bin/build.js when the build succeeded, with the mtime of the moment the build started. */
const buildStamp = join(distDir, stampInDist);
const bundlesInDist = "cli";
/**
 * The CLI bundles' manifest, JSON: `commands` names each command's bundle (a file beside the manifest; a command
 * line that names none of them runs `all.cjs`), and `bundles` gives each bundle's `sources` (what it was made from,
 * relative to the repository) and `hash` (of its text).
 */
const bundleManifest = join(distDir, bundlesInDist, "manifest.json");

function readManifest(root) {
  try {
    return JSON.parse(readFileSync(join(root, "dist", bundlesInDist, "manifest.json"), "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * The bundle that runs `command` (the first word of the command line that is not an option) and where its V8 code
 * cache goes, when dist/ was built after the last change to any file that bundle was made from; undefined when
 * there is no build, or one of those files changed or is gone, so a developer editing sources never runs stale
 * JavaScript. A file a bundle does not hold can only join it through an edit to one it holds.
 */
function freshCompiledCli(command, root = repositoryRoot) {
  const stampMs = statSync(join(root, "dist", stampInDist), { throwIfNoEntry: false })?.mtimeMs;
  if (stampMs === undefined) return undefined;
  const manifest = readManifest(root);
  const known = command !== undefined && Object.hasOwn(manifest?.commands ?? {}, command);
  const file = known ? manifest.commands[command] : "all.cjs";
  const bundle = manifest?.bundles?.[file];
  if (bundle === undefined) return undefined;
  for (const source of bundle.sources) {
    const mtimeMs = statSync(join(root, source), { throwIfNoEntry: false })?.mtimeMs;
    if (mtimeMs === undefined || mtimeMs > stampMs) return undefined;
  }
  const bundles = join(root, "dist", bundlesInDist);
  // Per command: `jobs` need not read the code that `scheduler` compiled; the bundle's hash keeps a cache from
  // ever serving another build.
  const cacheName = `${bundle.hash}-${known ? command : "other"}.v8`;
  return { bundle: join(bundles, file), codeCache: join(bundles, "code-cache", cacheName) };
}

module.exports = { repositoryRoot, distDir, buildStamp, bundleManifest, freshCompiledCli };
