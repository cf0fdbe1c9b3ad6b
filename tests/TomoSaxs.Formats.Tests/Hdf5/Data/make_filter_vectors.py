#!/usr/bin/python3
"""Writes filter_vectors.h5: small datasets stored with the compression filters and options that the shared
I22 fixtures do not cover (Blosc with the blosclz/lz4/zlib codecs and byte/bit/no shuffle, several Blosc
blocks per chunk with and without split streams, multi-block and incompressible LZ4, LZF and deflate with
edge chunks). Each group holds `data` (filtered) and `reference` (the same values, stored with plain gzip,
which PureHDF decodes itself).

Run once with the Debian packages python3-h5py, hdf5-filter-plugin (LZ4), hdf5-filter-plugin-blosc-serial and
libblosc1:  /usr/bin/python3 make_filter_vectors.py
The tests read the committed output and never call Python. Bitshuffle (32008) is not among the Debian
plugins, so its extra cases are built in the C# tests from a reference encoder instead.
"""
import ctypes
import ctypes.util
import os

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUTPUT = os.path.join(HERE, "filter_vectors.h5")
rng = np.random.default_rng(20240611)
NOSHUFFLE, SHUFFLE, BITSHUFFLE = 0, 1, 2
BLOSC_CODE = {"blosclz": 0, "lz4": 1, "zlib": 4}  # the HDF5 Blosc filter's compressor codes


def blosc(cname, clevel, shuffle):
    """h5py arguments for the HDF5 Blosc filter (the first four values are filled in by the filter)."""
    return dict(compression=32001, compression_opts=(0, 0, 0, 0, clevel, shuffle, BLOSC_CODE[cname]))


def lz4(block_bytes):
    """h5py arguments for the HDF5 LZ4 filter with the given block size in bytes."""
    return dict(compression=32004, compression_opts=(block_bytes,))


def counts(shape, dtype):
    """Detector-like values: a smooth background plus Poisson noise, so compressors find structure."""
    grid = np.indices(shape).sum(axis=0)
    values = rng.poisson(20 + (grid % 17)).astype(np.float64)
    if np.issubdtype(np.dtype(dtype), np.floating):
        values = values * 0.37 - 3.0
    elif np.issubdtype(np.dtype(dtype), np.signedinteger):
        values[..., 3] = -1  # gap pixels, as on a Pilatus
    return values.astype(dtype)


def mask_like(shape):
    """A mask-like byte image: long runs with sparse noise, which byte-wise LZ codecs compress."""
    values = (np.indices(shape)[-1] // 7 % 3).astype(np.uint8)
    values[rng.random(shape) < 0.02] = 9
    return values


CASES = [
    # name, dtype, shape, chunks, h5py filter arguments
    ("blosc_blosclz_byteshuffle_int32", "i4", (3, 40, 36), (1, 40, 36),
     blosc("blosclz", 5, SHUFFLE)),
    ("blosc_blosclz_bitshuffle_float32", "f4", (3, 40, 36), (1, 40, 36),
     blosc("blosclz", 5, BITSHUFFLE)),
    ("blosc_blosclz_noshuffle_uint8", "u1", (2, 64, 50), (1, 64, 50),
     blosc("blosclz", 9, NOSHUFFLE)),
    ("blosc_lz4_bitshuffle_int32", "i4", (3, 40, 36), (1, 40, 36),
     blosc("lz4", 5, BITSHUFFLE)),
    ("blosc_zlib_byteshuffle_float64", "f8", (2, 30, 20), (1, 30, 20),
     blosc("zlib", 5, SHUFFLE)),
    # Several Blosc blocks per chunk and a short last block. The HDF5 Blosc plugin uses one block for chunks
    # this small, so main() recompresses these chunks with libblosc directly (forced block size, split mode)
    # and stores them with write_direct_chunk.
    ("blosc_lz4_byteshuffle_multiblock_uint32", "u4", (40003,), (40003,),
     blosc("lz4", 5, SHUFFLE)),
    ("blosc_blosclz_bitshuffle_nosplit_multiblock_int32", "i4", (10003,), (10003,),
     blosc("blosclz", 5, BITSHUFFLE)),
    # Compression level 0: Blosc stores the chunk behind its header unchanged (the "memcpyed" flag).
    ("blosc_memcpyed_multiblock_int32", "i4", (3000,), (3000,),
     blosc("lz4", 5, SHUFFLE)),
    # HDF5 LZ4 plugin framing with several 1 kB blocks and a short last block.
    ("lz4_multiblock_int32", "i4", (3, 40, 36), (1, 40, 36), lz4(1024)),
    # Random bytes do not compress: the plugin stores such blocks raw.
    ("lz4_incompressible_uint8", "u1", (4000,), (4000,), lz4(512)),
    # Edge chunks: the dataset shape is not a multiple of the chunk shape.
    ("lzf_edgechunks_float32", "f4", (5, 37, 29), (2, 16, 16), dict(compression="lzf")),
    ("gzip_shuffle_edgechunks_uint32", "u4", (5, 37, 29), (2, 16, 16),
     dict(compression="gzip", compression_opts=4, shuffle=True)),
    ("gzip_edgechunks_float64", "f8", (37, 29), (16, 16), dict(compression="gzip", compression_opts=1)),
]


def blosc_compress(values, codec, shuffle, block_size, split_mode, level=5):
    """Compresses one chunk with the system libblosc (1.x), a forced block size and a split mode."""
    os.environ["BLOSC_SPLITMODE"] = split_mode  # read by blosc_compress on every call
    lib = ctypes.CDLL(ctypes.util.find_library("blosc"))
    lib.blosc_set_compressor(codec.encode())
    lib.blosc_set_blocksize(ctypes.c_size_t(block_size))
    source = np.ascontiguousarray(values).tobytes()
    target = ctypes.create_string_buffer(len(source) + 16)
    size = lib.blosc_compress(level, shuffle, values.dtype.itemsize, ctypes.c_size_t(len(source)), source,
                              target, ctypes.c_size_t(len(target)))
    lib.blosc_set_blocksize(ctypes.c_size_t(0))
    os.environ["BLOSC_SPLITMODE"] = "FORWARD_COMPAT"
    if size <= 0:
        raise RuntimeError("blosc_compress failed")
    return target.raw[:size]


def main():
    with h5py.File(OUTPUT, "w") as f:
        for name, dtype, shape, chunks, kwargs in CASES:
            if name == "lz4_incompressible_uint8":
                values = rng.integers(0, 256, size=shape, dtype=np.uint8)
            elif dtype == "u1":
                values = mask_like(shape)
            else:
                values = counts(shape, dtype)
            group = f.create_group(name)
            data = group.create_dataset("data", data=values, chunks=chunks, **kwargs)
            if name.startswith("blosc") and "multiblock" in name:
                shuffle = BITSHUFFLE if "bitshuffle" in name else SHUFFLE
                codec = "blosclz" if "blosclz" in name else "lz4"
                split = "NEVER" if "nosplit" in name else "ALWAYS"
                level = 0 if "memcpyed" in name else 5
                chunk = blosc_compress(values, codec, shuffle, 4096, split, level)
                data.id.write_direct_chunk((0,) * len(shape), chunk)
            group.create_dataset("reference", data=values, compression="gzip")

    # Self-check: libhdf5 with the installed plugins reads every case back.
    with h5py.File(OUTPUT, "r") as f:
        for name in f:
            if not np.array_equal(f[name]["data"][()], f[name]["reference"][()]):
                raise RuntimeError(f"{name}: filtered data does not round-trip")
            print("checked", name)
    print("wrote", OUTPUT)


if __name__ == "__main__":
    main()
