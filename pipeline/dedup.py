"""Near-duplicate bodies: 64-bit SimHash over word shingles, with 4 bands for indexed lookup."""

from __future__ import annotations

import hashlib
import re

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
    weights = [0] * 64
    for shingle in _shingles(text):
        value = int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if value >> bit & 1 else -1
    unsigned = sum(1 << bit for bit in range(64) if weights[bit] > 0)
    return unsigned - (1 << 64) if unsigned >= 1 << 63 else unsigned


def distance(a: int, b: int) -> int:
    """Hamming distance between two SimHashes."""
    return bin((a ^ b) & (2**64 - 1)).count("1")


def bands(value: int) -> list[int]:
    """The 4 16-bit bands of a SimHash, for an indexed candidate search."""
    unsigned = value & (2**64 - 1)
    return [(unsigned >> (16 * i)) & 0xFFFF for i in range(BANDS)]
