import { describe, expect, it } from 'vitest';
import { defaultLibraryDir, shardFileName, shardIndexOf } from './paths';

describe('defaultLibraryDir', () => {
  it('is the desktop app user-data folder plus /library on each platform', () => {
    expect(defaultLibraryDir({}, 'linux', '/home/ama')).toBe('/home/ama/.config/Commonplace/library');
    expect(defaultLibraryDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ama')).toBe(
      '/xdg/Commonplace/library',
    );
    expect(defaultLibraryDir({}, 'darwin', '/Users/ama')).toBe(
      '/Users/ama/Library/Application Support/Commonplace/library',
    );
    expect(
      defaultLibraryDir({ APPDATA: 'C:\\Users\\ama\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ama'),
    ).toBe('C:\\Users\\ama\\AppData\\Roaming\\Commonplace\\library');
  });

  it("ignores COMMONPLACE_LIBRARY, which is the CLI's to read", () => {
    expect(defaultLibraryDir({ COMMONPLACE_LIBRARY: '/elsewhere' }, 'linux', '/home/ama')).toBe(
      '/home/ama/.config/Commonplace/library',
    );
  });
});

describe('shard file names', () => {
  it('round-trips and widens past 256 shards, whatever the shard count', () => {
    expect(shardFileName(10)).toBe('items-0a.json');
    expect(shardFileName(700)).toBe('items-2bc.json');
    expect(shardIndexOf('items-3f.json')).toBe(63);
    expect(shardIndexOf('items-2bc.json')).toBe(700);
    expect(shardIndexOf('items-3f.json.bak')).toBeNull();
  });
});
