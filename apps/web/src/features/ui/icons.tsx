/** Small line icons, drawn in currentColor. Decorative: always beside a text label. */
const common = {
  width: 16,
  height: 16,
  viewBox: "0 0 24 24",
  fill: "none",
  stroke: "currentColor",
  strokeWidth: 2.2,
  strokeLinecap: "round",
  strokeLinejoin: "round",
  focusable: false,
} as const;

export function SearchIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}

export function PlusIcon() {
  return (
    <svg {...common} aria-hidden="true">
      <path d="M12 5v14M5 12h14" />
    </svg>
  );
}

export function ArrowLeftIcon() {
  return (
    <svg {...common} width={20} height={20} aria-hidden="true">
      <path d="M19 12H5M12 19l-7-7 7-7" />
    </svg>
  );
}

const small = { ...common, width: 14, height: 14 } as const;

/** Message status: waiting to be stored. */
export function ClockIcon() {
  return (
    <svg {...small} aria-hidden="true">
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5V12l3 2" />
    </svg>
  );
}

/** Message status: stored by the server. */
export function CheckIcon() {
  return (
    <svg {...small} aria-hidden="true">
      <path d="m4.5 12.5 4.5 4.5L19.5 6.5" />
    </svg>
  );
}

/** Message status: on another member's device. */
export function DoubleCheckIcon() {
  return (
    <svg {...small} width={18} viewBox="0 0 30 24" aria-hidden="true">
      <path d="m2.5 12.5 4.5 4.5L17.5 6.5" />
      <path d="m13 16 1 1L24.5 6.5" />
    </svg>
  );
}

/** Message status: refused. */
export function AlertIcon() {
  return (
    <svg {...small} aria-hidden="true">
      <circle cx="12" cy="12" r="9" />
      <path d="M12 7.5v5.5M12 16.5v.01" />
    </svg>
  );
}
