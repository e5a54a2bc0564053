#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const built = path.join(__dirname, '..', 'out', 'cli', 'index.cjs');
if (!fs.existsSync(built)) {
  process.stderr.write(
    'commonplace: the command is not built yet. Run `npm run build` in the project first.\n',
  );
  process.exit(2);
}
require(built)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
