import * as fs from 'node:fs';
import * as path from 'node:path';
import { ALL_RULES } from '../../policy';

const RULES_DIR = path.join(__dirname, '..', '..', 'policy', 'rules');
const RULE_TESTS_DIR = path.join(__dirname, 'rules');
// The id format policyWaivers accepts in org.yaml (model/schema.ts).
const WAIVABLE_ID = /^LZ-[A-Z]+-\d{3}$/;

describe('policy rule registry', () => {
  it('registers one rule per file in policy/rules, named by its id', () => {
    const files = fs
      .readdirSync(RULES_DIR)
      .filter((name) => name !== 'index.ts')
      .map((name) => name.replace(/\.ts$/, ''))
      .sort();
    expect(ALL_RULES.map((rule) => rule.id).sort()).toEqual(files);
  });

  it('gives every rule an id that a waiver can name, and no id twice', () => {
    const ids = ALL_RULES.map((rule) => rule.id);
    expect(ids.filter((id) => !WAIVABLE_ID.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('maps every rule to a checkov id, except our own account, plan-time lookup, messaging, queue-source, alarm-notification and FIS rules (checkov has no FIS check)', () => {
    expect(ALL_RULES.filter((rule) => !rule.checkov).map((rule) => rule.id)).toEqual([
      'LZ-ORG-001',
      'LZ-LAMBDA-005',
      'LZ-DATA-001',
      'LZ-MSG-003',
      'LZ-MSG-004',
      'LZ-ALARM-002',
      'LZ-FIS-001',
      'LZ-FIS-002',
    ]);
    expect(ALL_RULES.filter((rule) => rule.checkov && !/^CKV2?_AWS_\d+$/.test(rule.checkov))).toEqual([]);
  });

  it('covers the network, account, storage, key, trail, IMDS, ECS, ECR, EKS, Batch, Step Functions, Lambda, API Gateway, SQS, SNS and CloudWatch alarm controls of the DOMAIN table', () => {
    expect(
      ALL_RULES.map((rule) => rule.checkov)
        .filter(Boolean)
        .sort(),
    ).toEqual(
      [
        'CKV_AWS_24',
        'CKV_AWS_25',
        'CKV_AWS_277',
        'CKV2_AWS_12',
        'CKV2_AWS_11',
        'CKV_AWS_352',
        'CKV_AWS_19',
        'CKV2_AWS_6',
        'CKV_AWS_7',
        'CKV_AWS_67',
        'CKV_AWS_36',
        'CKV_AWS_35',
        'CKV_AWS_79',
        'CKV_AWS_334',
        'CKV_AWS_336',
        'CKV_AWS_335',
        'CKV_AWS_65',
        'CKV_AWS_163',
        'CKV_AWS_51',
        'CKV_AWS_27',
        'CKV_AWS_26',
        'CKV_AWS_39',
        'CKV_AWS_58',
        'CKV_AWS_37',
        'CKV_AWS_210',
        'CKV_AWS_285',
        'CKV_AWS_284',
        'CKV_AWS_117',
        'CKV_AWS_116',
        'CKV_AWS_115',
        'CKV_AWS_50',
        'CKV_AWS_76',
        'CKV_AWS_59',
        'CKV_AWS_73',
        'CKV_AWS_308',
        'CKV_AWS_319',
      ].sort(),
    );
  });

  it('has passing and failing tests for every rule (its id appears in a "passes" and a "fails" test file)', () => {
    const tests = fs
      .readdirSync(RULE_TESTS_DIR)
      .map((name) => fs.readFileSync(path.join(RULE_TESTS_DIR, name), 'utf8'))
      .join('\n');
    const untested = ALL_RULES.filter((rule) => !tests.includes(`'${rule.id}'`) && !tests.includes(`${rule.id} (`)).map((rule) => rule.id);
    expect(untested).toEqual([]);
  });

  it('gives every rule a title, a fix and at least one resource type', () => {
    for (const rule of ALL_RULES) {
      expect({ id: rule.id, title: rule.title.length > 10, fix: rule.fix.length > 10, types: rule.resourceTypes.length > 0 }).toEqual({
        id: rule.id,
        title: true,
        fix: true,
        types: true,
      });
    }
  });
});
