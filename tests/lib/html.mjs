// A tiny HTML reader for the tests: enough to find elements in the pages Gazette renders and
// read their text, without a parser dependency. It trusts the markup to be well formed (the
// HTML-validation tests check that separately) and supports simple CSS selectors only:
// compound selectors of `tag`, `#id`, `.class`, `[attr]`, `[attr=value]`, joined by a space
// (descendant) or `>` (child), and comma-separated lists of those.

const kVoidElements = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source',
  'track', 'wbr',
]);
const kRawTextElements = new Set(['script', 'style', 'textarea', 'title']);

const kNamedEntities = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '\u00a9',
  reg: '\u00ae', hellip: '\u2026', mdash: '\u2014', ndash: '\u2013', lsquo: '\u2018',
  rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', laquo: '\u00ab', raquo: '\u00bb',
  pound: '\u00a3', euro: '\u20ac', rlm: '\u200f', lrm: '\u200e',
};

// Decodes character references. Unknown named references stay as written.
export function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return kNamedEntities[name] ?? whole;
  });
}

class Node {
  constructor(name, attrs = {}, parent = null) {
    this.name = name;  // '#text' for text, '#document' for the root.
    this.attrs = attrs;
    this.parent = parent;
    this.children = [];
    this.text = '';  // For text nodes, decoded.
  }

  get elements() {
    return this.children.filter((child) => child.name !== '#text');
  }

  attr(name) {
    return this.attrs[name];
  }

  hasClass(name) {
    return (this.attrs.class ?? '').split(/\s+/).includes(name);
  }

  // The decoded text of this node and everything inside it, as written.
  get textContent() {
    if (this.name === '#text') return this.text;
    return this.children.map((child) => child.textContent).join('');
  }

  // The text with runs of white space collapsed and the ends trimmed, as a reader sees it.
  get innerText() {
    return this.textContent.replace(/\s+/g, ' ').trim();
  }

  // Elements inside this node matching any selector of a comma-separated list, in document order.
  querySelectorAll(selector) {
    const alternatives = selector.split(/,(?![^[]*\])/).map(parseSelector);
    const found = [];
    walk(this, (node) => {
      if (alternatives.some((steps) => matchesSteps(node, steps, steps.length - 1))) found.push(node);
    });
    return found;
  }

  querySelector(selector) {
    return this.querySelectorAll(selector)[0] ?? null;
  }
}

function walk(node, visit) {
  for (const child of node.children) {
    if (child.name === '#text') continue;
    visit(child);
    walk(child, visit);
  }
}

// "div.body > p" -> [{compound}, {combinator: '>', compound}]
function parseSelector(selector) {
  const steps = [];
  const tokens = selector.trim().replace(/\s*>\s*/g, ' > ').split(/\s+/);
  let combinator = ' ';
  for (const token of tokens) {
    if (token === '>') {
      combinator = '>';
      continue;
    }
    steps.push({ combinator, compound: parseCompound(token) });
    combinator = ' ';
  }
  return steps;
}

function parseCompound(text) {
  const compound = { tag: null, id: null, classes: [], attrs: [] };
  const pattern = /^([a-z][a-z0-9-]*|\*)|#([\w-]+)|\.([\w-]+)|\[([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\]]*)))?\]/giy;
  let match;
  let consumed = 0;
  while (consumed < text.length && (match = pattern.exec(text))) {
    consumed = pattern.lastIndex;
    if (match[1] && match[1] !== '*') compound.tag = match[1].toLowerCase();
    else if (match[2]) compound.id = match[2];
    else if (match[3]) compound.classes.push(match[3]);
    else if (match[4]) compound.attrs.push({ name: match[4].toLowerCase(), value: match[5] ?? match[6] ?? match[7] });
  }
  if (consumed !== text.length) throw new Error(`unsupported selector: ${text}`);
  return compound;
}

function matchesCompound(node, compound) {
  if (node.name.startsWith('#')) return false;
  if (compound.tag && node.name !== compound.tag) return false;
  if (compound.id && node.attrs.id !== compound.id) return false;
  if (!compound.classes.every((name) => node.hasClass(name))) return false;
  return compound.attrs.every(({ name, value }) =>
    value === undefined ? name in node.attrs : node.attrs[name] === value);
}

// As in the DOM, the selector is matched against the whole document; only the element found
// must lie inside the scope.
function matchesSteps(node, steps, index) {
  const { combinator, compound } = steps[index];
  if (!matchesCompound(node, compound)) return false;
  if (index === 0) return true;
  if (combinator === '>') return node.parent !== null && matchesSteps(node.parent, steps, index - 1);
  for (let ancestor = node.parent; ancestor; ancestor = ancestor.parent) {
    if (matchesSteps(ancestor, steps, index - 1)) return true;
  }
  return false;
}

function parseAttributes(text) {
  const attrs = {};
  const pattern = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let match;
  while ((match = pattern.exec(text))) {
    attrs[match[1].toLowerCase()] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attrs;
}

// Parses a whole document. Returns the root node; `doctype` holds the DOCTYPE text if any.
export function parseHtml(html) {
  const root = new Node('#document');
  root.doctype = null;
  let current = root;
  let position = 0;
  const appendText = (raw) => {
    if (!raw) return;
    const node = new Node('#text', {}, current);
    node.text = decodeEntities(raw);
    current.children.push(node);
  };
  while (position < html.length) {
    const open = html.indexOf('<', position);
    if (open === -1) {
      appendText(html.slice(position));
      break;
    }
    appendText(html.slice(position, open));
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      position = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('<!', open)) {
      const end = html.indexOf('>', open);
      root.doctype ??= html.slice(open, end + 1);
      position = end === -1 ? html.length : end + 1;
      continue;
    }
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(html.slice(open));
    if (!tag) {  // A lone '<' is text.
      appendText('<');
      position = open + 1;
      continue;
    }
    position = open + tag[0].length;
    const name = tag[2].toLowerCase();
    if (tag[1]) {  // An end tag closes the nearest open element of that name, if any.
      for (let node = current; node !== root; node = node.parent) {
        if (node.name === name) {
          current = node.parent;
          break;
        }
      }
      continue;
    }
    const element = new Node(name, parseAttributes(tag[3]), current);
    current.children.push(element);
    if (kVoidElements.has(name) || tag[3].trimEnd().endsWith('/')) continue;
    if (kRawTextElements.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, position);
      const end = close === -1 ? html.length : close;
      const text = new Node('#text', {}, element);
      text.text = name === 'script' || name === 'style' ? html.slice(position, end) : decodeEntities(html.slice(position, end));
      element.children.push(text);
      position = close === -1 ? html.length : html.indexOf('>', close) + 1;
      continue;
    }
    current = element;
  }
  return root;
}
