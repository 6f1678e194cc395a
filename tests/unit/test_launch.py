"""The launcher refuses to start a second Airflow on a port that is already taken."""

import importlib.util
import socket

from tests.conftest import ROOT


def _launch():
    spec = importlib.util.spec_from_file_location("launch", ROOT / "scripts" / "launch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_listening_port_is_reported_taken_and_a_closed_one_free():
    launch = _launch()
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        assert launch.port_taken(port)
    assert not launch.port_taken(port)
