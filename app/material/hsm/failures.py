"""PKCS#11 failures (python-pkcs11's exceptions) as the sentences of ``problems``.

Failures particular to one call (a wrong PIN, a key that cannot be wrapped, an algorithm the
token refuses) are turned into their sentence where they happen; ``translated`` turns the
rest, which any call can meet, into theirs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pkcs11 import exceptions as p11

from app.material.hsm.problems import HsmError, HsmProblem

SESSION_LOST = (p11.DeviceRemoved, p11.DeviceError, p11.SessionClosed, p11.SessionHandleInvalid)


def reason(error: BaseException) -> str:
    """A PKCS#11 failure by its return value's name (``CKR_ARGUMENTS_BAD``)."""
    if type(error) is p11.PKCS11Error:
        return str(error) or "CKR_GENERAL_ERROR"
    words = re.sub(r"(?<!^)(?=[A-Z])", "_", type(error).__name__).upper()
    return f"CKR_{words}"


@contextmanager
def translated(*, token: str = "", module: Path | None = None) -> Iterator[None]:
    """Any PKCS#11 failure inside, as an ``HsmError``."""
    try:
        yield
    except HsmError:
        raise
    except p11.PinLocked:
        raise HsmError(HsmProblem.PIN_LOCKED, token=token) from None
    except p11.PinExpired:
        raise HsmError(HsmProblem.PIN_EXPIRED, token=token) from None
    except p11.UserPinNotInitialized:
        raise HsmError(HsmProblem.PIN_NOT_INITIALIZED, token=token) from None
    except (p11.TokenNotPresent, p11.TokenNotRecognised) as error:
        if module is None:  # inside a session: the token it was opened on went away
            raise HsmError(HsmProblem.SESSION_LOST, reason=reason(error)) from None
        raise HsmError(HsmProblem.NO_TOKENS, path=module) from None
    except SESSION_LOST as error:
        raise HsmError(HsmProblem.SESSION_LOST, reason=reason(error)) from None
    except p11.PKCS11Error as error:
        raise HsmError(HsmProblem.TOKEN_FAILED, reason=reason(error)) from None
