"""The guard for URLs taken from a resume (link checks): http(s) only, public addresses only.

A resume is untrusted input; a link to http://169.254.169.254/ or to a name that resolves to
10.0.0.5 must never make us send a request into the reviewer's network. Checked before every
hop (redirects are followed by hand, each hop re-checked), and the connection itself goes to
an address `approved_addresses` returned (pinned.py). API base URLs from the config are
trusted and never pass through here (tests point them at 127.0.0.1).

Own code on stdlib `ipaddress`/`getaddrinfo`: the check is a dozen lines, and the library
that patches httpcore (httpx-secure) still opens a TCP connection to the address before it
refuses it (research/ecosystem.md, I).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit

Resolver = Callable[[str, int], list[str]]


class UnsafeURL(ValueError):
    """The URL is not one we will request; the message says why, in one line."""


class Unresolvable(UnsafeURL):
    """The name did not resolve. Unlike a private address this may heal (no network, a DNS
    hiccup), so it is never cached as a refusal."""


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise Unresolvable(f"cannot resolve {host}: {exc.strerror or exc}") from exc
    return [str(info[4][0]) for info in infos]


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip in ipaddress.ip_network("64:ff9b::/96"):  # NAT64 wraps an IPv4 address
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.is_global and not ip.is_multicast


def check_url(url: str, resolve: Resolver = system_resolver) -> str:
    """Return the URL if it may be requested, else raise UnsafeURL."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https"):
        raise UnsafeURL(f"only http(s) links are checked, not '{parts.scheme or 'no scheme'}:'")
    if parts.username or parts.password:
        raise UnsafeURL("links with a user name or password are not checked")
    host = parts.hostname
    if not host:
        raise UnsafeURL("the link has no host")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as exc:
        raise UnsafeURL(f"bad port: {exc}") from exc
    approved_addresses(host, port, resolve)
    return url


def approved_addresses(host: str, port: int, resolve: Resolver = system_resolver) -> list[str]:
    """The addresses of `host`, if every one is public; else raise UnsafeURL. The connection
    for a link is made to one of these (see `pinned`), never to a second look-up's answer."""
    try:
        addresses = [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        addresses = resolve(host, port)
    if not addresses:
        raise UnsafeURL(f"{host} does not resolve")
    for address in addresses:
        if not _public(address):
            raise UnsafeURL(f"{host} resolves to a private, loopback or link-local address ({address})")
    return addresses
