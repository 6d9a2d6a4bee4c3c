"""Keyferry: bring your own key material into a key management service."""

__version__ = "0.1.0"
