"""The archive's public address, for every link that leaves the page: permalinks, citations,
exports and page metadata.

The Host header is whatever the client sent, so it never goes into a citation on its own say-so.
With PUBLIC_URL set (instance config.py, or FLASK_PUBLIC_URL), every such link starts with it.
Without it, the request's own root is used only when the host is this machine (localhost,
127.0.0.0/8, ::1: a reader on the same machine, as with `flask run`) or one that Flask's
TRUSTED_HOSTS accepted; any other host gets a link relative to the archive ('/p/...'), which
cannot point anywhere else. Behind a reverse proxy, X-Forwarded-Host/-Proto count only when
PROXY_FIX is configured (see app.py), and even then the same rule applies to the host they give.
"""
from __future__ import annotations

import ipaddress
import re

from flask import current_app, request, url_for

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    """Whether a Host header ('127.0.0.1:5000', '[::1]:5000', 'localhost') names this machine."""
    if host.startswith("["):
        name = host[1:host.find("]")]
    else:
        name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    name = name.lower().rstrip(".")
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def public_url_for(endpoint: str, **values) -> str:
    """url_for for a link that leaves the page: absolute with the public address, or relative."""
    configured = (current_app.config.get("PUBLIC_URL") or "").strip().rstrip("/")
    path = url_for(endpoint, **values)
    if configured:
        # PUBLIC_URL names the archive's root, mount point included: keep only the path below it.
        below = path[len(request.script_root):] if path.startswith(request.script_root) else path
        return configured + below
    if current_app.config.get("TRUSTED_HOSTS") or is_loopback(request.host):
        return request.host_url.rstrip("/") + path
    return path


PROXY_HEADERS = ("x_for", "x_proto", "x_host", "x_port", "x_prefix")


def configure(app) -> None:
    """Check PUBLIC_URL and install ProxyFix when asked; a bad setting stops startup with its name."""
    public = app.config.get("PUBLIC_URL") or ""
    if not isinstance(public, str) or (public and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", public.strip())):
        raise ValueError(f"PUBLIC_URL must be an http(s) address such as https://archive.example.org, not {public!r}")
    install_proxy_fix(app)


def install_proxy_fix(app) -> None:
    """Honour X-Forwarded-* only when PROXY_FIX says how many proxies set them.

    PROXY_FIX is a number of hops for all five headers (1: one proxy in front), or a mapping such as
    {"x_for": 1, "x_proto": 1, "x_host": 1}; FLASK_PROXY_FIX takes the same as JSON. Unset or 0:
    the headers are ignored, since any client can send them.
    """
    from werkzeug.middleware.proxy_fix import ProxyFix

    setting = app.config.get("PROXY_FIX")
    if not setting:
        return
    if isinstance(setting, bool) or not isinstance(setting, (int, dict)):
        raise ValueError(f"PROXY_FIX must be a number of proxies or a mapping of {', '.join(PROXY_HEADERS)}, "
                         f"not {setting!r}")
    hops = dict.fromkeys(PROXY_HEADERS, setting) if isinstance(setting, int) else dict(setting)
    unknown = set(hops) - set(PROXY_HEADERS)
    if unknown or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in hops.values()):
        raise ValueError(f"PROXY_FIX takes whole numbers for {', '.join(PROXY_HEADERS)}, not {setting!r}")
    app.wsgi_app = ProxyFix(app.wsgi_app, **hops)
