import { Testing } from 'cdktf';
import { KubernetesCluster, type KubernetesClusterProps } from '../../../modules/kubernetes/kubernetes-cluster';
import { referenceTo, resourceAt, resourcesOf } from '../synthesized';
import { ACCOUNT, ADDONS, ADMIN_ROLE, clusterProps, DEPLOY_ROLE, REGION } from './fixtures';

function synth(overrides: Partial<KubernetesClusterProps> = {}): string {
  return Testing.synthScope((scope) => void new KubernetesCluster(scope, 'eks', { ...clusterProps, ...overrides }));
}

const CLUSTER = 'eks_control-plane_cluster';

describe('kubernetes cluster', () => {
  const synthesized = synth();
  const ref = (type: string, path: string) => referenceTo(synthesized, type, path);

  describe('control plane', () => {
    const cluster = resourceAt(synthesized, 'aws_eks_cluster', CLUSTER);

    it('starts with access entries only and no creator admin, so the flag never changes later', () => {
      expect(cluster.access_config).toEqual({ authentication_mode: 'API', bootstrap_cluster_creator_admin_permissions: false });
      expect(cluster.bootstrap_self_managed_addons).toBe(false);
    });

    it('keeps the endpoint private, in the given subnets, behind its API security group', () => {
      expect(cluster.vpc_config).toEqual({
        subnet_ids: ['subnet-a', 'subnet-b', 'subnet-c'],
        security_group_ids: [`\${${ref('aws_security_group', 'eks_control-plane_api-security-group')}.id}`],
        endpoint_private_access: true,
        endpoint_public_access: false,
      });
    });

    it('lets only the named callers reach the API on 443', () => {
      expect(resourceAt(synthesized, 'aws_vpc_security_group_ingress_rule', 'eks_control-plane_api-from-tier-app')).toMatchObject({
        referenced_security_group_id: 'sg-app',
        from_port: 443,
        to_port: 443,
        ip_protocol: 'tcp',
      });
      expect(Object.keys(resourcesOf(synthesized, 'aws_vpc_security_group_ingress_rule'))).toHaveLength(1);
    });

    it('encrypts secrets with its own rotating key', () => {
      expect(cluster.encryption_config).toEqual({
        resources: ['secrets'],
        provider: { key_arn: `\${${ref('aws_kms_key', 'eks_control-plane_kms-key')}.arn}` },
      });
      expect(resourceAt(synthesized, 'aws_kms_key', 'eks_control-plane_kms-key').enable_key_rotation).toBe(true);
    });

    it('names key administrators from config, never the caller identity', () => {
      const policy = JSON.parse(resourceAt(synthesized, 'aws_kms_key', 'eks_control-plane_kms-key').policy);
      expect(policy.Statement.map((statement: any) => statement.Sid)).toEqual([
        'AccountRoot',
        'KeyAdministrators',
        'ClusterEncryptsSecrets',
        'ControlPlaneLogs',
      ]);
      expect(policy.Statement[0].Principal).toEqual({ AWS: `arn:aws:iam::${ACCOUNT}:root` });
      expect(policy.Statement[1].Principal).toEqual({ AWS: [DEPLOY_ROLE, ADMIN_ROLE] });
      expect(JSON.parse(synthesized).data?.aws_caller_identity).toBeUndefined();
    });

    it('logs api, audit and authenticator into a log group created first, with retention and the key', () => {
      expect(cluster.enabled_cluster_log_types).toEqual(['api', 'audit', 'authenticator']);
      expect(resourceAt(synthesized, 'aws_cloudwatch_log_group', 'eks_control-plane_logs')).toMatchObject({
        name: '/aws/eks/analytics/cluster',
        retention_in_days: 365,
      });
      expect(cluster.depends_on).toContain(ref('aws_cloudwatch_log_group', 'eks_control-plane_logs'));
    });

    it('is IPv4 with standard support unless told otherwise', () => {
      expect(cluster.kubernetes_network_config).toEqual({ ip_family: 'ipv4' });
      expect(cluster.upgrade_policy).toEqual({ support_type: 'STANDARD' });
      expect(cluster.version).toBe('1.31');
    });

    it('creates an OIDC provider without a thumbprint lookup', () => {
      const provider = resourceAt(synthesized, 'aws_iam_openid_connect_provider', 'eks_control-plane_oidc-provider');
      expect(provider.client_id_list).toEqual(['sts.amazonaws.com']);
      expect(provider.thumbprint_list).toBeUndefined();
      expect(provider.url).toBe(`\${${ref('aws_eks_cluster', CLUSTER)}.identity[0].oidc[0].issuer}`);
      expect(Object.keys(JSON.parse(synthesized).data ?? {})).toEqual(['aws_iam_policy_document']);
    });
  });

  describe('access', () => {
    it('creates an entry and a cluster-wide admin association for each principal', () => {
      expect(resourceAt(synthesized, 'aws_eks_access_entry', 'eks_access_entry-deploy')).toMatchObject({
        principal_arn: DEPLOY_ROLE,
        type: 'STANDARD',
      });
      expect(resourceAt(synthesized, 'aws_eks_access_policy_association', 'eks_access_policy-platform-admins')).toMatchObject({
        policy_arn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
        access_scope: { type: 'cluster' },
      });
    });

    it('scopes a viewer to its namespaces', () => {
      const viewers = synth({
        access: {
          ...clusterProps.access,
          readers: { principalArn: `arn:aws:iam::${ACCOUNT}:role/readers`, level: 'view', namespaces: ['apps'] },
        },
      });
      expect(resourceAt(viewers, 'aws_eks_access_policy_association', 'eks_access_policy-readers')).toMatchObject({
        policy_arn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
        access_scope: { type: 'namespace', namespaces: ['apps'] },
      });
    });
  });

  describe('node groups', () => {
    const group = resourceAt(synthesized, 'aws_eks_node_group', 'eks_node-group-general_node-group');
    const template = resourceAt(synthesized, 'aws_launch_template', 'eks_node-group-general_launch-template');

    it('requires IMDSv2 with one hop and encrypts the root volume', () => {
      expect(template.metadata_options).toMatchObject({ http_tokens: 'required', http_put_response_hop_limit: 1 });
      expect(template.block_device_mappings[0].ebs).toMatchObject({ encrypted: 'true', volume_type: 'gp3' });
    });

    it('is named by prefix and created before destroyed, leaving the desired size to the autoscaler', () => {
      expect(group.node_group_name_prefix).toBe('general-');
      expect(group.node_group_name).toBeUndefined();
      expect(group.lifecycle).toEqual({ create_before_destroy: true, ignore_changes: ['scaling_config[0].desired_size'] });
      expect(group.scaling_config).toEqual({ min_size: 2, max_size: 10, desired_size: 2 });
    });

    it('runs AL2023 On-Demand nodes with node repair and a bounded rolling update', () => {
      expect(group).toMatchObject({
        ami_type: 'AL2023_x86_64_STANDARD',
        capacity_type: 'ON_DEMAND',
        instance_types: ['m6i.large', 'm5.large'],
        node_repair_config: { enabled: true },
        update_config: { max_unavailable_percentage: 33 },
      });
    });

    it('follows the cluster version and waits for the VPC CNI', () => {
      expect(group.version).toBe(`\${${referenceTo(synthesized, 'aws_eks_cluster', CLUSTER)}.version}`);
      expect(group.depends_on).toEqual([
        referenceTo(synthesized, 'aws_eks_addon', 'eks_addon-vpc-cni_addon'),
        referenceTo(synthesized, 'aws_eks_addon', 'eks_addon-eks-pod-identity-agent_addon'),
      ]);
    });

    it('sets max pods through nodeadm when configured', () => {
      const withPods = synth({ nodeGroups: { general: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 3, maxPods: 29 } } });
      const userData = resourceAt(withPods, 'aws_launch_template', 'eks_node-group-general_launch-template').user_data;
      expect(Buffer.from(userData, 'base64').toString()).toContain('maxPods: 29');
    });
  });

  describe('add-ons', () => {
    const addon = (name: string) => resourceAt(synthesized, 'aws_eks_addon', `eks_addon-${name}_addon`);

    it('pins every version and states conflict resolution', () => {
      for (const name of ['vpc-cni', 'coredns', 'kube-proxy', 'eks-pod-identity-agent']) {
        expect(addon(name)).toMatchObject({
          addon_version: ADDONS[name as keyof typeof ADDONS]!.version,
          resolve_conflicts_on_create: 'OVERWRITE',
          resolve_conflicts_on_update: 'PRESERVE',
        });
      }
    });

    it('creates coredns and kube-proxy after the nodes', () => {
      const nodes = referenceTo(synthesized, 'aws_eks_node_group', 'eks_node-group-general_node-group');
      expect(addon('coredns').depends_on).toEqual([nodes]);
      expect(addon('kube-proxy').depends_on).toEqual([nodes]);
    });

    it('gives the VPC CNI its own IRSA role with the CNI policy', () => {
      expect(addon('vpc-cni').service_account_role_arn).toBe(`\${${referenceTo(synthesized, 'aws_iam_role', 'eks_vpc-cni-role')}.arn}`);
      const trust = JSON.parse(synthesized).data.aws_iam_policy_document;
      const condition = Object.values(trust as Record<string, any>)[0].statement[0].condition;
      expect(condition[0]).toMatchObject({ test: 'StringLike', values: ['system:serviceaccount:kube-system:aws-node'] });
      expect(condition[0].variable).toMatch(
        /^\$\{replace\(aws_eks_cluster\..*\.identity\[0\]\.oidc\[0\]\.issuer, "https:\/\/", ""\)\}:sub$/,
      );
      expect(resourceAt(synthesized, 'aws_iam_role_policy_attachment', 'eks_vpc-cni-role_attachment-cni').policy_arn).toBe(
        'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
      );
    });

    it('installs no EFS CSI driver unless configured', () => {
      expect(resourcesOf(synthesized, 'aws_eks_addon')['eks_addon-aws-efs-csi-driver_addon']).toBeUndefined();
    });
  });

  describe('with an IPv6 Fargate-only cluster and the EFS CSI driver through IRSA', () => {
    const ipv6 = synth({
      ipFamily: 'ipv6',
      nodeGroups: {},
      fargateProfiles: { apps: [{ namespace: 'apps', labels: { tier: 'app' } }] },
      addons: { ...ADDONS, 'aws-efs-csi-driver': { version: 'v2.1.4-eksbuild.1', identity: 'irsa' } },
    });

    it('creates the cluster with the IPv6 family and the CNI IPv6 policy', () => {
      expect(resourceAt(ipv6, 'aws_eks_cluster', CLUSTER).kubernetes_network_config).toEqual({ ip_family: 'ipv6' });
      const policy = JSON.parse(resourceAt(ipv6, 'aws_iam_role_policy', 'eks_vpc-cni-role_policy').policy);
      expect(policy.Statement[0].Action).toContain('ec2:AssignIpv6Addresses');
    });

    it('runs coredns on Fargate and creates no node role', () => {
      expect(JSON.parse(resourceAt(ipv6, 'aws_eks_addon', 'eks_addon-coredns_addon').configuration_values)).toEqual({
        computeType: 'Fargate',
      });
      expect(resourcesOf(ipv6, 'aws_eks_node_group')).toEqual({});
      expect(Object.keys(resourcesOf(ipv6, 'aws_iam_role')).filter((path) => path.includes('node-role'))).toEqual([]);
    });

    it('creates a Fargate profile in the cluster subnets with a pod execution role trusted for this cluster only', () => {
      expect(resourceAt(ipv6, 'aws_eks_fargate_profile', 'eks_fargate_profile-apps')).toMatchObject({
        fargate_profile_name: 'apps',
        subnet_ids: ['subnet-a', 'subnet-b', 'subnet-c'],
        selector: [{ namespace: 'apps', labels: { tier: 'app' } }],
      });
      const trust = JSON.parse(resourceAt(ipv6, 'aws_iam_role', 'eks_fargate_pod-execution-role').assume_role_policy);
      expect(trust.Statement[0].Condition.ArnLike['aws:SourceArn']).toBe(
        `arn:aws:eks:${REGION}:${ACCOUNT}:fargateprofile/\${${referenceTo(ipv6, 'aws_eks_cluster', CLUSTER)}.name}/*`,
      );
    });

    it('trusts the EFS CSI role on kube-system:efs-csi-*', () => {
      const documents = Object.values(JSON.parse(ipv6).data.aws_iam_policy_document as Record<string, any>);
      const subjects = documents.map((document) => document.statement[0].condition[0].values[0]);
      expect(subjects).toContain('system:serviceaccount:kube-system:efs-csi-*');
    });
  });

  describe('with invalid props', () => {
    it('rejects a public endpoint without CIDRs', () => {
      expect(() => synth({ endpointPublicAccess: true })).toThrow(
        'EksCluster analytics: endpointPublicAccess is on with no publicAccessCidrs; list the CIDRs that may reach it, or turn it off',
      );
    });

    it('rejects a public endpoint open to the internet', () => {
      expect(() => synth({ endpointPublicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] })).toThrow(/publicAccessCidrs has 0.0.0.0\/0/);
    });

    it('rejects more than 30 node groups', () => {
      const groups = Object.fromEntries(
        Array.from({ length: 31 }, (_, i) => [`g${i}`, { instanceTypes: ['m5.large'], minSize: 0, maxSize: 1 }]),
      );
      expect(() => synth({ nodeGroups: groups })).toThrow(
        'KubernetesCluster analytics: nodeGroups has 31; EKS allows 30 managed node groups per cluster',
      );
    });

    it('rejects a node group over 450 nodes', () => {
      expect(() => synth({ nodeGroups: { big: { instanceTypes: ['m5.large'], minSize: 1, maxSize: 451 } } })).toThrow(
        'EksNodeGroup big: maxSize is 451; it must be a whole number from 1 to 450 — EKS allows at most 450 nodes per managed node group',
      );
    });

    it('rejects a cluster with nowhere to run pods', () => {
      expect(() => synth({ nodeGroups: {} })).toThrow(/no nodeGroups and no fargateProfiles/);
    });

    it('rejects a version that is not a minor version', () => {
      expect(() => synth({ version: '1.31.2' })).toThrow(
        'EksCluster analytics: version "1.31.2" is not a Kubernetes minor version; give it as "1.31"',
      );
    });

    it('rejects an unpinned add-on version', () => {
      expect(() => synth({ addons: { ...ADDONS, coredns: { version: 'latest' } } })).toThrow(/version "latest" is not an add-on version/);
    });
  });
});
