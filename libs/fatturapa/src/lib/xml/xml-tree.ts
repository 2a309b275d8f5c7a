import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FatturaPaError } from '../model';
import { decodeXmlEntities } from './xml-entities';
import { MAX_XML_DEPTH } from './xml-guards';

/** An XML element reduced to what the FatturaPA mapping needs, with prefixes removed. */
export interface XmlElement {
  /** Local name, without namespace prefix. */
  name: string;
  /** Namespace prefix as written, or "" when the name has none. */
  prefix: string;
  /** Attributes by qualified name as written ("versione", "xmlns:p"), values decoded. */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text and CDATA content of this element, decoded but not trimmed. */
  text: string;
}

/** One node of fast-xml-parser's preserveOrder output. */
type OrderedNode = Record<string, unknown>;

const TEXT_KEY = '#text';
const CDATA_KEY = '#cdata';
const ATTRIBUTES_KEY = ':@';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Values stay strings: "00123" is a code and "22.00" a rate, never numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // decodeXmlEntities decodes entities afterwards and accepts only the predefined ones.
  processEntities: false,
  htmlEntities: false,
  cdataPropName: CDATA_KEY,
  ignoreDeclaration: true,
  ignorePiTags: true,
  removeNSPrefix: false,
  maxNestedTags: MAX_XML_DEPTH,
});

/** Parses well-formed XML into an XmlElement tree and returns the root element. */
export function parseXmlTree(text: string): XmlElement {
  const validation = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (validation !== true) {
    throw new FatturaPaError('malformed-xml', describeValidationError(validation.err));
  }

  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(text) as OrderedNode[];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FatturaPaError('malformed-xml', `The XML could not be parsed: ${reason}`);
  }

  const roots: XmlElement[] = [];
  for (const node of nodes) {
    const textValue = node[TEXT_KEY];
    if (typeof textValue === 'string') {
      if (textValue.trim() !== '') {
        throw new FatturaPaError('malformed-xml', 'The XML has text outside the root element.');
      }
      continue;
    }
    if (CDATA_KEY in node) {
      throw new FatturaPaError(
        'malformed-xml',
        'The XML has a CDATA section outside the root element.',
      );
    }
    roots.push(toElement(node));
  }

  if (roots.length !== 1) {
    throw new FatturaPaError(
      'malformed-xml',
      `The XML must have exactly one root element, but it has ${roots.length}.`,
    );
  }

  return roots[0];
}

/**
 * Turns fast-xml-parser's validation error into a sentence. For elements left open at the end it
 * reports "line 1, column 1" and a JSON list of tag names, which reads as nonsense. That case is
 * almost always a truncated file, and the message names it as such.
 */
function describeValidationError(error: { code: string; msg: string; line: number; col?: number }): string {
  const unclosed = /^Invalid '(\[[\s\S]*\])' found\.$/.exec(error.msg);
  if (error.code === 'InvalidXml' && unclosed) {
    let names: string[] = [];
    try {
      names = (JSON.parse(unclosed[1]) as unknown[]).map(String);
    } catch {
      names = [];
    }

    return `The XML ends before ${names.length > 0 ? `these elements are closed: ${names.join(', ')}` : 'every element is closed'}; the file is probably truncated, so send it again complete`;
  }

  const position = error.col === undefined ? `line ${error.line}` : `line ${error.line}, column ${error.col}`;

  return `The XML is malformed at ${position}: ${error.msg}`;
}

function toElement(node: OrderedNode): XmlElement {
  const qualifiedName = Object.keys(node).find((key) => key !== ATTRIBUTES_KEY);
  if (qualifiedName === undefined) {
    throw new FatturaPaError('malformed-xml', 'The XML contains an element without a name.');
  }

  const colon = qualifiedName.indexOf(':');
  const element: XmlElement = {
    name: colon === -1 ? qualifiedName : qualifiedName.slice(colon + 1),
    prefix: colon === -1 ? '' : qualifiedName.slice(0, colon),
    attributes: readAttributes(node[ATTRIBUTES_KEY]),
    children: [],
    text: '',
  };

  const content = node[qualifiedName];
  if (!Array.isArray(content)) {
    return element;
  }

  for (const child of content as OrderedNode[]) {
    const textValue = child[TEXT_KEY];
    if (typeof textValue === 'string') {
      element.text += decodeXmlEntities(textValue);
    } else if (CDATA_KEY in child) {
      element.text += readCdata(child[CDATA_KEY]);
    } else {
      element.children.push(toElement(child));
    }
  }

  return element;
}

function readAttributes(raw: unknown): Record<string, string> {
  const attributes: Record<string, string> = {};
  if (raw === null || typeof raw !== 'object') {
    return attributes;
  }

  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    attributes[name] = decodeXmlEntities(String(value));
  }

  return attributes;
}

/** CDATA content is literal: entities inside it are not references. */
function readCdata(raw: unknown): string {
  if (!Array.isArray(raw)) {
    return '';
  }

  return raw
    .map((part: OrderedNode) =>
      typeof part[TEXT_KEY] === 'string' ? (part[TEXT_KEY] as string) : '',
    )
    .join('');
}
