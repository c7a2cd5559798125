/**
 * Made-up words in the layout of the npm package brill, for tests.
 */
export const words = {
  '%': [0, 2],
  'Glorp': 3,
  'a\\b': 0,
  glorp: [1, 0],
  zibbed: 4
}
