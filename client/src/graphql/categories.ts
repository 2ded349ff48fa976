import { graphql } from '../gql';
import type { CategoryTreeQuery as CategoryTreeResult } from '../gql/graphql';

/** The two-level category tree that filters and forms offer; the same document everywhere, so it is cached once. */
export const CategoryTreeQuery = graphql(`
  query CategoryTree {
    categories {
      id
      slug
      label
      children {
        id
        slug
        label
      }
    }
  }
`);

export type CategoryTree = CategoryTreeResult['categories'];
