/**
 * A made-up tag list in the layout of the npm package brill, for tests.
 */
export const tags = [
  'NN',
  'VB',
  'JJ|IN',
  'NNP',
  'VBD'
]
