// Decodes QR codes with jsQR (an independent decoder, from npm) so that our encoder is checked by code we did not write.
// Reads from stdin a JSON array of symbols, each { "size": N, "modules": "0101…" } with N×N characters row by row
// ('1' = dark), draws each as an RGBA image (a 4-module light quiet zone, 3×3 pixels per module) and prints a JSON
// array with, for each symbol, { "data": text, "version": n } or null when jsQR finds no code.
import jsQR from 'jsqr';

const quietZone = 4;
const pixelsPerModule = 3;

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const symbols = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const rasterise = ({ size, modules }) => {
  if (modules.length !== size * size) throw new Error(`expected ${size * size} modules, got ${modules.length}`);
  const side = (size + 2 * quietZone) * pixelsPerModule;
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (modules[y * size + x] !== '1') continue;
      for (let py = 0; py < pixelsPerModule; py++) {
        const row = (y + quietZone) * pixelsPerModule + py;
        for (let px = 0; px < pixelsPerModule; px++) {
          const offset = (row * side + (x + quietZone) * pixelsPerModule + px) * 4;
          pixels[offset] = pixels[offset + 1] = pixels[offset + 2] = 0;
        }
      }
    }
  }
  return { pixels, side };
};

const results = symbols.map(symbol => {
  const { pixels, side } = rasterise(symbol);
  const code = jsQR(pixels, side, side, { inversionAttempts: 'dontInvert' });
  return code ? { data: code.data, version: code.version } : null;
});
process.stdout.write(JSON.stringify(results));
