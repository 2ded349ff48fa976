import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentExportName, generatedDocuments, useGeneratedDocuments } from './documents';

describe('generated documents', () => {
  const module = [
    "import { graphql } from '../gql';",
    'export const ListingCardFields = graphql(`',
    '  fragment ListingCard on Listing {',
    '    id',
    '  }',
    '`);',
    'const Search = graphql(`',
    '  # the home page',
    '  query SearchListings($first: Int) {',
    '    searchListings(first: $first) { edges { node { ...ListingCard } } }',
    '  }',
    '`);',
    'export function use() { return [Search, ListingCardFields]; }',
  ].join('\n');

  it('names each document as codegen does', () => {
    expect(documentExportName('query SearchListings { a }')).toBe('SearchListingsDocument');
    expect(documentExportName('\n  mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }')).toBe('LoginDocument');
    expect(documentExportName('fragment ListingCard on Listing { id }')).toBe('ListingCardFragmentDoc');
    expect(documentExportName('{ categories { slug } }')).toBeNull();
    expect(documentExportName('query A { a } query B { b }')).toBeNull();
    expect(documentExportName('query A { a(text: "}") }')).toBe('ADocument');
  });

  it('replaces each graphql() call by its document, imported on the first line, keeping every other line in place', () => {
    const result = useGeneratedDocuments(module, new Set(['ListingCardFragmentDoc', 'SearchListingsDocument']))!;

    expect(result.imported).toEqual(['ListingCardFragmentDoc', 'SearchListingsDocument']);
    const lines = result.code.split('\n');
    expect(lines).toHaveLength(module.split('\n').length);
    expect(lines[0]).toBe(
      'import __document_ListingCardFragmentDoc from "virtual:troc-document/ListingCardFragmentDoc"; ' +
        'import __document_SearchListingsDocument from "virtual:troc-document/SearchListingsDocument";' +
        "import { graphql } from '../gql';",
    );
    expect(lines[1]).toBe('export const ListingCardFields = __document_ListingCardFragmentDoc');
    expect(lines[6]).toBe('const Search = __document_SearchListingsDocument');
    expect(lines[12]).toBe('export function use() { return [Search, ListingCardFields]; }');
    expect(result.code).not.toContain('graphql(`');
  });

  it('fails on a document codegen did not generate, rather than ship undefined', () => {
    expect(() => useGeneratedDocuments(module, new Set(['ListingCardFragmentDoc']))).toThrow(/SearchListingsDocument is not in src\/gql\/graphql.ts/);
  });

  it('leaves modules without documents alone', () => {
    expect(useGeneratedDocuments('export const x = 1;', new Set())).toBeNull();
  });

  it('reads every document of the generated file, each a syntax tree', () => {
    const documents = generatedDocuments(readFileSync(join(import.meta.dirname, '..', 'src', 'gql', 'graphql.ts'), 'utf8'));

    expect(documents.has('SearchListingsDocument')).toBe(true);
    expect(documents.has('ListingCardFragmentDoc')).toBe(true);
    for (const [, tree] of documents) expect(JSON.parse(tree).kind).toBe('Document');
  });
});
