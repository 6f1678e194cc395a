"""Near-duplicate bodies: 64-bit SimHash over word shingles, with 4 bands for indexed lookup."""

from __future__ import annotations

import hashlib
import re

import numpy as np

WORD = re.compile(r"\w+", re.UNICODE)
SHINGLE = 3
NEAR_DUPLICATE_BITS = 3  # Hamming distance at or under this is the same story
BANDS = 4  # a distance <= 3 leaves at least one of 4 16-bit bands identical (pigeonhole)


def _shingles(text: str) -> list[str]:
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]


def simhash(text: str) -> int:
    """A 64-bit SimHash of the text's 3-word shingles, as a signed int (PostgreSQL bigint)."""
    shingles = _shingles(text)
    if not shingles:
        return 0
    digests = b"".join(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest() for s in shingles)
    # One row of 64 bits per shingle (most significant first); a bit is set where most shingles set it.
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(len(shingles), 8), axis=1)
    majority = (bits.sum(axis=0) * 2 > len(shingles)).astype(np.uint8)
    unsigned = int.from_bytes(np.packbits(majority).tobytes(), "big")
    return unsigned - (1 << 64) if unsigned >= 1 << 63 else unsigned


def distance(a: int, b: int) -> int:
    """Hamming distance between two SimHashes."""
    return ((a ^ b) & (2**64 - 1)).bit_count()


def bands(value: int) -> list[int]:
    """The 4 16-bit bands of a SimHash, for an indexed candidate search."""
    unsigned = value & (2**64 - 1)
    return [(unsigned >> (16 * i)) & 0xFFFF for i in range(BANDS)]
