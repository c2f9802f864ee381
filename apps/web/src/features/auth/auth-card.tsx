import type { ReactNode } from "react";
import styles from "./auth-card.module.css";

/** The centred card around the sign-in and sign-up forms. */
export function AuthCard({
  title,
  subtitle,
  footer,
  children,
}: {
  title: string;
  subtitle: string;
  footer: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className={styles.page}>
      <div className={styles.card}>
        <div className={styles.brand}>
          {/* biome-ignore lint/performance/noImgElement: a tiny static SVG; next/image adds nothing here. */}
          <img src="/favicon.svg" alt="" />
          Parley
        </div>
        <h1 className={styles.title}>{title}</h1>
        <p className={styles.subtitle}>{subtitle}</p>
        {children}
        <p className={styles.footer}>{footer}</p>
      </div>
    </main>
  );
}

export const authFormClass = styles.form;
