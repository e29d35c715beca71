import { useEffect } from "react";

/**
 * The browser tab's title while the page is open: the browser prints it in a printed page's header
 * and offers it as a saved PDF's name. Nothing happens until there is a title; leaving restores
 * the one before.
 */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    if (!title) return;
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);
}
