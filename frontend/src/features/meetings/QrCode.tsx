import { Skeleton } from "@mantine/core";
import { useEffect, useState } from "react";

/**
 * A QR code of a text, drawn as SVG squares. The encoder (qrcode-generator, MIT) loads only
 * when a code is shown.
 */
export function QrCode({ text, size = 176, label }: { text: string; size?: number; label: string }) {
  const [cells, setCells] = useState<boolean[][] | null>(null);

  useEffect(() => {
    let alive = true;
    void import("qrcode-generator").then(({ default: qrcode }) => {
      const qr = qrcode(0, "M");
      qr.addData(text);
      qr.make();
      const count = qr.getModuleCount();
      const grid = Array.from({ length: count }, (_, row) => Array.from({ length: count }, (_, col) => qr.isDark(row, col)));
      if (alive) setCells(grid);
    });
    return () => {
      alive = false;
    };
  }, [text]);

  if (!cells) return <Skeleton width={size} height={size} />;
  const margin = 4;
  const extent = cells.length + margin * 2;
  const path = cells
    .flatMap((row, y) => row.map((dark, x) => (dark ? `M${x + margin} ${y + margin}h1v1h-1z` : "")))
    .join("");
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${extent} ${extent}`} shapeRendering="crispEdges">
      <rect width={extent} height={extent} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
