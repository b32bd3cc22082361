import { describe, expect, it } from 'vitest';
import { sentenceDate } from '../src/extract/when.js';

describe('when a relation holds (sentenceDate)', () => {
  it.each([
    ['Islamabad and Kabul signed a transit deal on 12 March 2023.', '2024-06-01', '2023-03-12'],
    ['Moscow has hosted the Taliban since 2017.', '2024-06-01', '2017'],
    ['The envoy met the Taliban in December.', '2024-06-01', '2023-12'],
    ['The envoy met the Taliban in May.', '2024-06-01', '2024-05'],
    ['Beijing courted Kabul last summer.', '2024-06-01', '2023-07'],
    ['Tehran criticised the Taliban last year.', '2024-06-01', '2023'],
  ])('%s (document %s)', (sentence, docDate, expected) => {
    expect(sentenceDate(sentence, docDate)).toBe(expected);
  });

  it.each([
    ['Pakistan shelled border posts yesterday.', '2024-03-01', '2024-02-29'],
    ['Two weeks ago Tashkent hosted a Taliban delegation.', '2024-03-10', '2024-02'],
    ['A couple of months ago Delhi reopened its mission.', '2024-03-10', '2024-01'],
    ['The TTP attacked a convoy 3 days ago.', '2024-03-10', '2024-03-07'],
    ['Last month Iran closed a crossing.', '2024-01-20', '2023-12'],
    ['This month Russia delisted the Taliban.', '2025-04', '2025-04'],
  ])('counts back from the document: %s (document %s)', (sentence, docDate, expected) => {
    expect(sentenceDate(sentence, docDate)).toBe(expected);
  });

  it('gives a day only when both the words and the document have one', () => {
    expect(sentenceDate('The TTP attacked a convoy 3 days ago.', '2024-03')).toBe('2024-03');
    expect(sentenceDate('Pakistan shelled border posts yesterday.', '2024-03')).toBeNull();
  });

  it('gives nothing when neither the sentence nor the document is dated', () => {
    expect(sentenceDate('Two weeks ago Tashkent hosted a Taliban delegation.', null)).toBeNull();
    expect(sentenceDate('Pakistan and the Taliban traded accusations.', '2024-03-10')).toBeNull();
  });
});
