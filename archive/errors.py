"""Errors answer in the form asked for (JSON under /api, a page elsewhere), and every response
carries a Content-Security-Policy that allows no inline script and nothing from another host."""
from __future__ import annotations

import sqlite3

from flask import Flask, Response, render_template, request
from flask.globals import request_ctx
from werkzeug.exceptions import HTTPException, InternalServerError

from indexer.engine.opening import IndexUnavailable

from .api import error as json_error
from .search_arguments import BadParameter

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def register(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(err: HTTPException):
        return _answer(err.code or 500, err.name, err.description or "")

    @app.errorhandler(BadParameter)
    def bad_parameter(err: BadParameter):
        return _answer(400, "Bad request", str(err))

    @app.errorhandler(IndexUnavailable)
    def index_unavailable(err: IndexUnavailable):
        app.logger.warning("Index unavailable on %s: %s", request.path, err)
        return _answer(503, "Archive unavailable", str(err))

    @app.errorhandler(sqlite3.DatabaseError)
    def catalogue_unreadable(err: sqlite3.DatabaseError):
        # a catalogue overwritten, emptied or locked past its timeout: the archive's state, not a
        # bug of ours (was a 500 on every document and speaker page; search still answers)
        app.logger.warning("Catalogue unreadable on %s: %s", request.path, err)
        return _answer(503, "Archive unavailable", "The archive's catalogue cannot be read just now; try again in "
                       "a moment. If it lasts, an administrator can run `flask check`.")

    @app.errorhandler(Exception)
    def unexpected(err: Exception):
        app.logger.exception("Unhandled error on %s", request.path)
        failure = InternalServerError()
        return _answer(500, failure.name, "Something went wrong on our side; the error has been logged.")

    @app.after_request
    def security_headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response


def _answer(status: int, title: str, message: str):
    if request.path.startswith("/api/"):
        return json_error(status, message or title)
    if request_ctx.url_adapter is None:  # a Host that TRUSTED_HOSTS refused: no URL can be built
        return Response(f"{title}: {message}\n", status=status, content_type="text/plain; charset=utf-8")
    return render_template("error.html", title=title, message=message, status=status), status
