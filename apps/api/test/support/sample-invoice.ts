/**
 * Writes small FatturaPA FPR12 documents for the API tests. The companies, people and numbers are
 * invented for this project.
 */
export interface SampleInstallment {
  dueDate: string | null;
  amount: string;
  method?: string;
  iban?: string;
}

export interface SampleInvoice {
  sellerVat?: string;
  sellerName?: string;
  buyer?: { vat?: string; fiscalCode?: string; companyName?: string; firstName?: string; lastName?: string };
  documentType?: string;
  number: string;
  date: string;
  total?: string;
  installments: SampleInstallment[];
}

export const SAMPLE_SELLER_VAT = '09876543217';

export function sampleInvoiceXml(invoice: SampleInvoice): string {
  const buyer = invoice.buyer ?? { vat: '01234567897', companyName: 'Ferramenta Bianchi S.r.l.' };
  const buyerId = buyer.vat
    ? `<IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>${buyer.vat}</IdCodice></IdFiscaleIVA>`
    : `<CodiceFiscale>${buyer.fiscalCode}</CodiceFiscale>`;
  const buyerName = buyer.companyName
    ? `<Denominazione>${buyer.companyName}</Denominazione>`
    : `<Nome>${buyer.firstName}</Nome><Cognome>${buyer.lastName}</Cognome>`;
  const total = invoice.total ?? sumOf(invoice.installments);
  const taxable = (Math.round((Number(total) / 1.22) * 100) / 100).toFixed(2);
  const tax = (Math.round((Number(total) - Number(taxable)) * 100) / 100).toFixed(2);
  const installments = invoice.installments
    .map(
      (installment) => `
        <DettaglioPagamento>
          <ModalitaPagamento>${installment.method ?? 'MP05'}</ModalitaPagamento>
          ${installment.dueDate ? `<DataScadenzaPagamento>${installment.dueDate}</DataScadenzaPagamento>` : ''}
          <ImportoPagamento>${installment.amount}</ImportoPagamento>
          ${installment.iban ? `<IBAN>${installment.iban}</IBAN>` : ''}
        </DettaglioPagamento>`,
    )
    .join('');

  return `<?xml version="1.0" encoding="UTF-8"?>
<p:FatturaElettronica versione="FPR12" xmlns:p="http://ivaservizi.agenziaentrate.gov.it/docs/xsd/fatture/v1.2">
  <FatturaElettronicaHeader>
    <DatiTrasmissione>
      <IdTrasmittente><IdPaese>IT</IdPaese><IdCodice>${invoice.sellerVat ?? SAMPLE_SELLER_VAT}</IdCodice></IdTrasmittente>
      <ProgressivoInvio>00001</ProgressivoInvio>
      <FormatoTrasmissione>FPR12</FormatoTrasmissione>
      <CodiceDestinatario>KRRH6B9</CodiceDestinatario>
    </DatiTrasmissione>
    <CedentePrestatore>
      <DatiAnagrafici>
        <IdFiscaleIVA><IdPaese>IT</IdPaese><IdCodice>${invoice.sellerVat ?? SAMPLE_SELLER_VAT}</IdCodice></IdFiscaleIVA>
        <Anagrafica><Denominazione>${invoice.sellerName ?? 'Officine Rossi S.p.A.'}</Denominazione></Anagrafica>
        <RegimeFiscale>RF01</RegimeFiscale>
      </DatiAnagrafici>
      <Sede><Indirizzo>Via dei Mille 12</Indirizzo><CAP>40121</CAP><Comune>Bologna</Comune><Provincia>BO</Provincia><Nazione>IT</Nazione></Sede>
    </CedentePrestatore>
    <CessionarioCommittente>
      <DatiAnagrafici>${buyerId}<Anagrafica>${buyerName}</Anagrafica></DatiAnagrafici>
      <Sede><Indirizzo>Corso Italia 5</Indirizzo><CAP>20122</CAP><Comune>Milano</Comune><Provincia>MI</Provincia><Nazione>IT</Nazione></Sede>
    </CessionarioCommittente>
  </FatturaElettronicaHeader>
  <FatturaElettronicaBody>
    <DatiGenerali>
      <DatiGeneraliDocumento>
        <TipoDocumento>${invoice.documentType ?? 'TD01'}</TipoDocumento>
        <Divisa>EUR</Divisa>
        <Data>${invoice.date}</Data>
        <Numero>${invoice.number}</Numero>
        <ImportoTotaleDocumento>${total}</ImportoTotaleDocumento>
      </DatiGeneraliDocumento>
    </DatiGenerali>
    <DatiBeniServizi>
      <DettaglioLinee>
        <NumeroLinea>1</NumeroLinea>
        <Descrizione>Manutenzione impianto, canone annuale</Descrizione>
        <Quantita>1.00</Quantita>
        <PrezzoUnitario>${taxable}</PrezzoUnitario>
        <PrezzoTotale>${taxable}</PrezzoTotale>
        <AliquotaIVA>22.00</AliquotaIVA>
      </DettaglioLinee>
      <DatiRiepilogo>
        <AliquotaIVA>22.00</AliquotaIVA>
        <ImponibileImporto>${taxable}</ImponibileImporto>
        <Imposta>${tax}</Imposta>
        <EsigibilitaIVA>I</EsigibilitaIVA>
      </DatiRiepilogo>
    </DatiBeniServizi>
    <DatiPagamento>
      <CondizioniPagamento>${invoice.installments.length > 1 ? 'TP01' : 'TP02'}</CondizioniPagamento>${installments}
    </DatiPagamento>
  </FatturaElettronicaBody>
</p:FatturaElettronica>
`;
}

function sumOf(installments: SampleInstallment[]): string {
  const cents = installments.reduce((total, installment) => total + Math.round(Number(installment.amount) * 100), 0);

  return (cents / 100).toFixed(2);
}
