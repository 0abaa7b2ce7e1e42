/**
 * The quick certificate of a clean file (docs/quality.md, "When it runs"): assembly/certify.ts, compiled
 * to WebAssembly, reads a UTF-8 subtitle file's bytes once and says whether it is in the usual
 * form with not one finding, and how many cues it has. A delivered file usually is; then nothing
 * else reads it. Any other answer (a finding, an unusual form, a character only Intl.Segmenter
 * can count) is "not certified", and check.ts reads the file the full way, which finds and
 * explains everything. test/unit/quality-certify.test.ts holds the two to the same results.
 *
 * Why WebAssembly: the check runs once a run, in a fresh process. JavaScript that runs once runs
 * mostly in V8's interpreter while its optimizing compilers catch up; the WebAssembly is compiled
 * before its first byte is read (docs/benchmarks.md, "Subtitle quality check").
 */
import { Buffer } from 'node:buffer';
import { CERTIFY_WASM } from './certify-wasm.ts';
import { knownUnitClasses, unitClass } from './characters.ts';
import type { LanguageLimits } from './limits.ts';
import type { SubtitleFormat } from './parse.ts';

/** Where the module reads a file it is given (below it: the class of each BMP code unit). */
const INPUT = 65_536;
const PAGE = 65_536;
/** Bytes past the file the module may read in one load and ignore (assembly/certify.ts textLine). */
const SLACK = 16;

interface Certifier {
  certify(
    vtt: number,
    from: number,
    length: number,
    maxLineLength: number,
    maxLines: number,
    maxCps: number,
    minDuration: number,
    maxDuration: number,
    minGap: number,
    halfWidthCountsHalf: number,
  ): number;
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
}

/** The part of the WebAssembly API used here (the project's TypeScript libraries do not declare it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: unknown };
}
const { WebAssembly } = globalThis as unknown as { WebAssembly: WebAssemblyApi };

/** `null`: the module could not be made (the full check does all the work then). */
let certifier: Certifier | null | undefined;

function makeCertifier(): Certifier | null {
  try {
    const module = new WebAssembly.Module(Buffer.from(CERTIFY_WASM, 'base64'));
    const instance = new WebAssembly.Instance(module, { certify: { classify: unitClass } });
    const made = instance.exports as Certifier;
    const classes = knownUnitClasses();
    made.memory.grow(INPUT / PAGE);
    new Uint8Array(made.memory.buffer, 0, classes.length).set(classes);
    return made;
  } catch {
    return null;
  }
}

/**
 * Room for a file of `size` bytes where the module reads it: reading a file there spares a copy
 * (certifiedCues reads it in place). `undefined` when there is no module; the view lasts until the
 * next call.
 */
export function certifierInput(size: number): Uint8Array | undefined {
  certifier ??= makeCertifier();
  if (certifier === null) return undefined;
  const { memory } = certifier;
  const needed = INPUT + size + SLACK;
  try {
    if (memory.buffer.byteLength < needed) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
  } catch {
    return undefined; // no memory for it: the caller reads the file into a buffer of its own
  }
  return new Uint8Array(memory.buffer, INPUT, size);
}

/**
 * The number of cues of `body` (valid UTF-8, without its byte order mark) when the file is in the
 * usual form and breaks no rule of `limits`; 0 when the full check must read it.
 */
export function certifiedCues(body: Uint8Array, format: SubtitleFormat, { limits, halfWidthCountsHalf }: LanguageLimits): number {
  certifier ??= makeCertifier();
  if (certifier === null || body.length === 0) return 0;
  let from = body.byteOffset;
  if (body.buffer !== certifier.memory.buffer || from < INPUT) {
    const input = certifierInput(body.length);
    if (input === undefined) return 0;
    input.set(body);
    from = INPUT;
  }
  const off = Number.NaN; // a rule that is off: no comparison with NaN is true
  try {
    return certifier.certify(
      format === 'vtt' ? 1 : 0,
      from,
      body.length,
      limits['max-line-length'] ?? off,
      limits['max-lines'] ?? off,
      limits['max-cps'] ?? off,
      limits['min-duration'] ?? off,
      limits['max-duration'] ?? off,
      limits['min-gap'] ?? off,
      halfWidthCountsHalf ? 1 : 0,
    );
  } catch {
    return 0; // a fault of the certificate (none is known) costs the file its quick path, never its check
  }
}
