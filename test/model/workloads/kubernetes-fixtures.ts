import type { ConfigText } from '../../../model/load';
import { sampleTexts } from '../../support/config';

/** A workloads file with one EKS cluster, to be edited by each test. */

export const PROD_FILE = 'environments/prod/analytics-prod.yaml';

export const ADDONS = `
      addons:
        vpc-cni: { version: v1.19.2-eksbuild.1 }
        coredns: { version: v1.11.4-eksbuild.2 }
        kube-proxy: { version: v1.31.3-eksbuild.2 }
        eks-pod-identity-agent: { version: v1.3.4-eksbuild.1 }`;

export function clusterFile(cluster: string): string {
  return `kubernetes:\n  clusters:\n    platform:\n${cluster}${ADDONS}\n`;
}

export const GOOD_CLUSTER = `      version: "1.31"
      nodeGroups:
        general: { instanceTypes: [m5.large], minSize: 2, maxSize: 6, maxPods: 29 }
`;

/** The sample's environment files plus one workloads file (sample workloads files of other accounts are left out). */
export function withWorkloads(file: string, text: string): ConfigText[] {
  return [...sampleTexts(), { file, text }].sort((a, b) => a.file.localeCompare(b.file));
}
