import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decideMode, synthSettingsFromEnv } from '../../pipeline/mode';

const emptyHome = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-home-'));

describe('offline or live', () => {
  it('is offline when LZ_OFFLINE is set, whatever the credentials', () => {
    expect(decideMode({ LZ_OFFLINE: '1', AWS_ACCESS_KEY_ID: 'AKIA' }, emptyHome)).toEqual({ mode: 'offline', reason: 'LZ_OFFLINE is set' });
  });

  it('is offline without credentials, and says how to force live mode', () => {
    expect(decideMode({}, emptyHome)).toEqual({
      mode: 'offline',
      reason: 'no AWS credentials found (set LZ_OFFLINE=0 to force live mode)',
    });
  });

  it('is live with credentials from the environment, a profile or a shared credentials file', () => {
    expect(decideMode({ AWS_ACCESS_KEY_ID: 'AKIA' }, emptyHome).mode).toBe('live');
    expect(decideMode({ AWS_PROFILE: 'platform' }, emptyHome).mode).toBe('live');
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-home-'));
    fs.mkdirSync(path.join(home, '.aws'));
    fs.writeFileSync(path.join(home, '.aws', 'credentials'), '[default]\n');
    expect(decideMode({}, home)).toEqual({ mode: 'live', reason: `AWS credentials found (${path.join(home, '.aws', 'credentials')})` });
  });

  it('is live when forced with LZ_OFFLINE=0', () => {
    expect(decideMode({ LZ_OFFLINE: '0' }, emptyHome).mode).toBe('live');
  });

  it('takes the output folder from CDKTF_OUTDIR, as cdktf synth --output sets it', () => {
    const settings = synthSettingsFromEnv({ CDKTF_OUTDIR: 'elsewhere', LZ_STATE_DIR: '/var/state' }, { mode: 'offline', reason: 'test' });
    expect(settings).toEqual({ mode: 'offline', outdir: path.resolve('elsewhere'), stateDir: '/var/state' });
  });
});
