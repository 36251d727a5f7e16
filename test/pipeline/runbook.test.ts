import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderRunbook, runbookEnvironments } from '../../pipeline/runbook';
import type { ResiliencePlan } from '../../model/workloads/types';
import { sampleModel } from '../support/config';

const model = sampleModel();
const RUNBOOK_DIR = path.join(__dirname, '..', '..', 'docs', 'game-days');

describe('game-day runbook', () => {
  it('is committed for every environment with experiments and matches the config (run npm run runbook after changing it)', () => {
    expect(runbookEnvironments(model)).toEqual(['dev', 'prod', 'staging']);
    expect(fs.readdirSync(RUNBOOK_DIR).sort()).toEqual(['dev.md', 'prod.md', 'staging.md']);
    for (const environment of runbookEnvironments(model)) {
      const committed = fs.readFileSync(path.join(RUNBOOK_DIR, `${environment}.md`), 'utf8');
      expect({ environment, runbook: committed }).toEqual({ environment, runbook: renderRunbook(model, environment) });
    }
  });

  describe('of prod', () => {
    const runbook = renderRunbook(model, 'prod');
    const plans = model.stacks.filter((plan): plan is ResiliencePlan => plan.kind === 'resilience' && plan.environment === 'prod');

    it('has a section per experiment, with its targets, its stop conditions and why it may run in production', () => {
      for (const plan of plans)
        for (const experiment of plan.experiments) {
          expect(runbook).toContain(`### ${experiment.name}\n\n${experiment.description}.`);
          for (const alarm of experiment.stopConditions) expect(runbook).toContain(`| \`${alarm.alarmName}\` |`);
          expect(runbook).toContain(`- **Allowed in production because:** ${experiment.allowInProd!.reason}`);
        }
      expect(runbook).toContain(
        "the app subnets of eu-west-1c in the spoke VPC (tag `Tier=app`, filters AvailabilityZone eu-west-1c and the spoke's VpcId): the one subnet `app-c`",
      );
      expect(runbook).toContain('ECS service `acme-prod-orders-prod-orders-api` (tag `Service=acme-prod-orders-prod-orders-api`');
    });

    it('tells how to find the template id, check the steady state, start, follow and stop an experiment', () => {
      expect(runbook).toContain(
        `TEMPLATE=$(terraform -chdir=cdktf.out/stacks/prod-resilience-orders-prod output -json fis_experiment_template_ids | jq -r '."orders-api-tasks"')`,
      );
      expect(runbook).toContain(
        `aws cloudwatch describe-alarms --region eu-west-1 --alarm-names "acme-prod-orders-prod/ecs-service/orders-api/running-tasks"`,
      );
      expect(runbook).toContain('aws fis start-experiment --region eu-west-1 --experiment-template-id "$TEMPLATE"');
      expect(runbook).toContain('aws fis stop-experiment --region eu-west-1 --id "$EXPERIMENT"');
      expect(runbook).toContain('aws logs tail --region eu-west-1 /aws/vendedlogs/fis/acme-orders-api-tasks --follow');
    });

    it('warns that an AZ loss swaps NACLs, so the spoke must not be applied while it runs', () => {
      expect(runbook).toContain('**Do not plan-and-apply that spoke during the');
      expect(runbook).toContain('(`prod-spoke-<account>`) then shows drift');
    });
  });
});
