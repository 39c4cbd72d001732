// Writes the SCORM 1.2 package of the trainer (docs/lms.md): the built site, less what only a
// server uses, with imsmanifest.xml at the root, validated against the SCORM 1.2 schemas with
// xmllint and zipped with Info-ZIP's zip (Debian's libxml2-utils and zip).
//
//   node scorm_package.mjs --site DIR --library DIR --schemas DIR --out FILE.zip
//                          [--only ID,ID | --curriculum FILE] [--version V]
//
// The manifest has one organisation with one item per library scenario (or per scenario
// listed with --only, in that order), each a SCO that opens the page on that scenario as an
// assessment. With a curriculum (scenarios/curricula, docs/scenarios.md section 10) the
// organisation is the curriculum: its steps in order, each after the first with the one
// before as its SCORM 1.2 prerequisite, then its remedial cases.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function fail(message) {
  console.error('scorm_package: ' + message);
  process.exit(1);
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!['site', 'library', 'schemas', 'out', 'only', 'curriculum', 'version'].includes(key) || argv[i + 1] === undefined) {
      fail(`unknown or incomplete argument "${argv[i]}"; usage: --site DIR --library DIR --schemas DIR --out FILE [--only ID,ID]`);
    }
    args[key] = argv[i + 1];
  }
  for (const key of ['site', 'library', 'schemas', 'out']) if (!args[key]) fail(`--${key} is required`);
  return args;
}

// the files a browser fetches: not the server's compressed copies, not the service worker (an
// LMS serves the package from its own paths and keeps no offline copy), not build leftovers
function siteFiles(dir, base = dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...siteFiles(file, base));
    else if (entry.isFile() && !/\.(br|gz)$/.test(entry.name) && entry.name !== 'sw.js') out.push(path.relative(base, file));
  }
  return out;
}

const xml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function library(libraryDir) {
  const all = new Map();
  for (const name of fs.readdirSync(libraryDir).filter((n) => n.endsWith('.json')).sort()) {
    const s = JSON.parse(fs.readFileSync(path.join(libraryDir, name), 'utf8'));
    all.set(s.id, { id: s.id, title: s.title, version: s.version });
  }
  return all;
}

// the organisation: { title, items: [{ id, title, prerequisite }] }
function organisation(libraryDir, only, curriculumFile) {
  const all = library(libraryDir);
  const find = (id, what) => all.get(id) || fail(`${what} names "${id}", which is not in the library`);
  if (curriculumFile) {
    let c;
    try {
      c = JSON.parse(fs.readFileSync(curriculumFile, 'utf8'));
    } catch (e) {
      fail(`--curriculum ${curriculumFile}: ${e.message}`);
    }
    if (c.format !== 'tractus-curriculum' || !Array.isArray(c.steps) || c.steps.length === 0) {
      fail(`--curriculum ${curriculumFile}: $.format must be "tractus-curriculum" with a non-empty $.steps`);
    }
    const items = c.steps.map((step, i) => {
      const s = find(step.scenario, `${curriculumFile} $.steps[${i}].scenario`);
      return { ...s, title: `${i + 1}. ${s.title}`, prerequisite: i > 0 ? c.steps[i - 1].scenario : '' };
    });
    for (const [i, step] of c.steps.entries()) {
      if (!step.remedial || items.some((it) => it.id === step.remedial)) continue;
      const s = find(step.remedial, `${curriculumFile} $.steps[${i}].remedial`);
      items.push({ ...s, title: `Remedial: ${s.title}`, prerequisite: '' });
    }
    return { title: c.title, items };
  }
  const title = 'Tractus: spinal decompression table training';
  if (!only) return { title, items: [...all.values()] };
  return { title, items: only.split(',').map((id) => find(id.trim(), '--only')) };
}

