// Reads a QR code from an SVG image as a phone's camera would see it: resvg (an SVG renderer we did not write) draws the
// SVG from stdin at 600 pixels wide on white, and jsQR (a QR decoder we did not write) reads the pixels. Prints a JSON
// object { "data": text, "version": n }, or null when jsQR finds no code.
import { Resvg } from '@resvg/resvg-js';
import jsQR from 'jsqr';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const svg = Buffer.concat(chunks).toString('utf8');

const image = new Resvg(svg, { fitTo: { mode: 'width', value: 600 }, background: '#ffffff' }).render();
const code = jsQR(new Uint8ClampedArray(image.pixels), image.width, image.height);
process.stdout.write(JSON.stringify(code ? { data: code.data, version: code.version } : null));
