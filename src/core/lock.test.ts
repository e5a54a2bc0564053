import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../../tests/helpers/children';
import { rejection } from '../../tests/helpers/errors';
import { makeTempDir } from '../../tests/helpers/temp-library';
import { createNotebook } from './notebook';

/** The pid of a process that has just exited (reuse within a test run is vanishingly unlikely). */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '']);
  return pid;
}

describe('the library lock', () => {
  it('refuses a second writer in the same process, naming the holder, until the first closes', async () => {
    const dir = await makeTempDir();
    const first = await createNotebook({ dir, holder: 'the Commonplace desktop app' });
    const refused = await rejection(createNotebook({ dir, holder: 'commonplace CLI' }));
    expect(refused.code).toBe('locked');
    expect(refused.message).toContain(
      `is in use by the Commonplace desktop app (process ${process.pid} on ${os.hostname()}, since `,
    );
    expect(refused.message).toContain(dir);
    expect(refused.message).toContain('--library');
    await first.close();
    await expect(fs.access(path.join(dir, 'lock'))).rejects.toThrow();
    const second = await createNotebook({ dir });
    await second.close();
  });

  it('refuses a writer while another process holds the library', async () => {
    const dir = await makeTempDir();
    const holder = runScript('hold-library.ts', [dir, 'commonplace serve']);
    const ready = await holder.waitForLine((line) => line.startsWith('ready') || line.startsWith('error'));
    expect(ready).toMatch(/^ready/);
    const refused = await rejection(createNotebook({ dir }));
    expect(refused.code).toBe('locked');
    expect(refused.message).toContain(
      `in use by commonplace serve (process ${holder.child.pid} on ${os.hostname()}`,
    );
    holder.child.stdin.end();
    expect(await holder.exited).toBe(0);
    const notebook = await createNotebook({ dir });
    await notebook.close();
  });

  it('is refused to another process while this one holds it', async () => {
    const dir = await makeTempDir();
    const notebook = await createNotebook({ dir, holder: 'the Commonplace desktop app' });
    const other = runScript('hold-library.ts', [dir, 'commonplace CLI']);
    const line = await other.waitForLine((l) => l.startsWith('ready') || l.startsWith('error'));
    const refused = JSON.parse(line.slice('error '.length)) as { code: string; message: string };
    expect(refused.code).toBe('locked');
    expect(refused.message).toContain(`in use by the Commonplace desktop app (process ${process.pid}`);
    await other.exited;
    await notebook.close();
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = await makeTempDir();
    const holder = runScript('hold-library.ts', [dir, 'commonplace serve']);
    await holder.waitForLine((line) => line.startsWith('ready'));
    holder.child.kill('SIGKILL');
    await holder.exited;
    expect(JSON.parse(await fs.readFile(path.join(dir, 'lock'), 'utf8'))).toMatchObject({
      pid: holder.child.pid,
    });

    const notebook = await createNotebook({ dir, holder: 'commonplace CLI' });
    expect(JSON.parse(await fs.readFile(path.join(dir, 'lock'), 'utf8'))).toMatchObject({
      pid: process.pid,
      holder: 'commonplace CLI',
    });
    expect((await notebook.checkLibrary({})).ok).toBe(true);
    await notebook.close();
  });

  it('is reported by the check when a dead process holds it', async () => {
    const dir = await makeTempDir();
    const notebook = await createNotebook({ dir });
    try {
      const lock = {
        pid: deadPid(),
        host: os.hostname(),
        holder: 'commonplace serve',
        since: new Date().toISOString(),
      };
      await fs.writeFile(path.join(dir, 'lock'), JSON.stringify(lock));
      const report = await notebook.checkLibrary({});
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([expect.objectContaining({ code: 'stale_lock', path: 'lock' })]);
    } finally {
      await notebook.close();
    }
    // Not ours any more, so close leaves it; the next open takes the stale lock over.
    const next = await createNotebook({ dir });
    await next.close();
  });
});
