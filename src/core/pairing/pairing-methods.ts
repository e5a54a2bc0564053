/** The pairing methods the app uses: the clipper service's state, answering a request, revoking an extension. */
import type { Args, NotebookApi } from '../../shared/api';
import type { ApiContext } from '../notebook-api';

export function pairingMethods({
  pairing,
}: ApiContext): Pick<NotebookApi, 'getClipperInfo' | 'answerPairing' | 'revokeExtension'> {
  return {
    getClipperInfo: async () => ({ port: pairing.clipperPort, ...pairing.list() }),
    answerPairing: async ({ requestId, approve }: Args<'answerPairing'>) => ({
      extension: await pairing.answer(requestId, approve),
    }),
    revokeExtension: async ({ id }: Args<'revokeExtension'>) => ({ revoked: await pairing.revoke(id) }),
  };
}
