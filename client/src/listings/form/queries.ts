import { graphql } from '../../gql';

export const SuggestItemTypesQuery = graphql(`
  query SuggestItemTypes($text: String!, $first: Int!) {
    suggestItemTypes(text: $text, first: $first) {
      confidence
      evidence
      itemType {
        id
        slug
        label
        category {
          id
          label
        }
      }
    }
  }
`);

export const PreviewWantQuery = graphql(`
  query PreviewWant($text: String!) {
    previewWant(text: $text) {
      ...WantFields
    }
  }
`);

export const WantFields = graphql(`
  fragment WantFields on Want {
    text
    scope
    confidence
    chosenByOwner
    itemTypes {
      confidence
      itemType {
        id
        slug
        label
      }
    }
    category {
      id
      label
    }
  }
`);

export const ListingFormFields = graphql(`
  fragment ListingFormFields on Listing {
    id
    title
    description
    isMine
    condition
    openToAnyOffer
    placeName
    itemTypeChosenByOwner
    itemTypeConfidence
    category {
      id
      label
    }
    itemType {
      id
      slug
      label
      category {
        id
        label
      }
    }
    wants {
      ...WantFields
    }
    wantedCategories {
      id
      label
    }
    images {
      id
      url(size: THUMBNAIL)
    }
  }
`);

export const ListingForEditQuery = graphql(`
  query ListingForEdit($id: ID!) {
    listing(id: $id) {
      ...ListingFormFields
      owner {
        id
      }
    }
  }
`);

/** Asked separately, and only of the owner: anyone else gets an authorization error for it. */
export const ExactLocationQuery = graphql(`
  query ListingExactLocation($id: ID!) {
    listing(id: $id) {
      id
      exactLocation {
        latitude
        longitude
      }
    }
  }
`);

export const CreateListingMutation = graphql(`
  mutation CreateListing($input: CreateListingInput!) {
    createListing(input: $input) {
      listing {
        ...ListingFormFields
      }
      errors {
        __typename
        ...PayloadError
        ... on ItemTypeNotFoundError {
          field
        }
        ... on NotAnImageError {
          field
        }
        ... on UnsupportedImageFormatError {
          field
        }
        ... on ImageTooLargeError {
          field
        }
        ... on FileTooLargeError {
          field
        }
        ... on CorruptImageError {
          field
        }
      }
    }
  }
`);

export const UpdateListingMutation = graphql(`
  mutation UpdateListing($input: UpdateListingInput!) {
    updateListing(input: $input) {
      listing {
        ...ListingFormFields
      }
      errors {
        __typename
        ...PayloadError
        ... on ItemTypeNotFoundError {
          field
        }
      }
    }
  }
`);

export const AddListingImagesMutation = graphql(`
  mutation AddListingImages($input: AddListingImagesInput!) {
    addListingImages(input: $input) {
      listing {
        id
        images {
          id
          url(size: THUMBNAIL)
        }
      }
      errors {
        __typename
        ...PayloadError
        ... on NotAnImageError {
          field
        }
        ... on UnsupportedImageFormatError {
          field
        }
        ... on ImageTooLargeError {
          field
        }
        ... on FileTooLargeError {
          field
        }
        ... on CorruptImageError {
          field
        }
      }
    }
  }
`);

export const RemoveListingImageMutation = graphql(`
  mutation RemoveListingImage($input: RemoveListingImageInput!) {
    removeListingImage(input: $input) {
      listing {
        id
        images {
          id
          url(size: THUMBNAIL)
        }
      }
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);

export const ReorderListingImagesMutation = graphql(`
  mutation ReorderListingImages($input: ReorderListingImagesInput!) {
    reorderListingImages(input: $input) {
      listing {
        id
        images {
          id
          url(size: THUMBNAIL)
        }
      }
      errors {
        __typename
        ...PayloadError
      }
    }
  }
`);
