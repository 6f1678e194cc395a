"""Which network addresses the monitor may fetch from: a pure classification, no I/O."""

from __future__ import annotations

import ipaddress

# Cloud metadata endpoints answer on these; they are refused even when private hosts are allowed.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)


def classify_address(address: str) -> str:
    """Name the class of an IP literal: public, loopback, private, link-local, metadata, reserved..."""
    ip = ipaddress.ip_address(address.strip("[]").split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            return classify_address(str(mapped))
        if ip.teredo is not None:
            return classify_address(str(ip.teredo[1]))
        if ip in ipaddress.ip_network("64:ff9b::/96"):  # NAT64 embeds an IPv4 address
            return classify_address(str(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)))
    if ip in METADATA_ADDRESSES:
        return "metadata"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_reserved:
        return "reserved"
    if ip.is_private or (isinstance(ip, ipaddress.IPv4Address) and ip in ipaddress.ip_network("100.64.0.0/10")):
        return "private"
    if not ip.is_global:
        return "reserved"
    return "public"


def refusal_reason(address: str, allow_private: bool) -> str | None:
    """Why a request to this address must not be made, or None when it may."""
    kind = classify_address(address)
    if kind == "public":
        return None
    if allow_private and kind in {"loopback", "private"}:
        return None
    return f"address {address} is {kind}"
