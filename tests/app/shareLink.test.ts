import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noticeText } from '../../src/app/notice';
import { decodeLink, encodeLink, fitLink, linkOf, type ShareLink } from '../../src/app/shareLink';
import { translator } from '../../src/i18n/translator';
import { initialState, reduce } from '../../src/app/state';
import { tinyCity } from './tinyCity';

const city = tinyCity([{ file: 'a.csv', keys: ['W1', 'W2', 'W3'], values: { income: [1, 2, 3], vt_share: [4, 5, 9] } }]);

const LINK: ShareLink = {
  dataset: 'Tiny city',
  weights: { income: 0.5, vt_share: 2 },
  directions: { income: 'low', vt_share: 'high' },
  method: 'expo',
  level: 'ward',
  areaFilter: ['Oost'],
  scope: 'all',
  colourBy: 'vt_share',
  classification: 'ckmeans',
  classCount: 7,
  palette: 'magma',
  selected: 'W2',
  view: { lon: 4.35, lat: 50.85, zoom: 12.5 },
};

describe('encodeLink and decodeLink', () => {
  it('decodeLink(encodeLink(link)) gives the link back, without problems', () => {
    const fragment = encodeLink(LINK);
    expect(fragment).toMatch(/^v=1&d=Tiny\+city&w=income%3A0\.5%2Cvt_share%3A2&/);
    expect(decodeLink(`#${fragment}`)).toEqual({ link: LINK, problems: [] });
  });

  it('decodeLink(fragment) is null without a version, and refuses another version whole', () => {
    expect(decodeLink('')).toEqual({ link: null, problems: [] });
    expect(decodeLink('#section-2')).toEqual({ link: null, problems: [] });
    const { link, problems } = decodeLink('v=9&d=x');
    expect(link).toBeNull();
    expect(problems.map((p) => p.text)).toEqual(['the link is of version 9; this app reads version 1: nothing from it was applied']);
    expect(problems[0]).toMatchObject({ key: 'linkVersion', values: { version: '9', current: 1 } });
  });

  it('decodeLink(fragment) leaves out each tampered part with a message naming it, and keeps the rest', () => {
    const params = new URLSearchParams(encodeLink(LINK));
    params.set('w', 'income:NaN,vt_share:1');
    params.set('m', 'astrology');
    params.set('n', '99');
    params.set('at', '4.3,95,12');
    params.set('dir', 'income:sideways');
    const { link, problems } = decodeLink(params.toString());
    expect(problems.map((p) => p.text)).toEqual([
      'the link\'s weights ("income:NaN,vt_share:1") is not valid: "income:NaN" is not id:value; left out',
      'the link\'s directions ("income:sideways") is not valid: "income:sideways" is not id:value; left out',
      expect.stringMatching(/^the link's method \("astrology"\) is not valid: .+; left out$/),
      expect.stringMatching(/^the link's number of classes \("99"\) is not valid: .+; left out$/),
      expect.stringMatching(/^the link's map view \("4\.3,95,12"\) is not valid: .+; left out$/),
    ]);
    expect(link).toEqual({ ...LINK, weights: undefined, directions: undefined, method: undefined, classCount: undefined, view: undefined });
  });

  it('decodeLink(fragment) never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const result = decodeLink(`v=1&${a}=${b}&w=${a}&a=${b}`);
        expect(Array.isArray(result.problems)).toBe(true);
      }),
    );
  });

  it('decodeLink(fragment) keeps a __proto__ key from reaching the prototype', () => {
    const { link } = decodeLink('v=1&w=__proto__:1,income:2');
    expect(Object.getPrototypeOf(link?.weights ?? {})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).income).toBeUndefined();
  });
});

describe('fitLink', () => {
  it('fitLink(link, dataset, areas) applies nothing from a link made for another dataset', () => {
    const fitted = fitLink({ ...LINK, dataset: 'Other city' }, city, new Set(['Oost', 'West']));
    expect(fitted.settings).toEqual({});
    expect(fitted.problems.map((p) => p.text)).toEqual(['the link was made for the dataset "Other city", and "Tiny city" is loaded: open that dataset\'s files, then the link again']);
    expect(fitted.problems[0]).toMatchObject({ key: 'linkOtherDataset', values: { link: 'Other city', loaded: 'Tiny city' } });
  });

  it('fitLink(link, dataset, areas) leaves out indicators and areas the dataset lacks, each said', () => {
    const fitted = fitLink(
      { ...LINK, weights: { income: 1, dentist: 3 }, areaFilter: ['Oost', 'Noord'], colourBy: 'dentist' },
      city,
      new Set(['Oost', 'West']),
    );
    expect(fitted.settings.weights).toEqual({ income: 1 });
    expect(fitted.settings.areaFilter).toEqual(['Oost']);
    expect(fitted.settings.colourBy).toBeUndefined();
    expect(fitted.selected).toBe('W2');
    expect(fitted.problems.map((p) => p.text)).toEqual([
      "the link's weights name indicators this dataset does not have (dentist): left out",
      "the link's area filter names areas this dataset does not have (Noord): left out",
      'the link colours the map by "dentist", which this dataset does not have: coloured by score',
    ]);
  });

  it('fitLink(link, dataset, areas) notices are written in Dutch and French from their key and values', () => {
    const fitted = fitLink({ ...LINK, weights: { income: 1, dentist: 3 } }, city, new Set(['Oost', 'West']));
    const [unknown] = fitted.problems;
    expect(unknown).toEqual({
      key: 'linkUnknownIndicators',
      values: { part: { key: 'linkPartWeights' }, ids: 'dentist' },
      text: "the link's weights name indicators this dataset does not have (dentist): left out",
    });
    const write = (language: 'nl' | 'fr') => noticeText(unknown!, (key, values) => translator(language)(`notices.${key}`, values));
    expect(write('nl')).toBe('de gewichten in de link noemen indicatoren die deze dataset niet heeft (dentist): weggelaten');
    expect(write('fr')).toBe('les poids du lien citent des indicateurs absents de ce jeu de données (dentist) : ignorés');
    const tampered = decodeLink('v=1&m=astrology').problems[0]!;
    expect(tampered.values).toMatchObject({ part: { key: 'linkPartMethod' }, raw: 'astrology' });
    expect(noticeText(tampered, (key, values) => translator('fr')(`notices.${key}`, values))).toMatch(/^le lien contient une valeur non valide pour la méthode \(« astrology »\) : .+ ; ignorée$/);
  });

  it('reduce(state, linkApplied) then linkOf(state) reproduces the link', () => {
    const loaded = reduce(initialState, { type: 'datasetLoaded', dataset: city });
    const fitted = fitLink(LINK, city, new Set(['Oost', 'West']));
    const applied = reduce(loaded, { type: 'linkApplied', settings: fitted.settings });
    const again = linkOf(applied, fitted.selected, fitted.view);
    expect(again).toEqual({ ...LINK, weights: { ...applied.weights, ...LINK.weights }, directions: { ...applied.directions, ...LINK.directions } });
    expect(applied.weights.income).toBe(0.5);
    expect(applied.method).toBe('expo');
  });
});
