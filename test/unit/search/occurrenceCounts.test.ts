// Keyword ranking counts every spelling of a term in each matching chunk: one scan for all of them must count what a
// scan per spelling counts (overlaps included, letter case ignored), also where one spelling starts another.
import { describe, expect, it } from 'vitest';
import { occurrenceCounter, occurrenceCounts } from '../../../electron/db/read/chunkRank.js';

const perNeedle = (needles: string[], text: string, caseSensitive = false): number[] => needles.map((n) => occurrenceCounter(n, caseSensitive)(text));

describe('occurrenceCounts', () => {
  const texts = [
    'req := http.Request{}; var r *HTTP.REQUEST = NewRequest(); httpRequest := http_request(httprequest)',
    'aaaa aa a', 'new NewClient newclient new_client NEW_CLIENT', '', 'http.request.http.request',
    'ÄÖÜ äöü straße STRASSE', 'x.*+?^${}()|[]\\y x.*+?^${}()|[]\\y',
  ];
  const cases: Array<[string[], boolean]> = [
    [['http.request', 'httprequest', 'http_request'], false],
    [['newclient', 'new_client'], false],
    [['new', 'newclient', 'new_client'], false],
    [['aa', 'a'], false],
    [['äöü', 'straße'], false],
    [['x.*+?^${}()|[]\\y', 'zz'], false],
    [['NewClient', 'new_client'], true],
    [['http.request'], false],
  ];
  it.each(cases)('counts %j as one scan per needle would (case-sensitive: %s)', (needles, caseSensitive) => {
    const count = occurrenceCounts(needles, caseSensitive);
    for (const text of texts) expect(count(text)).toEqual(perNeedle(needles, text, caseSensitive));
  });

  it('counts overlapping places of different needles', () => {
    expect(occurrenceCounts(['abab', 'bab'])('ababab')).toEqual([2, 2]);
  });
});
