import { FatturaPaError } from '../model';
import { XmlElement } from '../xml/xml-tree';

/**
 * An element together with its path from the root, so that every error can name the element
 * it is about, e.g. "FatturaElettronicaBody[2]/DatiGenerali/DatiGeneraliDocumento/Data".
 * The root element itself is not part of the path.
 */
export class ElementCursor {
  constructor(
    readonly element: XmlElement,
    readonly path: string,
  ) {}

  static root(element: XmlElement): ElementCursor {
    return new ElementCursor(element, '');
  }

  /** Returns the first child with this local name, or null. */
  child(name: string): ElementCursor | null {
    const found = this.element.children.find((child) => child.name === name);

    return found ? new ElementCursor(found, this.childPath(name)) : null;
  }

  /** Returns the first child with this local name, or throws 'missing-element'. */
  requireChild(name: string): ElementCursor {
    const found = this.child(name);
    if (found === null) {
      throw missingElement(this.childPath(name));
    }

    return found;
  }

  /** Returns every child with this local name. Their paths carry a 1-based index, e.g. "DettaglioPagamento[2]". */
  children(name: string): ElementCursor[] {
    return this.element.children
      .filter((child) => child.name === name)
      .map((child, index) => new ElementCursor(child, this.childPath(`${name}[${index + 1}]`)));
  }

  /** Returns the trimmed text of a child, or null when the child is absent or empty. */
  optionalText(name: string): string | null {
    const text = this.child(name)?.element.text.trim() ?? '';

    return text === '' ? null : text;
  }

  /** Returns the trimmed text of a child, or throws 'missing-element' when it is absent or empty. */
  requireText(name: string): string {
    const text = this.optionalText(name);
    if (text === null) {
      throw missingElement(this.childPath(name));
    }

    return text;
  }

  childPath(name: string): string {
    return this.path === '' ? name : `${this.path}/${name}`;
  }
}

export function missingElement(path: string): FatturaPaError {
  return new FatturaPaError(
    'missing-element',
    `The required element ${path} is missing or empty.`,
    path,
  );
}
