"""The one error type of Keyferry's KMS operations, and the meaning of every error code.

Each code of the Huawei Cloud KMS API has one meaning everywhere: the engine raises it, the
server sends it, the remote backend receives it, and the GUI shows it beside the input it
concerns. Messages are sentences a person understands and never contain secret material.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class ErrorInfo:
    """What a code means: its HTTP status and a default sentence."""

    http_status: int
    message: str


# Codes and their default sentences. The sentences follow the API reference's meaning but
# say what to do, because users read them in a dialog, not in a log.
CODES: Final[dict[str, ErrorInfo]] = {
    "KMS.0101": ErrorInfo(500, "The key management service failed. Try again later."),
    "KMS.0102": ErrorInfo(500, "The key store could not be read or written."),
    "KMS.0201": ErrorInfo(400, "The request URL is not valid."),
    "KMS.0202": ErrorInfo(400, "The request body is not valid JSON."),
    "KMS.0203": ErrorInfo(400, "The request message is too long."),
    "KMS.0204": ErrorInfo(400, "A required parameter is missing."),
    "KMS.0205": ErrorInfo(400, "The key ID is not valid."),
    "KMS.0206": ErrorInfo(400, "The sequence number is not valid."),
    "KMS.0207": ErrorInfo(404, "The key does not exist."),
    "KMS.0209": ErrorInfo(400, "The key is disabled. Enable it first."),
    "KMS.0210": ErrorInfo(400, "The key is pending deletion and cannot be used."),
    "KMS.0308": ErrorInfo(400, "A parameter is not valid."),
    "KMS.0309": ErrorInfo(400, "This operation needs a key created for imported material."),
    "KMS.0310": ErrorInfo(400, "The key is not in the Pending import state."),
    "KMS.0311": ErrorInfo(
        400,
        "The key material could not be unwrapped with the wrapping key of this import token. "
        "Wrap it with the wrapping key and algorithm downloaded with the token.",
    ),
    "KMS.0312": ErrorInfo(400, "Keys with imported material cannot be rotated."),
    "KMS.0401": ErrorInfo(400, "The tag list cannot be empty."),
    "KMS.0404": ErrorInfo(400, "The tag action must be create or delete."),
    "KMS.0405": ErrorInfo(400, "The tag value is not valid."),
    "KMS.0406": ErrorInfo(400, "The tag key is not valid."),
    "KMS.0409": ErrorInfo(400, "A key can have at most 10 tags."),
    "KMS.0410": ErrorInfo(400, "A tag value can have at most 43 characters."),
    "KMS.0411": ErrorInfo(400, "A tag key must have 1 to 36 characters."),
    "KMS.0412": ErrorInfo(400, "The tag list is not valid."),
    "KMS.0413": ErrorInfo(400, "A tag key can have only one value on a key."),
    "KMS.1101": ErrorInfo(400, "The alias is not valid."),
    "KMS.1103": ErrorInfo(400, "The description can have at most 255 characters."),
    "KMS.1104": ErrorInfo(400, "A key with this alias already exists."),
    "KMS.1201": ErrorInfo(400, "The key is not disabled."),
    "KMS.1301": ErrorInfo(400, "The key is not enabled."),
    "KMS.1401": ErrorInfo(400, "The pending deletion period must be 7 to 1096 days."),
    "KMS.1402": ErrorInfo(400, "The key is already pending deletion."),
    "KMS.1501": ErrorInfo(400, "The key is not pending deletion."),
    "KMS.1601": ErrorInfo(400, "The limit is not valid."),
    "KMS.1602": ErrorInfo(400, "The marker must be a number of 0 or more."),
    "KMS.1901": ErrorInfo(400, "The data key length must be 8 to 8192 bits, in whole bytes."),
    "KMS.2101": ErrorInfo(400, "The plaintext is not valid."),
    "KMS.2102": ErrorInfo(400, "The data key plaintext length is not valid."),
    "KMS.2103": ErrorInfo(400, "The data key's SHA-256 digest does not match."),
    "KMS.2201": ErrorInfo(400, "The ciphertext is not valid."),
    "KMS.2202": ErrorInfo(400, "The data key ciphertext length is not valid."),
    "KMS.2601": ErrorInfo(400, "The import token has expired. Download the import items again."),
    "KMS.2602": ErrorInfo(400, "The material expiration time must be in the future."),
    "KMS.2603": ErrorInfo(
        400, "This import token belongs to another key. Use the token downloaded for this key."
    ),
    "KMS.2604": ErrorInfo(400, "The key material must be exactly 32 bytes (256 bits)."),
    "KMS.2605": ErrorInfo(
        400,
        "The import token could not be verified. Use the token file exactly as downloaded.",
    ),
    "KMS.2606": ErrorInfo(
        400,
        "This key had other material before. Import the same material as the first time.",
    ),
    "KMS.2701": ErrorInfo(
        400, "Key material can be deleted only when the key is Enabled or Disabled."
    ),
    # Authentication failures of the REST API, as Huawei's API gateway reports them.
    "APIGW.0301": ErrorInfo(401, "The request signature could not be verified."),
    "APIGW.0101": ErrorInfo(404, "The API does not exist."),
    "APIGW.0102": ErrorInfo(405, "This method is not allowed here."),
    # Talking to a remote KMS failed before it could answer. Not KMS answers: the remote
    # backend raises them, and each says what to check. The HTTP status is the gateway
    # status a proxy would use, for code that wants one.
    "NET.0001": ErrorInfo(
        503,
        "Could not connect to the KMS: the connection was refused. Check the endpoint's "
        "host and port, and that the service is running.",
    ),
    "NET.0002": ErrorInfo(
        503, "The KMS's host name could not be found. Check the endpoint's spelling and DNS."
    ),
    "NET.0003": ErrorInfo(
        504,
        "The KMS did not answer in time. Check the network, a proxy or a firewall between "
        "you and the endpoint, then try again.",
    ),
    "NET.0004": ErrorInfo(
        502,
        "The secure (TLS) connection to the KMS failed: its certificate is not trusted or "
        "the endpoint does not speak https. Use http:// for a local keyferry serve.",
    ),
    "NET.0005": ErrorInfo(502, "The connection to the KMS failed. Check the network."),
    "NET.0006": ErrorInfo(
        502, "The KMS's answer could not be understood: a field is missing or malformed."
    ),
}


class KmsError(Exception):
    """A refused or failed KMS operation, with its API error code.

    ``code`` is the API's error code (``KMS.2601``); ``message`` a sentence for people;
    ``http_status`` what the REST API answers. A refused operation changes nothing.
    """

    def __init__(self, code: str, message: str | None = None, *, http_status: int | None = None):
        info = CODES.get(code)
        self.code = code
        self.message = message if message is not None else (info.message if info else code)
        self.http_status = http_status or (info.http_status if info else 400)
        super().__init__(f"{code}: {self.message}")

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.code, self.message, self.http_status))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, KmsError) and (self.code, self.message) == (
            other.code,
            other.message,
        )

    def __hash__(self) -> int:
        return hash((self.code, self.message))


def _rebuild(code: str, message: str, http_status: int) -> KmsError:
    return KmsError(code, message, http_status=http_status)


class SetupError(Exception):
    """The local environment cannot run a store: no keyring, a missing master key, a bad
    master-key file. Not a KMS answer, so it carries no code; its message says what to do."""
