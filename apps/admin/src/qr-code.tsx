import { Box, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';

/**
 * A QR code of `value` as inline SVG. The encoder (`qrcode`) is loaded on first use, so screens without a QR code
 * never download it. `label` names the image for screen readers (the text it encodes is printed beside it).
 */
export function QrCode({ value, label, size = 160 }: { value: string; label: string; size?: number }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setSvg(null);
    import('qrcode')
      .then((qrcode) =>
        qrcode.toString(value, { type: 'svg', margin: 1, width: size, errorCorrectionLevel: 'M' }),
      )
      .then((markup) => {
        if (current) setSvg(markup);
      });
    return () => {
      current = false;
    };
  }, [value, size]);
  return (
    <Box
      role="img"
      aria-label={label}
      data-testid="qr-code"
      data-qr-value={value}
      w={size}
      h={size}
      style={{ flex: 'none' }}
    >
      {svg ? (
        // The markup comes from the QR encoder (paths only), never from user input.
        <div style={{ width: size, height: size }} dangerouslySetInnerHTML={{ __html: svg }} />
      ) : (
        <Loader size="sm" aria-hidden />
      )}
    </Box>
  );
}
