import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LIMIT_SOURCES, listingLimitsModule, plugin, readListingLimits } from './listingLimits';

/** A schema with the inputs the limits are read from, each description worded by `descriptions` (or a default). */
function schemaWith(descriptions: Partial<Record<string, string>> = {}) {
  const d = (field: string, fallback: string) => JSON.stringify(descriptions[field] ?? fallback);
  return buildSchema(`
    scalar Upload
    type Query { ok: Boolean }
    input CreateListingInput {
      ${d('CreateListingInput.title', 'What the item is, 5–60 characters.')} title: String!
      ${d('CreateListingInput.description', 'Details. At most 2500 characters.')} description: String!
      ${d('CreateListingInput.wants', 'What you would take, at most 4 short phrases.')} wants: [WantInput!]
      ${d('CreateListingInput.wantedCategoryIds', 'Categories, at most 6.')} wantedCategoryIds: [ID!]
      ${d('CreateListingInput.images', 'At most 12 photos (JPEG, PNG or WebP, 8 MB each).')} images: [Upload!]
    }
    input WantInput {
      ${d('WantInput.text', 'The want in your words, 1–70 characters.')} text: String!
      ${d('WantInput.itemTypeIds', 'The item types you mean (at most 2, best first).')} itemTypeIds: [ID!]
    }
  `);
}

describe('reading the listing limits from the schema', () => {
  it('takes every number from its phrase', () => {
    expect(readListingLimits(schemaWith())).toEqual({
      titleMinLength: 5,
      titleMaxLength: 60,
      descriptionMaxLength: 2500,
      maxWants: 4,
      wantMaxLength: 70,
      maxWantItemTypes: 2,
      maxWantedCategories: 6,
      maxPhotos: 12,
      maxPhotoMegabytes: 8,
    });
  });

  it('follows a changed limit', () => {
    const limits = readListingLimits(schemaWith({ 'CreateListingInput.title': 'A title, 2–120 characters.' }));
    expect(limits.titleMinLength).toBe(2);
    expect(limits.titleMaxLength).toBe(120);
  });

  it('fails, naming the field and the phrase, when a description lost its phrase', () => {
    const schema = schemaWith({ 'CreateListingInput.description': 'Details. Up to 4,000 characters.' });
    expect(() => readListingLimits(schema)).toThrow(/descriptionMaxLength: the description of CreateListingInput.description has no « at most N » phrase/);
  });

  it('fails when a phrase appears twice, since it cannot tell which number is meant', () => {
    const schema = schemaWith({ 'CreateListingInput.wantedCategoryIds': 'Categories, at most 6, at most 3 of them new.' });
    expect(() => readListingLimits(schema)).toThrow(/maxWantedCategories: the description of CreateListingInput.wantedCategoryIds has 2 « at most N »/);
  });

  it('fails when a field is gone, and lists every problem at once', () => {
    const schema = buildSchema(`type Query { ok: Boolean } input WantInput { "1–70 characters" text: String! }`);
    let message = '';
    try {
      readListingLimits(schema);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/CreateListingInput.title is not an input field with a description/);
    expect(message).toMatch(/WantInput.itemTypeIds is not an input field with a description/);
    expect(message).not.toMatch(/wantMaxLength/);
    // Every limit but the want's length (its description is there) is listed.
    const listed = message.split('\n').filter((line) => line.startsWith('  - '));
    expect(listed).toHaveLength(Object.keys(LIMIT_SOURCES).length - 1);
  });

  it('generates a module of constants', () => {
    const module = listingLimitsModule(readListingLimits(schemaWith()));
    expect(module).toContain('export const listingLimits = {');
    expect(module).toContain('  titleMaxLength: 60,\n');
    expect(module).toContain('  maxPhotoMegabytes: 8,\n');
    expect(module.trimEnd().endsWith('} as const;')).toBe(true);
  });
});

describe('the committed schema.graphql', () => {
  // The API's own descriptions must keep every phrase: this is what `npm run codegen` reads.
  const schema = buildSchema(readFileSync(resolve(import.meta.dirname, '..', '..', 'schema.graphql'), 'utf8'));

  it('holds every listing limit, as consistent numbers', () => {
    const limits = readListingLimits(schema);
    for (const value of Object.values(limits)) expect(Number.isInteger(value) && value > 0).toBe(true);
    expect(limits.titleMinLength).toBeLessThan(limits.titleMaxLength);
  });

  it('is what the generated module was written from', async () => {
    const { listingLimits } = await import('../src/gql/listingLimits');
    expect(listingLimits).toEqual(readListingLimits(schema));
    expect(plugin(schema)).toBe(listingLimitsModule(readListingLimits(schema)));
  });
});
