import { deliveryTests, orderingTests } from './delivery-tests.js';
import { SuiteContext, type TransportHarness, type TransportSuiteOptions, type VitestApi } from './harness.js';
import { closeTests, limitTests, unreachableTests } from './limit-tests.js';

export type { TransportHarness, TransportSuiteOptions } from './harness.js';

/**
 * The compliance tests of the Transport contract (libp2p interface-compliance-tests): delivery, per-channel
 * ordering of reliable sends, no re-entrant delivery, the maxPayloadBytes refusal, close and unreachable
 * peers. `await` it at the top level of a test file (vitest is imported lazily, so `@swarmsim/testkit`
 * still loads outside a test runner); `setup` runs before each test and `teardown` after it.
 */
export async function transportSuite(
  name: string,
  setup: () => Promise<TransportHarness>,
  options: TransportSuiteOptions = {}
): Promise<void> {
  const vitest: VitestApi = await import('vitest');
  const resolved: Required<TransportSuiteOptions> = {
    stepMs: options.stepMs ?? 1,
    maxWaitMs: options.maxWaitMs ?? 5000,
    quietMs: options.quietMs ?? 50
  };
  vitest.describe(`${name}: Transport compliance`, () => {
    let context: SuiteContext | undefined;
    vitest.beforeEach(async () => {
      context = new SuiteContext(await setup(), resolved, vitest);
    });
    vitest.afterEach(async () => {
      await context?.harness.teardown();
      context = undefined;
    });
    const ctx = (): SuiteContext => context!;
    deliveryTests(ctx, vitest);
    orderingTests(ctx, vitest);
    limitTests(ctx, vitest);
    unreachableTests(ctx, vitest);
    closeTests(ctx, vitest);
  });
}
