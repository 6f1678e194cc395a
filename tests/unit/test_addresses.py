"""The address guard as a pure function on literal addresses (no connection is ever made)."""

import pytest

from pipeline.addresses import classify_address, refusal_reason


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.0.0.5", "private"),
        ("172.16.3.4", "private"),
        ("192.168.1.1", "private"),
        ("100.64.0.1", "private"),
        ("fd12:3456::1", "private"),
        ("169.254.169.254", "metadata"),
        ("169.254.170.2", "metadata"),
        ("fd00:ec2::254", "metadata"),
        ("169.254.1.1", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:169.254.169.254", "metadata"),
        ("::ffff:10.1.1.1", "private"),
        ("2002:7f00:1::", "loopback"),  # 6to4 wrapping 127.0.0.1
        ("64:ff9b::a9fe:a9fe", "metadata"),  # NAT64 wrapping 169.254.169.254
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("240.0.0.1", "reserved"),
        ("93.184.216.34", "public"),
        ("2606:4700:4700::1111", "public"),
    ],
)
def test_classify_address_names_the_class(address, kind):
    assert classify_address(address) == kind


def test_public_addresses_are_allowed():
    assert refusal_reason("93.184.216.34", allow_private=False) is None


def test_loopback_is_refused_unless_allowed():
    assert "loopback" in refusal_reason("127.0.0.1", allow_private=False)
    assert refusal_reason("127.0.0.1", allow_private=True) is None


def test_metadata_and_link_local_stay_refused_even_when_private_hosts_are_allowed():
    assert "metadata" in refusal_reason("169.254.169.254", allow_private=True)
    assert "link-local" in refusal_reason("fe80::1", allow_private=True)
