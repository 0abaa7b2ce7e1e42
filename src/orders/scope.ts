/**
 * What one paid order is for: a project, an order type, a level and a language. The one
 * definition used to reuse, create, recover, remember (the cache manifest) and report orders;
 * and which orders of another type a parent order brought with it (its child orders).
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

/** How far apart (Ollang's clock) a parent order and the child orders it adds may be stamped. */
export const CHILD_STAMP_WINDOW_MS = 5_000;

/**
 * Whether `candidate`, an order of another type made by the same Create Order call, may be a
 * child order of `parent` (docs/ollang-api.md, "Create Order"): stamped within moments of it, in
 * its target or source language. Nothing in an order links the two: children in the source
 * language look alike whichever parent of the call added them.
 */
export function isChildOf(
  candidate: { targetLanguage: string; createdAt?: string | undefined },
  parent: { targetLanguage: string; sourceLanguage?: string | undefined; createdAt?: string | undefined },
): boolean {
  const language = languageKey(candidate.targetLanguage);
  if (language !== languageKey(parent.targetLanguage) && language !== languageKey(parent.sourceLanguage ?? '')) return false;
  const a = stampOf(candidate);
  const b = stampOf(parent);
  return a === undefined || b === undefined || Math.abs(a - b) <= CHILD_STAMP_WINDOW_MS;
}

/** An order's `createdAt` (Ollang's clock) in epoch ms, or undefined. */
export function stampOf(order: { createdAt?: string | undefined }): number | undefined {
  const t = order.createdAt === undefined ? NaN : Date.parse(order.createdAt);
  return Number.isFinite(t) ? t : undefined;
}
