"use client";

import { useRouter } from "next/navigation";
import { ArrowLeftIcon } from "../ui/icons";

/** Phones only (hidden by CSS on wider screens, where the sidebar is always there). */
export function BackToRooms({ className }: { className?: string }) {
  const router = useRouter();
  return (
    <button
      type="button"
      className={`btn btn-ghost ${className ?? ""}`}
      onClick={() => router.push("/rooms")}
    >
      <ArrowLeftIcon />
      <span className="visually-hidden">Back to rooms</span>
    </button>
  );
}
