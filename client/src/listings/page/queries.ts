import { graphql } from '../../gql';
import type { ListingPageQuery } from '../../gql/graphql';

// The documents of a listing's own page (/listings/:id). Those it shares with other pages are in ../queries.ts.

export const ListingPageQueryDocument = graphql(`
  query ListingPage($id: ID!) {
    listing(id: $id) {
      id
      title
      description
      condition
      status
      createdAt
      placeName
      isMine
      isFavorite
      favoriteCount
      openToAnyOffer
      category {
        id
        slug
        label
        parent {
          id
          slug
          label
        }
      }
      itemType {
        id
        slug
        label
      }
      wants {
        text
        scope
        itemTypes {
          itemType {
            id
            label
          }
        }
        category {
          id
          label
        }
      }
      wantedCategories {
        id
        label
      }
      owner {
        id
        displayName
        memberSince
        isBlocked
      }
      images {
        id
        thumbnailUrl: url(size: THUMBNAIL)
        cardUrl: url(size: CARD)
        cardWidth: width(size: CARD)
        fullUrl: url(size: FULL)
        fullWidth: width(size: FULL)
        fullHeight: height(size: FULL)
      }
    }
  }
`);

/** The listing as the page loads it: every part of the page reads its own fields from it. */
export type PageListing = NonNullable<ListingPageQuery['listing']>;

export const FavoriteMutation = graphql(`
  mutation FavoriteListing($input: FavoriteListingInput!) {
    favoriteListing(input: $input) {
      listing {
        id
        isFavorite
        favoriteCount
      }
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);

export const UnfavoriteMutation = graphql(`
  mutation UnfavoriteListing($input: UnfavoriteListingInput!) {
    unfavoriteListing(input: $input) {
      listing {
        id
        isFavorite
        favoriteCount
      }
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);

export const BlockUserMutation = graphql(`
  mutation BlockUser($input: BlockUserInput!) {
    blockUser(input: $input) {
      user {
        id
        isBlocked
      }
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);

export const UnblockUserMutation = graphql(`
  mutation UnblockUser($input: UnblockUserInput!) {
    unblockUser(input: $input) {
      user {
        id
        isBlocked
      }
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);
