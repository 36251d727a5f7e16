/** Fargate capacity provider strategies, shared by the cluster default and each service. */

export type FargateCapacityProvider = 'FARGATE' | 'FARGATE_SPOT';

export interface CapacityProviderShare {
  /** Relative share of tasks placed on this provider once every base is met. */
  readonly weight: number;
  /** Tasks always placed on this provider first; only one provider of a strategy may have a base. @default 0 */
  readonly base?: number;
}

/** A capacity provider strategy keyed by provider, so its order never matters. */
export type CapacityProviderStrategy = Readonly<Partial<Record<FargateCapacityProvider, CapacityProviderShare>>>;

/** Two Spot tasks for each On-Demand one, with the first task always On-Demand (Spot tasks can be stopped with a 2-minute warning). */
export const DEFAULT_CAPACITY_PROVIDER_STRATEGY: CapacityProviderStrategy = {
  FARGATE: { weight: 1, base: 1 },
  FARGATE_SPOT: { weight: 2 },
};

export interface CapacityProviderStrategyItem {
  readonly capacityProvider: FargateCapacityProvider;
  readonly weight: number;
  readonly base?: number;
}

/** The strategy as provider blocks, in a fixed order (FARGATE, FARGATE_SPOT). */
export function strategyItems(strategy: CapacityProviderStrategy): CapacityProviderStrategyItem[] {
  return (['FARGATE', 'FARGATE_SPOT'] as const)
    .filter((provider) => strategy[provider] !== undefined)
    .map((provider) => ({ capacityProvider: provider, weight: strategy[provider]!.weight, base: strategy[provider]!.base }));
}

export function checkStrategy(where: string, prop: string, strategy: CapacityProviderStrategy): void {
  const items = strategyItems(strategy);
  const unknown = Object.keys(strategy).filter((provider) => provider !== 'FARGATE' && provider !== 'FARGATE_SPOT');
  if (unknown.length > 0)
    throw new Error(`${where}: ${prop} names ${unknown.join(', ')}; only FARGATE and FARGATE_SPOT are Fargate capacity providers`);
  if (items.length === 0) throw new Error(`${where}: ${prop} is empty; give FARGATE and/or FARGATE_SPOT a weight`);
  for (const item of items) {
    if (!Number.isInteger(item.weight) || item.weight < 0 || item.weight > 1000) {
      throw new Error(`${where}: ${prop}.${item.capacityProvider}.weight ${item.weight} must be a whole number from 0 to 1000`);
    }
    if (item.base !== undefined && (!Number.isInteger(item.base) || item.base < 0 || item.base > 100000)) {
      throw new Error(`${where}: ${prop}.${item.capacityProvider}.base ${item.base} must be a whole number from 0 to 100000`);
    }
  }
  if (items.filter((item) => (item.base ?? 0) > 0).length > 1) {
    throw new Error(`${where}: ${prop} sets a base on both providers; only one provider of a strategy may have a base`);
  }
  if (items.every((item) => item.weight === 0)) throw new Error(`${where}: ${prop} has no provider with a weight above 0`);
}
