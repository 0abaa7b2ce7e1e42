// The Ollang simulator: a faithful local fake of Ollang's integration API (create, get, list,
// cancel, cancel human review, signed downloads), used by the tests, the demo and the benchmark.
//
//   const sim = await OllangSimulator.start({ lifecycle: { pendingMs: 20, ongoingMs: 40 } });
//   // point the client at sim.url with sim.apiKey ...
//   await sim.close();

export { OllangSimulator, DEFAULT_API_KEY, SIM_CLIENT_ID, genericEnvelope } from './simulator.ts';
export { DEFAULT_LIFECYCLE, INTERMEDIATE_STATUSES } from './lifecycle.ts';
export { DEFAULT_UPLOAD_LIMIT_BYTES } from './media.ts';
export type {
  AddOrderInput,
  FaultKind,
  FaultRule,
  LanguageBehaviour,
  Lifecycle,
  Outcome,
  RequestRecord,
  Route,
  ScheduledOrder,
  SimOrder,
  SimProject,
  SimulatorOptions,
  SubtitleBodies,
} from './types.ts';
