import { graphql } from '../gql';

/**
 * What every mutation's `errors` entry carries for the forms: the machine-readable code, the French message, and the
 * input field at fault when there is one. Spread it under `errors { __typename ...PayloadError }`.
 */
export const PayloadErrorFragment = graphql(`
  fragment PayloadError on Error {
    code
    message
    ... on InvalidInputError {
      field
    }
  }
`);
