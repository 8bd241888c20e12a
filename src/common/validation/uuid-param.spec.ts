import { BadRequestException } from '@nestjs/common';
import { canonicalUuid, UuidParamPipe } from './uuid-param.js';

describe('UUID route parameters', () => {
  const lower = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

  it('gives a UUID in lower case, whatever case it was sent in', () => {
    const pipe = new UuidParamPipe('id');
    expect(pipe.transform(lower)).toBe(lower);
    expect(pipe.transform(lower.toUpperCase())).toBe(lower);
    expect(canonicalUuid('3F2B8C1E-9a4d-4E6F-8b7a-1C2D3E4F5A6B')).toBe(lower);
  });

  it('refuses anything else, naming the parameter', () => {
    const pipe = new UuidParamPipe('cid');
    for (const value of ['', 'abc', `${lower}\u0000`, `${lower} `, undefined, 12]) {
      expect(() => pipe.transform(value)).toThrow(BadRequestException);
    }
    expect(() => pipe.transform('x')).toThrow(
      'Le paramètre « cid » doit être un identifiant valide (UUID).',
    );
    expect(canonicalUuid('g'.repeat(36))).toBeNull();
  });
});
