"""The embedded local KMS engine: the API's operations over an SQLite store, with secrets
sealed under a master key held in the OS keyring."""

from app.engine.clock import Clock, ManualClock, SystemClock
from app.engine.kms import DEFAULT_PROJECT, LocalKms
from app.engine.master_key import FileMasterKey, KeyringMasterKey, MasterKeySource

__all__ = [
    "DEFAULT_PROJECT",
    "Clock",
    "FileMasterKey",
    "KeyringMasterKey",
    "LocalKms",
    "ManualClock",
    "MasterKeySource",
    "SystemClock",
]
