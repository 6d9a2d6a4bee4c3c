"""The Wrap page's openssl commands for AES material and its key check value line, for each
way of wrapping (in the page's translation context: these are the page's texts, kept apart to
keep the page short)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.gui.wizard import work
from app.gui.wizard.flow import ImportFlow
from app.gui.wizard.flow_types import MaterialSource, WrapMethod


def recipe(flow: ImportFlow, *, usable: bool) -> list[tuple[str, str]]:
    """The console's Table 2 for the current choice, (title, command) pairs; none over an
    existing file that would not be wrapped (``usable`` False)."""
    assert flow.items is not None
    here = flow.wrap_method is WrapMethod.HERE
    existing = here and flow.material_source is MaterialSource.EXISTING
    if existing and not usable:
        return []
    titles = {
        "cd": QCoreApplication.translate("WrapPage", "Go to the download folder"),
        "generate": QCoreApplication.translate("WrapPage", "Generate 256-bit key material"),
        "wrap": QCoreApplication.translate(
            "WrapPage", "Wrap it with the wrapping key (%1)"
        ).replace("%1", flow.items.wrapping_algorithm),
    }
    steps = work.wrap_commands(
        flow.items,
        plaintext=flow.plaintext_path if here else None,
        generate=not here or flow.material_source is MaterialSource.GENERATE,
    )
    return [(titles[kind], command) for kind, command in steps]


def kcv_text(flow: ImportFlow) -> str:
    """What the KCV is, or will be, for the current way of wrapping."""
    if flow.wrap_method is WrapMethod.TOKEN:
        return _token_kcv_text(flow)
    if flow.wrap_method is WrapMethod.HSM:
        return QCoreApplication.translate(
            "WrapPage",
            "The KCV is AES-CMAC of a zero block, first 3 bytes (not the older "
            "AES-ECB check value). With it, the import is refused unless the "
            "unwrapped material has this KCV.",
        )
    current = flow.wrapped if flow.wrap_current() else None
    if current is not None:
        return QCoreApplication.translate(
            "WrapPage",
            "Key check value (KCV): %1. Compare it with your HSM's; the import is "
            "refused unless the unwrapped material has this KCV.",
        ).replace("%1", current.kcv)
    return QCoreApplication.translate(
        "WrapPage", "The key check value (KCV) appears here after Wrap."
    )


def _token_kcv_text(flow: ImportFlow) -> str:
    done = flow.token_wrapped if flow.token_wrap_current() else None
    if done is None:
        return QCoreApplication.translate(
            "WrapPage", "The key check value (KCV), computed in the token, appears here."
        )
    if done.kcv:
        return QCoreApplication.translate(
            "WrapPage",
            "Key check value (KCV), computed in the token: %1. The import is checked "
            "against it: the KMS must find the same material.",
        ).replace("%1", done.kcv)
    return QCoreApplication.translate(
        "WrapPage",
        "The token cannot compute this key's KCV (AES-CMAC). Its legacy check value "
        "(CKA_CHECK_VALUE, AES-ECB of zeros) is %1: another number than the KCV the KMS "
        "shows, so compare them by hand.",
    ).replace("%1", done.key.legacy_check_value or "-")
