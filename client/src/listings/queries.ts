import { graphql } from '../gql';

// Documents that more than one listings page uses: a listing's own page and « Mes annonces » both withdraw listings
// and put them back on offer. Documents of one page live in that page's folder (page/queries.ts, form/queries.ts).

export const ArchiveListingMutation = graphql(`
  mutation ArchiveListing($input: ArchiveListingInput!) {
    archiveListing(input: $input) {
      listing {
        id
        status
        updatedAt
      }
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);

export const ReactivateListingMutation = graphql(`
  mutation ReactivateListing($input: ReactivateListingInput!) {
    reactivateListing(input: $input) {
      listing {
        id
        status
        updatedAt
      }
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);
