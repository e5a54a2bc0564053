import { describe, expect, it } from 'vitest';
import { JPEG_BYTES, makePng } from '../../../tests/helpers/fixture-server';
import { imageExtension } from './image-type';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );

describe('imageExtension', () => {
  it('knows images by their bytes, whatever the server called them', () => {
    expect(imageExtension(makePng('x'), 'application/octet-stream')).toBe('png');
    expect(imageExtension(JPEG_BYTES, null)).toBe('jpg');
    expect(imageExtension(bytes('GIF89a', [1, 0, 1, 0]), 'image/png')).toBe('gif');
    expect(imageExtension(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), null)).toBe('webp');
    expect(imageExtension(bytes([0, 0, 0, 28], 'ftypavif', [0, 0, 0, 0]), null)).toBe('avif');
    expect(imageExtension(bytes('BM', new Array<number>(40).fill(0)), null)).toBe('bmp');
    expect(imageExtension(bytes([0, 0, 1, 0, 1, 0, 16, 16]), null)).toBe('ico');
  });

  it('takes SVG documents, with or without a prolog, and only those', () => {
    expect(imageExtension(bytes('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), null)).toBe('svg');
    const prolog = '\uFEFF<?xml version="1.0"?>\n<!-- drawn by hand -->\n<!DOCTYPE svg>\n<svg width="1"/>';
    expect(imageExtension(Buffer.from(prolog, 'utf8'), 'text/xml')).toBe('svg');
    expect(imageExtension(bytes('<!doctype html><title>404</title>'), 'image/png')).toBeNull();
    expect(imageExtension(bytes('<html><body><svg></svg></body></html>'), 'text/html')).toBeNull();
    expect(imageExtension(bytes('%PDF-1.4'), 'image/jpeg')).toBeNull();
    expect(imageExtension(new Uint8Array(0), 'image/png')).toBeNull();
  });
});
