import type { CombinedError } from 'urql';
import { requestErrorMessage } from '../ui/forms';

/** French messages for the codes `searchListings` refuses a search with (its GraphQL errors carry English text). */
const messages: Record<string, string> = {
  QUERY_TOO_LONG: 'Votre recherche est trop longue : 200 caractères au plus. Raccourcissez-la et réessayez.',
  INVALID_RADIUS: 'Ce rayon n’est pas possible : choisissez entre 5 et 100 km.',
  INVALID_COORDINATES: 'Ce lieu n’est pas valable. Choisissez une commune dans la liste.',
  PLACE_NOT_FOUND: 'Ce lieu est introuvable. Choisissez une commune dans la liste.',
  CATEGORY_NOT_FOUND: 'Cette catégorie n’existe pas (ou plus).',
  ITEM_TYPE_NOT_FOUND: 'Un des types d’objet choisis n’existe pas (ou plus).',
  TOO_MANY_ITEM_TYPES: 'Trop de types d’objet choisis : 20 au plus.',
  NEAR_REQUIRED: 'Le tri par distance demande un lieu.',
  PAGINATION_INVALID: 'Cette page de résultats n’est plus valable. Relancez la recherche.',
};

export function searchErrorCode(error: CombinedError | undefined): string | null {
  const code = error?.graphQLErrors.find((e) => e.extensions?.code)?.extensions?.code;
  return typeof code === 'string' ? code : null;
}

export function searchErrorMessage(error: CombinedError | undefined): string | null {
  if (!error) return null;
  const code = searchErrorCode(error);
  return (code && messages[code]) || requestErrorMessage(error);
}
