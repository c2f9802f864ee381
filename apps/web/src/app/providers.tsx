"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { makeQueryClient } from "../features/api/query-client";
import { ServiceWorkerRegistration } from "../features/pwa/service-worker-registration";

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser tab (and per server render), created on first render.
  const [queryClient] = useState(makeQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      {children}
      <ServiceWorkerRegistration />
    </QueryClientProvider>
  );
}
