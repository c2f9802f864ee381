/** REST paths, shared so the client never spells a URL by hand. */
export const API = {
  health: "/api/health",
  /** Browsers POST Content-Security-Policy violation reports here (public; logged). */
  cspReports: "/api/csp-reports",
  signup: "/api/auth/signup",
  login: "/api/auth/login",
  logout: "/api/auth/logout",
  /** The OpenID Connect providers offered on the sign-in page (public). */
  oidcProviders: "/api/auth/providers",
  /** Browser navigation (not fetch): redirects to the provider. `?next=/path` after sign-in. */
  oidcStart: (provider: string) => `/api/auth/oidc/${provider}/start`,
  /** The provider redirects the browser back here (the redirect URI registered with it). */
  oidcCallback: (provider: string) => `/api/auth/oidc/${provider}/callback`,
  /** "Forgot password?" (`POST {email}`), and setting the new one with the emailed token. */
  passwordReset: "/api/auth/password-reset",
  passwordResetConfirm: "/api/auth/password-reset/confirm",
  /** Confirming an email address with the emailed token. */
  verifyEmail: "/api/auth/verify-email",
  me: "/api/me",
  /** My email, its verification, whether I have a password, the digest preference. */
  mySecurity: "/api/me/security",
  myPassword: "/api/me/password",
  /** Sends the verification email again. */
  myVerification: "/api/me/verification",
  /** My signed-in sessions; `DELETE …/:id` signs one out; `…/others` all but this one. */
  mySessions: "/api/me/sessions",
  mySession: (sessionId: string) => `/api/me/sessions/${sessionId}`,
  myOtherSessions: "/api/me/sessions/others",
  myProfile: "/api/me/profile",
  myAvatar: "/api/me/avatar",
  users: "/api/users",
  /** `?ids=a,b,c` (at most PROFILES_MAX_IDS). */
  profiles: "/api/users/profiles",
  /** An avatar image, named by its content hash: `<sha256>.webp`. */
  avatarFile: (file: string) => `/api/media/avatars/${file}`,
  rooms: "/api/rooms",
  myRooms: "/api/rooms/mine",
  conversations: "/api/conversations",
  notifications: "/api/notifications",
  /** Full-text and substring search of the messages in my rooms. */
  search: "/api/search",
  notificationsRead: "/api/notifications/read",
  readStates: "/api/rooms/read",
  markAllRead: "/api/rooms/read-all",
  adminUsers: "/api/admin/users",
  adminDeactivate: (userId: string) => `/api/admin/users/${userId}/deactivate`,
  adminRooms: "/api/admin/rooms",
  adminJobs: "/api/admin/jobs",
  /** Every device's push subscription, for the administrator (does push work for everyone?). */
  adminPushDevices: "/api/admin/push/devices",
  /** Web Push: the VAPID public key, my devices, my push settings, a test, and receipts. */
  pushKey: "/api/push/key",
  pushDevices: "/api/push/devices",
  pushDevice: (deviceId: string) => `/api/push/devices/${deviceId}`,
  pushSettings: "/api/push/settings",
  pushTest: "/api/push/test",
  /** The service worker reports a push's arrival here (public: the payload's token proves it). */
  pushReceipts: "/api/push/receipts",
  adminRetryJob: (jobId: string) => `/api/admin/jobs/${jobId}/retry`,
  room: (roomId: string) => `/api/rooms/${roomId}`,
  /** A channel's picture: PUT the image's bytes as the body; DELETE to go back to "#". */
  roomAvatar: (roomId: string) => `/api/rooms/${roomId}/avatar`,
  joinRoom: (roomId: string) => `/api/rooms/${roomId}/join`,
  leaveRoom: (roomId: string) => `/api/rooms/${roomId}/leave`,
  markRead: (roomId: string) => `/api/rooms/${roomId}/read`,
  readReceipts: (roomId: string) => `/api/rooms/${roomId}/receipts`,
  notifyLevel: (roomId: string) => `/api/rooms/${roomId}/notify`,
  messages: (roomId: string) => `/api/rooms/${roomId}/messages`,
  /** `POST` a file's raw bytes (name in UPLOAD_NAME_HEADER): a pending attachment. */
  uploads: (roomId: string) => `/api/rooms/${roomId}/uploads`,
  /** An attachment's file; `name` is its (sanitised) file name, percent-encoded here. */
  attachmentFile: (roomId: string, attachmentId: string, name: string) =>
    `/api/rooms/${roomId}/attachments/${attachmentId}/file/${encodeURIComponent(name)}`,
  attachmentThumb: (roomId: string, attachmentId: string) =>
    `/api/rooms/${roomId}/attachments/${attachmentId}/thumb`,
  message: (roomId: string, messageId: string) => `/api/rooms/${roomId}/messages/${messageId}`,
  messageHistory: (roomId: string, messageId: string) => `/api/rooms/${roomId}/messages/${messageId}/history`,
  reactions: (roomId: string, messageId: string) => `/api/rooms/${roomId}/messages/${messageId}/reactions`,
  /** The thread under a root message: `GET` its replies; `…/follow` (PUT) and `…/read` (POST). */
  thread: (roomId: string, rootId: string) => `/api/rooms/${roomId}/messages/${rootId}/thread`,
  threadFollow: (roomId: string, rootId: string) => `/api/rooms/${roomId}/messages/${rootId}/thread/follow`,
  threadRead: (roomId: string, rootId: string) => `/api/rooms/${roomId}/messages/${rootId}/thread/read`,
  /** The threads I follow, unread ones first (the "Threads" view). */
  threads: "/api/threads",
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
