/** The settings pages, in the order the tabs show them. */
export const SETTINGS_SECTIONS = [
  { href: "/settings/notifications", label: "Notifications" },
  { href: "/settings/security", label: "Sign-in & security" },
] as const;
