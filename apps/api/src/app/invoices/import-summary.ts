import { ImportFileResult, ImportResponse } from '@solleciti/dto';

export function summarizeImport(files: ImportFileResult[]): ImportResponse {
  const count = (status: ImportFileResult['status']) => files.filter((file) => file.status === status).length;

  return {
    files,
    imported: count('imported'),
    alreadyImported: count('already-imported'),
    conflicts: count('conflict'),
    rejected: count('rejected'),
  };
}
