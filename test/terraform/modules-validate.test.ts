import { MODULE_VALIDATE_CASES } from '../modules/validate-cases';
import { validateCases, type CasesValidation } from '../support/terraform-validate-cases';

/*
 * Every module case of test/modules/validate-cases.ts against the real hashicorp/aws 5.100.0 schema,
 * as modules of one root: one `terraform init` and one `terraform validate` with two provider
 * processes, instead of both per case. Each case's test fails with the errors Terraform reports in
 * that case's module (test/terraform/validate-cases.test.ts shows the charging works).
 */
describe('module configurations under terraform validate', () => {
  let validation: CasesValidation;
  beforeAll(async () => {
    validation = await validateCases('lz-modules-validate', MODULE_VALIDATE_CASES);
  }, 300_000);

  for (const { name, title } of MODULE_VALIDATE_CASES) {
    it(title, () => {
      const errors = validation.errors.get(name) ?? [];
      if (errors.length > 0) throw new Error(`terraform validate rejects the ${name} case:\n\n${errors.join('\n\n')}`);
    });
  }
});