function manifest(org, files, version) {
  const items = org.items;
  const res = items.map((s) => `    <resource identifier="res-${xml(s.id)}" type="webcontent" adlcp:scormtype="sco"
              href="index.html?mode=train&amp;scenario=${xml(s.id)}&amp;session=assessment">
      <file href="index.html"/>
      <dependency identifierref="res-site"/>
    </resource>`).join('\n');
  // a prerequisite (SCORM 1.2's aicc_script) holds an item back until the one before it is
  // passed or completed, where the LMS enforces them
  const entries = items.map((s) => `      <item identifier="item-${xml(s.id)}" identifierref="res-${xml(s.id)}" isvisible="true">
        <title>${xml(s.title)}</title>${s.prerequisite ? `
        <adlcp:prerequisites type="aicc_script">item-${xml(s.prerequisite)}</adlcp:prerequisites>` : ''}
      </item>`).join('\n');
  // no adlcp:masteryscore: with one, an LMS may set passed or failed from the score alone,
  // and a session with a critical error fails whatever its score
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="tractus-trainer" version="${xml(version)}"
          xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
          xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
          xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="tractus">
    <organization identifier="tractus">
      <title>${xml(org.title)}</title>
${entries}
    </organization>
  </organizations>
  <resources>
${res}
    <resource identifier="res-site" type="webcontent" adlcp:scormtype="asset">
${files.map((f) => `      <file href="${xml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

/** Validates manifestFile against the SCORM 1.2 schemas in schemaDir; throws xmllint's words. */
export function validateManifest(manifestFile, schemaDir) {
  // one schema that imports the three the manifest uses, so xmllint checks the adlcp
  // attributes and elements too (the content packaging schema lets them in laxly)
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tractus-scorm-xsd-'));
  const abs = (name) => 'file://' + path.resolve(schemaDir, name);
  fs.writeFileSync(path.join(tmp, 'scorm12.xsd'), `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:tractus:scorm12-bundle">
  <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="${abs('imscp_rootv1p1p2.xsd')}"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="${abs('adlcp_rootv1p2.xsd')}"/>
  <xsd:import namespace="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1" schemaLocation="${abs('imsmd_rootv1p2p1.xsd')}"/>
</xsd:schema>
`);
  try {
    execFileSync('xmllint', ['--noout', '--nonet', '--schema', path.join(tmp, 'scorm12.xsd'), manifestFile],
                 { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`${manifestFile} is not a valid SCORM 1.2 manifest: ${String(e.stderr || e.message).trim()}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  for (const need of ['index.html', 'tractus.js', 'tractus.wasm', 'tractus.data', 'scorm.js', 'lz-string.js']) {
    if (!fs.existsSync(path.join(args.site, need))) fail(`${need} is missing from the site ${args.site}: build tractus_web first`);
  }
  if (args.only && args.curriculum) fail('--only and --curriculum cannot be used together');
  const org = organisation(args.library, args.only, args.curriculum);
  if (org.items.length === 0) fail(`no scenarios in ${args.library}`);
  const files = siteFiles(args.site);
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'tractus-scorm-'));
  try {
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(stage, f)), { recursive: true });
      fs.copyFileSync(path.join(args.site, f), path.join(stage, f));
    }
    const version = args.version || '1.0';
    fs.writeFileSync(path.join(stage, 'imsmanifest.xml'), manifest(org, files, version));
    try {
      validateManifest(path.join(stage, 'imsmanifest.xml'), args.schemas);
    } catch (e) {
      fail(e.message);
    }
    // the same bytes for the same site: fixed times, sorted names, no extra attributes
    const entries = ['imsmanifest.xml', ...files];
    for (const f of entries) fs.utimesSync(path.join(stage, f), new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    const out = path.resolve(args.out);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.rmSync(out, { force: true });
    execFileSync('zip', ['-q', '-X', '-9', out, ...entries], { cwd: stage, env: { ...process.env, TZ: 'UTC' } });
    console.log(`scorm_package: wrote ${out} (${fs.statSync(out).size} bytes, ${org.items.length} items, ${entries.length} files)`);
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
