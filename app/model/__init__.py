"""The shared domain model: plain Python values and rules, no Qt and no I/O."""

from app.model.errors import KmsError, SetupError
from app.model.importing import ExpirationMode, ImportParameters, WrappingAlgorithm
from app.model.keys import Cmk, DataKey, KeyPage, KeySpec, KeyState, KeyUsage, Origin, Tag

__all__ = [
    "Cmk",
    "DataKey",
    "ExpirationMode",
    "ImportParameters",
    "KeyPage",
    "KeySpec",
    "KeyState",
    "KeyUsage",
    "KmsError",
    "Origin",
    "SetupError",
    "Tag",
    "WrappingAlgorithm",
]
