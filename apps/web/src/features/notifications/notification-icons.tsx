/** Line icons in the style of ui/icons (currentColor). Decorative: always beside a text label. */
const common = {
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2.2,
  strokeLinecap: "round",
  strokeLinejoin: "round",
  focusable: false,
} as const;

/** The inbox: a tray. */
export function InboxIcon() {
  return (
    <svg {...common} width={16} height={16} aria-hidden="true">
      <path d="M3 13h5l1.5 2.5h5L16 13h5" />
      <path d="M5.5 5h13L21 13v5a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-5l2.5-8Z" />
    </svg>
  );
}

/** A room's notifications. */
export function BellIcon({ size = 18 }: { size?: number }) {
  return (
    <svg {...common} width={size} height={size} aria-hidden="true">
      <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15L6 16Z" />
      <path d="M10 21h4" />
    </svg>
  );
}

/** A muted room. */
export function BellOffIcon({ size = 18 }: { size?: number }) {
  return (
    <svg {...common} width={size} height={size} aria-hidden="true">
      <path d="M8.5 5.6A6 6 0 0 1 18 11v4M6 11v5l-1.5 2H18" />
      <path d="M10 21h4M3 3l18 18" />
    </svg>
  );
}
