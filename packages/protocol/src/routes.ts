/** REST paths, shared so the client never spells a URL by hand. */
export const API = {
  health: "/api/health",
  signup: "/api/auth/signup",
  login: "/api/auth/login",
  logout: "/api/auth/logout",
  me: "/api/me",
  users: "/api/users",
  rooms: "/api/rooms",
  myRooms: "/api/rooms/mine",
  conversations: "/api/conversations",
  adminUsers: "/api/admin/users",
  adminDeactivate: (userId: string) => `/api/admin/users/${userId}/deactivate`,
  adminRooms: "/api/admin/rooms",
  room: (roomId: string) => `/api/rooms/${roomId}`,
  joinRoom: (roomId: string) => `/api/rooms/${roomId}/join`,
  leaveRoom: (roomId: string) => `/api/rooms/${roomId}/leave`,
  messages: (roomId: string) => `/api/rooms/${roomId}/messages`,
  members: (roomId: string) => `/api/rooms/${roomId}/members`,
  kick: (roomId: string, userId: string) => `/api/rooms/${roomId}/members/${userId}/kick`,
  mute: (roomId: string, userId: string) => `/api/rooms/${roomId}/members/${userId}/mute`,
  role: (roomId: string, userId: string) => `/api/rooms/${roomId}/members/${userId}/role`,
  bans: (roomId: string) => `/api/rooms/${roomId}/bans`,
  ban: (roomId: string, userId: string) => `/api/rooms/${roomId}/bans/${userId}`,
  audit: (roomId: string) => `/api/rooms/${roomId}/audit`,
  invites: (roomId: string) => `/api/rooms/${roomId}/invites`,
  invite: (roomId: string, inviteId: string) => `/api/rooms/${roomId}/invites/${inviteId}`,
  invitation: (code: string) => `/api/invites/${code}`,
  acceptInvitation: (code: string) => `/api/invites/${code}/accept`,
} as const;

/** Name of the HttpOnly session cookie. */
export const SESSION_COOKIE = "parley_session";
