// `npm test`: every check the project has, in order, then one line `N passed, N failed`.
// Typecheck (one per tsconfig), lint and the build count as one check each; Vitest and
// Playwright count their tests. Every stage runs even if an earlier one failed, so one run
// shows everything that is wrong; the exit code is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = '.reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(label, command, args) {
  process.stdout.write(`\n── ${label} ──\n`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function check(label, command, args) {
  if (run(label, command, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
}

function suite(label, command, args, reportFile, count) {
  const ok = run(label, command, args);
  const counts = existsSync(reportFile) ? count(JSON.parse(readFileSync(reportFile, 'utf8'))) : null;
  if (!counts) {
    totals.failed += 1;
    failures.push(`${label} (no report)`);
    return;
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  if (!ok && counts.failed === 0) {
    totals.failed += 1;
    failures.push(`${label} (runner failed)`);
  } else if (counts.failed > 0) failures.push(label);
}

const npx = 'npx';
for (const config of ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.tests.json']) {
  check(`typecheck ${config}`, npx, ['tsc', '--noEmit', '-p', config]);
}
check('lint', npx, ['eslint', '--max-warnings', '0', '.']);
check('format', npx, ['prettier', '--check', '--log-level', 'warn', '.']);
check('build', 'npm', ['run', '--silent', 'build']);

suite(
  'unit and integration tests (Vitest)',
  npx,
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/unit.json`],
  `${reports}/unit.json`,
  (r) => ({
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
  }),
);
suite('end-to-end tests (Playwright)', npx, ['playwright', 'test'], `${reports}/e2e.json`, (r) => ({
  passed: r.stats.expected + r.stats.flaky,
  failed: r.stats.unexpected,
  skipped: r.stats.skipped,
}));

process.stdout.write('\n');
if (failures.length > 0) process.stdout.write(`Failed: ${failures.join('; ')}\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exitCode = totals.failed > 0 ? 1 : 0;
