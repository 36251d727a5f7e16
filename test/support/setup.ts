import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';

Testing.setupJest();

/*
 * cdktf records where every token was created (a full stack trace, only ever shown in its own error
 * messages). Under jest each of those traces is source-mapped, which made a synth of the sample 2.4 s
 * instead of 1.0 s; tests do without the creation stacks. The synthesized Terraform is the same.
 */
jest.mock('cdktf/lib/tokens/private/stack-trace', () => ({ captureStackTrace: () => [] }));
