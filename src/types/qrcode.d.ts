/** The one function of the `qrcode` package (1.5, untyped) that Verbeterpunt uses: a QR code as SVG text. */
declare module 'qrcode' {
  interface SvgOptions {
    type: 'svg';
    errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
    margin?: number;
    width?: number;
  }
  const qrcode: { toString(text: string, options: SvgOptions): Promise<string> };
  export default qrcode;
}
