/** The synthesis model installed now, as a project's manifest records it. */
import { readModelStatus } from '../status/model-status';
import type { ModelIdentity } from './save-project';

export async function installedModel(modelsDir: string): Promise<ModelIdentity | null> {
  const status = await readModelStatus(modelsDir);
  return status.state === 'installed' ? { name: status.name, version: status.version } : null;
}
