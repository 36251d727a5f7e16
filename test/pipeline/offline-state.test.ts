import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureOfflineStates } from '../../pipeline/offline-state';

describe('offline state', () => {
  it('writes an empty state for the stack and for every producer it reads, and keeps existing ones', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lz-state-'));
    const stackDir = path.join(outdir, 'stacks', 'dev-spoke-a');
    const existing = path.join(outdir, 'offline-state', 'global', 'org.tfstate');
    fs.mkdirSync(path.dirname(existing), { recursive: true });
    fs.writeFileSync(existing, 'kept');
    const written = ensureOfflineStates(stackDir, {
      terraform: { backend: { local: { path: '../../offline-state/dev/dev-spoke-a.tfstate' } } },
      data: {
        terraform_remote_state: {
          hub: { backend: 'local', config: { path: '../../offline-state/dev/dev-network-hub.tfstate' } },
          org: { backend: 'local', config: { path: '../../offline-state/global/org.tfstate' } },
        },
      },
    });
    expect(written.map((file) => path.relative(outdir, file)).sort()).toEqual([
      'offline-state/dev/dev-network-hub.tfstate',
      'offline-state/dev/dev-spoke-a.tfstate',
    ]);
    expect(JSON.parse(fs.readFileSync(written[0], 'utf8'))).toMatchObject({ version: 4, serial: 0, resources: [], outputs: {} });
    expect(fs.readFileSync(existing, 'utf8')).toBe('kept');
  });
});
