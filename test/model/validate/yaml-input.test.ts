import { problemsOf, sampleModel } from '../../support/config';
import { append, at, baseTexts, change, DEV } from './fixtures';

/* YAML the parser accepts but whose meaning would silently change, or that would exhaust the machine. */

describe('YAML input', () => {
  describe('with a tag outside the core schema', () => {
    it('rejects a CloudFormation tag instead of using its text as the value', () => {
      const texts = change(baseTexts(), DEV, 'region: eu-west-1', 'region: !Ref Region');
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'Region')}: uses the YAML tag !Ref, which the config does not support — remove the tag: values are plain strings, numbers, booleans, lists and maps (CloudFormation tags such as !Ref mean nothing here)`,
      ]);
    });

    it('rejects !!binary', () => {
      const texts = change(baseTexts(), DEV, 'region: eu-west-1', 'region: !!binary ZXUtd2VzdC0x');
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'ZXUt')}: uses the YAML tag !!binary, which the config does not support — remove the tag: values are plain strings, numbers, booleans, lists and maps (CloudFormation tags such as !Ref mean nothing here)`,
      ]);
    });

    it('accepts core tags such as !!str', () => {
      const texts = change(baseTexts(), DEV, 'id: "510000000001"', 'id: !!str 510000000001');
      expect(sampleModel(texts).accounts.find((account) => account.name === 'payments-dev')?.id).toBe('510000000001');
    });
  });

  describe('with merge keys', () => {
    it('merges a shared map into each account, the account keeping its own keys', () => {
      const texts = change(
        change(
          baseTexts(),
          DEV,
          '  payments-dev:\n    email: payments-dev@acme.example\n',
          '  payments-dev:\n    <<: &workload { ou: Workloads }\n    email: payments-dev@acme.example\n',
        ),
        DEV,
        '  orders-dev:\n    email: orders-dev@acme.example\n    ou: Workloads\n',
        '  orders-dev:\n    <<: *workload\n    email: orders-dev@acme.example\n',
      );
      expect(
        sampleModel(texts)
          .accounts.filter((account) => account.environment === 'dev')
          .map((account) => account.ou),
      ).toEqual(['Workloads', 'Workloads']);
    });

    it('rejects a merge of something that is not a map', () => {
      const texts = change(baseTexts(), DEV, '  orders-dev:\n', '  orders-dev:\n    <<: 5\n');
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, '<<')}: merges (<<) something that is not a map — merge an alias of a map, e.g. <<: *defaults, or a list of them`,
      ]);
    });
  });

  describe('with aliases', () => {
    it('rejects an alias inside the value it names', () => {
      const texts = append(baseTexts(), DEV, 'peerings: &loop { self: *loop }\n');
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, '*loop')}: refers to *loop, a value that contains this alias — an alias cannot sit inside the value it names; write the value out`,
      ]);
    });

    it('rejects an alias of an anchor that is not defined', () => {
      const texts = change(baseTexts(), DEV, 'region: eu-west-1', 'region: *home');
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, '*home')}: refers to the anchor &home, which is not defined before it — define the anchor (&name) before using it (*name)`,
      ]);
    });
  });

  describe('with keys', () => {
    it('rejects a key written twice, at the second one', () => {
      const texts = append(baseTexts(), DEV, 'region: eu-west-1\n');
      expect(problemsOf(texts)).toEqual([
        `${at(texts, DEV, 'region', 2)}: cannot be parsed: Map keys must be unique — fix the YAML syntax at this line and column`,
      ]);
    });

    it('rejects a key that is not a plain value', () => {
      const texts = append(baseTexts(), DEV, '? [a, b]\n: 1\n');
      expect(problemsOf(texts)).toEqual([`${at(texts, DEV, '[a, b]')}: has a key that is not a plain value — use a plain name as the key`]);
    });
  });
});
