/**
 * What one paid order is for: a project, an order type, a level and a language. The one
 * definition used to reuse, create, recover, remember (the cache manifest) and report orders.
 */
import type { Order } from '../ollang/schemas.ts';

/** The orders of one Create Order call: one project, type and level (its languages vary). */
export interface OrderScope {
  projectId: string;
  orderType: string;
  /** 0 AI only, 1 with human review: the level we send. */
  level: number;
}

/** Language codes compare case-insensitively (`pt-BR` and `pt-br` are one language). */
export function languageKey(language: string): string {
  return language.toLowerCase();
}

/** An order of the scope's project (where Ollang says which) and type, and, when `level` is checked, of its level. */
export function inScope(order: Pick<Order, 'projectId' | 'type' | 'level'>, scope: OrderScope, options: { level: boolean }): boolean {
  if (order.projectId !== undefined && order.projectId !== scope.projectId) return false;
  if (order.type !== scope.orderType) return false;
  // A level Ollang does not report matches; one it reports must be ours (docs/ollang-api.md, "Orders").
  return !options.level || (order.level ?? scope.level) === scope.level;
}
