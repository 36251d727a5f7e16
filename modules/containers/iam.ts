/* The IAM vocabulary the workload modules import; it lives in modules/shared/. */
export type { PolicyDocument, PolicyStatement } from '../shared/policy-document';
export { policyDocument, ServiceRole, serviceTrustPolicy, type ServiceRoleProps } from '../shared/service-role';
