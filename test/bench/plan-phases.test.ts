import { planPhases } from '../../bench/plan-phases';

const log = [
  '2026-12-02T16:53:20.000Z [INFO]  CLI args: []string{"terraform", "plan"}',
  '2026-12-02T16:53:21.000Z [DEBUG] checking for provisioner in "."',
  '2026-12-02T16:53:23.500Z [DEBUG] Building and walking validate graph',
  '2026-12-02T16:53:24.500Z [DEBUG] Building and walking plan graph for NormalMode',
  '2026-12-02T16:53:26.000Z [INFO]  backend/local: writing plan output to: plan.tfplan',
].join('\n');

describe('plan phases from the Terraform debug log', () => {
  it('splits the wall time at the lines that end each phase', () => {
    expect(planPhases(log, 6.25)).toEqual({ startup: 1, schema: 2.5, validate: 1, plan: 1.5, write: 0.25 });
  });

  it('gives up when a phase marker is missing (another Terraform version)', () => {
    expect(planPhases(log.replace('Building and walking plan graph', 'something else'), 6)).toBeUndefined();
  });
});
