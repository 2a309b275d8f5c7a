import { FatturaPaError, FatturaPaFormat } from '../model';
import { XmlElement } from '../xml/xml-tree';

const NAMESPACE_V1_2 = 'http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2';
const NAMESPACE_V1_1 = 'http://www.fatturapa.gov.it/sdi/fatturapa/v1.1';
const NAMESPACE_SIMPLIFIED = 'http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.0';

interface FormatRule {
  rootName: 'FatturaElettronica' | 'FatturaElettronicaSemplificata';
  namespace: string;
}

const FORMAT_RULES: Record<FatturaPaFormat, FormatRule> = {
  FPR12: { rootName: 'FatturaElettronica', namespace: NAMESPACE_V1_2 },
  FPA12: { rootName: 'FatturaElettronica', namespace: NAMESPACE_V1_2 },
  FPA11: { rootName: 'FatturaElettronica', namespace: NAMESPACE_V1_1 },
  FPR11: { rootName: 'FatturaElettronica', namespace: NAMESPACE_V1_1 },
  FSM10: { rootName: 'FatturaElettronicaSemplificata', namespace: NAMESPACE_SIMPLIFIED },
};

/**
 * The v1.1 schema fixes versione to "1.1" and covered only invoices to public administrations,
 * so that value is read as FPA11.
 */
const VERSION_ALIASES: Record<string, FatturaPaFormat> = { '1.1': 'FPA11' };

/**
 * Determines the format from the root element and its `versione` attribute. The namespace must
 * be the one of that format or absent. Files without it are accepted because the root name and
 * `versione` already identify the document.
 */
export function detectFormat(root: XmlElement): FatturaPaFormat {
  if (root.name !== 'FatturaElettronica' && root.name !== 'FatturaElettronicaSemplificata') {
    throw new FatturaPaError(
      'unsupported-format',
      `The root element is <${root.name}>, not <FatturaElettronica> or <FatturaElettronicaSemplificata>, so the file is not a FatturaPA invoice (SdI receipts and metadata files are not invoices).`,
    );
  }

  const version = root.attributes['versione']?.trim() ?? '';
  const format = toFormat(version);
  if (format === null) {
    throw new FatturaPaError(
      'unsupported-format',
      `Unsupported versione "${version}" on <${root.name}>: expected FPR12, FPA12, FSM10, FPA11, FPR11 or 1.1.`,
    );
  }

  const rule = FORMAT_RULES[format];
  if (rule.rootName !== root.name) {
    throw new FatturaPaError(
      'unsupported-format',
      `The root element <${root.name}> does not match versione "${version}", which requires <${rule.rootName}>.`,
    );
  }

  const namespace = readRootNamespace(root);
  if (namespace !== '' && namespace !== rule.namespace) {
    throw new FatturaPaError(
      'unsupported-format',
      `The root element is in namespace "${namespace}", but versione "${version}" requires "${rule.namespace}".`,
    );
  }

  return format;
}

function toFormat(version: string): FatturaPaFormat | null {
  const upper = version.toUpperCase();
  if (Object.hasOwn(FORMAT_RULES, upper)) {
    return upper as FatturaPaFormat;
  }

  return Object.hasOwn(VERSION_ALIASES, version) ? VERSION_ALIASES[version] : null;
}

/** Resolves the root's namespace from its own xmlns attributes, the only declarations in scope at the root. */
function readRootNamespace(root: XmlElement): string {
  const declaration = root.prefix === '' ? 'xmlns' : `xmlns:${root.prefix}`;

  return root.attributes[declaration]?.trim() ?? '';
}
