export type Role = 'viewer' | 'collaborator' | 'owner';

export interface User { id: string; email: string; name: string; role: string; createdAt?: string }
export interface SessionTokens { accessToken: string; refreshToken: string; expiresIn: number; user?: User }
export interface Project { id: string; name: string; description?: string; ownerId: string; role: Role; createdAt: string; updatedAt: string }
export interface Page<T> { items: T[]; page: number; size: number; total: number }
export interface Collaborator { userId: string; email: string; name: string; role: Role }
export interface TreeEntry { path: string; type: 'file' | 'dir'; size: number; modifiedAt: string }
export interface FileVersion { version: number; size: number; sha256: string; authorId: string | null; createdAt: string; authorIds?: string[] }
export interface SearchHit { path: string; line: number; preview: string }
export interface ApiToken { id: string; name: string; token?: string; createdAt?: string; expiresAt?: string; lastUsedAt?: string }
export interface Workspace { status: WorkspaceStatus; image?: string; containerId?: string; startedAt?: string; detail?: string }
export type WorkspaceStatus = 'none' | 'creating' | 'starting' | 'running' | 'stopping' | 'stopped' | 'failed';
export interface Participant { userId: string; name: string; email?: string; sessionId?: string }
export interface ChatMessage { id?: string; userId: string; name: string; text: string; at?: string; clientId?: string }
export interface Invitation { id: string; email: string; role: Role; invitedBy?: string; createdAt?: string; expiresAt: string }
export interface CreatedInvitation { id: string; email: string; role: Role; url: string; expiresAt: string }
