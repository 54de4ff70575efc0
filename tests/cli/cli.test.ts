import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../server/store/index.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/formwork.js');

describe('formwork CLI (SQLite)', () => {
  let dataDir: string;
  const cli = (...args: string[]) =>
    run(process.execPath, [BIN, ...args], {
      env: { ...process.env, FORMWORK_DATA_DIR: dataDir, MONGODB_URI: '' },
    });

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fw-cli-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('creates a user and prints a generated password', async () => {
    const { stdout } = await cli('user', 'create', '--username', 'Li.Na', '--roles', 'member,designer');
    expect(stdout).toMatch(/created user li\.na .* with password \S{8,}/);
    const store = await openStore({ dataDir, mongodbUri: null });
    const user = (await store.users.list({ filter: { op: 'eq', field: 'username', value: 'li.na' } }))
      .items[0];
    await store.close();
    expect(user.roles).toEqual(['member', 'designer']);
  });

  it('prints only the token on stdout for token create', async () => {
    const { stdout } = await cli('token', 'create', '--user', 'li.na', '--name', 'erp');
    expect(stdout).toMatch(/^fw_[A-Za-z0-9_-]{30,}\n$/);
  });

  it('fails with a clear message for an unknown user', async () => {
    await expect(cli('token', 'create', '--user', 'nobody')).rejects.toMatchObject({
      stderr: expect.stringContaining('no user named "nobody"'),
    });
  });

  it('backs up and restores the SQLite store', async () => {
    const backup = path.join(dataDir, 'backup.db');
    await cli('backup', backup);
    expect(fs.statSync(backup).size).toBeGreaterThan(0);
    await cli('user', 'create', '--username', 'after.backup', '--password', 'a-good-password');
    await cli('restore', backup);
    const store = await openStore({ dataDir, mongodbUri: null });
    const names = (await store.users.list()).items.map((u) => u.username);
    await store.close();
    expect(names).toContain('li.na');
    expect(names).not.toContain('after.backup');
  });

  it('migrate reports a reachable store', async () => {
    const { stdout } = await cli('migrate');
    expect(stdout).toContain('store sqlite is migrated and reachable');
  });
});
