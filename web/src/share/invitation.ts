import type { Api } from '../api/client';
import type { Project } from '../api/types';
import { notify } from '../ui/notify';

/** Opens an invitation link as the signed-in user: joins the project, then opens it. */
export async function acceptInvitation(api: Api, token: string, go: (route: string) => void): Promise<void> {
  try {
    const project = await api.json<Project>('POST', `/api/invitations/${encodeURIComponent(token)}/accept`);
    notify(`You joined ${project.name}.`, 'success');
    // replace, so going back does not open the used link again
    history.replaceState(null, '', `#/p/${project.id}`);
    go(`#/p/${project.id}`);
  } catch (e) {
    notify(`${(e as Error).message} (signed in as ${api.user?.email ?? 'nobody'})`, 'error');
    go('#/projects');
  }
}
