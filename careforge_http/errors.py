"""One error object for every failure, ``{"error": {"code", "message"}}``, and the request-size limit.

Status codes (docs/http-api.md lists them): 400 malformed JSON or a bad data: URL, 401 missing or unknown key,
403 an action the key's role may not take, 404 unknown thread, job, image or report (also another user's: a thread id
is never confirmed to someone who does not own it), 409 nothing awaiting review, 413 body too large, 415 unsupported
file type, 422 a well-formed request that fails validation, 429 rate limited, 503 no vector store / not ready.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.logs import LOGGER


class ErrorDetail(BaseModel):
    """What went wrong: a stable machine code and a sentence for people."""

    code: str
    message: str


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


class ApiError(StarletteHTTPException):
    """An error with its status and code; raised anywhere, rendered by the handlers below."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code = code


_DEFAULT_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "rate_limited",
    503: "unavailable",
}
# Documented per-route responses, for the OpenAPI schema.
RESPONSES: dict[int | str, dict[str, object]] = {
    s: {"model": ErrorBody, "description": c} for s, c in _DEFAULT_CODES.items() if s not in (405,)
}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """The JSON response for one error."""
    body = ErrorBody(error=ErrorDetail(code=code, message=message))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = getattr(exc, "code", None) or _DEFAULT_CODES.get(exc.status_code, "error")
    return error_response(exc.status_code, code, str(exc.detail), dict(exc.headers or {}))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    # FastAPI reports unparseable JSON as a validation error; it is a different client bug, so it gets 400.
    if any(e.get("type") == "json_invalid" for e in errors):
        return error_response(400, "malformed_json", "the request body is not valid JSON")
    where = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ()) if p != 'body') or 'body'}: {e.get('msg', '')}" for e in errors
    )
    return error_response(422, "invalid_request", where[:2000] or "invalid request")


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    LOGGER.exception("unhandled error on %s %s", request.method, request.url.path)
    return error_response(500, "internal", "the server failed to handle the request; it was logged")


def install_handlers(app: FastAPI) -> None:
    """Render every error, including FastAPI's own, as the one error object."""
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)


class BodyTooLarge(ApiError):
    """Raised while the body is read, once it passes the route's limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, "payload_too_large", f"the request body is larger than {limit:,} bytes")


class BodyLimit:
    """ASGI middleware capping request bodies: by Content-Length up front, and by counting for chunked bodies.

    ``limit_for(path)`` gives each route its cap, so an image upload may be larger than a JSON turn.
    """

    def __init__(self, app: ASGIApp, limit_for: Callable[[str], int]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse or count the body, then hand the request on."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            # Refused before a byte is read: the client may still be sending, and nothing reaches a handler.
            await _send_json(send, 413, "payload_too_large", f"the request body is larger than {limit:,} bytes")
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:  # a chunked body, or a Content-Length that lied
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, counted, send)


async def _send_json(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
