import { describe, expect, it } from 'vitest';
import { findExternalTensor, NestedTooDeepError } from '../../../../main/inference/onnxMetadata.js';
import { addModel, concat, field, tensor } from '../../../helpers/onnxBuilder.js';

describe('findExternalTensor', () => {
  it('finds an initializer kept in another file, and none in a self-contained model', () => {
    expect(findExternalTensor(addModel('weights.bin'))).toEqual({ tensor: 'W', location: 'weights.bin' });
    expect(findExternalTensor(addModel())).toBeNull();
  });

  it('finds external tensors in node attributes, subgraphs, sparse initializers and functions', () => {
    const constant = field(1, concat(field(2, 'C'), field(4, 'Constant'), field(5, concat(field(1, 'value'), field(5, tensor('K', '/etc/shadow'))))));
    expect(findExternalTensor(field(7, constant))).toEqual({ tensor: 'K', location: '/etc/shadow' });
    const subgraph = field(7, field(1, field(5, concat(field(1, 'then_branch'), field(6, field(5, tensor('T', 'then.bin')))))));
    expect(findExternalTensor(subgraph)).toEqual({ tensor: 'T', location: 'then.bin' });
    const sparse = field(7, field(15, field(1, tensor('S', 'sparse.bin'))));
    expect(findExternalTensor(sparse)).toEqual({ tensor: 'S', location: 'sparse.bin' });
    const fn = field(25, field(7, field(5, field(5, tensor('F', 'fn.bin')))));
    expect(findExternalTensor(fn)).toEqual({ tensor: 'F', location: 'fn.bin' });
  });

  it('refuses graphs nested deeper than any real model', () => {
    let graph = field(5, tensor('W'));
    for (let i = 0; i < 100; i++) graph = field(1, field(5, field(6, graph)));
    expect(() => findExternalTensor(field(7, graph))).toThrow(NestedTooDeepError);
  });

  it('throws on a field that runs past the end', () => {
    expect(() => findExternalTensor(Uint8Array.of(0x3a, 0x7f, 1, 2))).toThrow('past the end');
  });
});
