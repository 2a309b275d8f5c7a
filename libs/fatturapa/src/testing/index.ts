// Test helpers for other projects' tests: envelopes and a valid sample built in code.
export { buildSignedData, toBase64Lines } from './cms-builder';
export { sampleFatturaPaXml } from './sample-document';
