"""The API's error codes: a code's default sentence has the code for its id."""

from __future__ import annotations

from app.model.catalogue.entry import entry

ENTRIES = (
    entry("KMS.0101", "The key management service failed. Try again later."),
    entry("KMS.0102", "The key store could not be read or written."),
    entry("KMS.0201", "The request URL is not valid."),
    entry("KMS.0202", "The request body is not valid JSON."),
    entry("KMS.0203", "The request message is too long."),
    entry("KMS.0204", "A required parameter is missing."),
    entry("KMS.0205", "The key ID is not valid."),
    entry("KMS.0206", "The sequence number is not valid."),
    entry("KMS.0207", "The key does not exist."),
    entry("KMS.0209", "The key is disabled. Enable it first."),
    entry("KMS.0210", "The key is pending deletion and cannot be used."),
    entry("KMS.0308", "A parameter is not valid."),
    entry("KMS.0309", "This operation needs a key created for imported material."),
    entry("KMS.0310", "The key is not in the Pending import state."),
    entry(
        "KMS.0311",
        "The key material could not be unwrapped with the wrapping key of this import token. "
        "Wrap it with the wrapping key and algorithm downloaded with the token.",
    ),
    entry("KMS.0312", "Keys with imported material cannot be rotated."),
    entry("KMS.0401", "The tag list cannot be empty."),
    entry("KMS.0404", "The tag action must be create or delete."),
    entry("KMS.0405", "The tag value is not valid."),
    entry("KMS.0406", "The tag key is not valid."),
    entry("KMS.0409", "A key can have at most 10 tags."),
    entry("KMS.0410", "A tag value can have at most 43 characters."),
    entry("KMS.0411", "A tag key must have 1 to 36 characters."),
    entry("KMS.0412", "The tag list is not valid."),
    entry("KMS.0413", "A tag key can have only one value on a key."),
    entry("KMS.1101", "The alias is not valid."),
    entry("KMS.1103", "The description can have at most 255 characters."),
    entry("KMS.1104", "A key with this alias already exists."),
    entry("KMS.1201", "The key is not disabled."),
    entry("KMS.1301", "The key is not enabled."),
    entry("KMS.1401", "The pending deletion period must be 7 to 1096 days."),
    entry("KMS.1402", "The key is already pending deletion."),
    entry("KMS.1501", "The key is not pending deletion."),
    entry("KMS.1601", "The limit is not valid."),
    entry("KMS.1602", "The marker must be a number of 0 or more."),
    entry("KMS.1901", "The data key length must be 8 to 8192 bits, in whole bytes."),
    entry("KMS.2101", "The plaintext is not valid."),
    entry("KMS.2102", "The data key plaintext length is not valid."),
    entry("KMS.2103", "The data key's SHA-256 digest does not match."),
    entry("KMS.2201", "The ciphertext is not valid."),
    entry("KMS.2202", "The data key ciphertext length is not valid."),
    entry("KMS.2601", "The import token has expired. Download the import items again."),
    entry("KMS.2602", "The material expiration time must be in the future."),
    entry(
        "KMS.2603",
        "This import token belongs to another key. Use the token downloaded for this key.",
    ),
    entry("KMS.2604", "The key material must be exactly 32 bytes (256 bits)."),
    entry(
        "KMS.2605",
        "The import token could not be verified. Use the token file exactly as downloaded.",
    ),
    entry(
        "KMS.2606",
        "This key had other material before. Import the same material as the first time.",
    ),
    # Keyferry's own, not the cloud's: import-key-material with an expected KCV
    # (--expect-kcv) refuses material whose KCV differs. A cloud KMS never sends it.
    entry(
        "KMS.2607",
        "The unwrapped key material does not have the expected key check value (KCV). "
        "Nothing was imported: the key is still Pending import.",
    ),
    # Keyferry's own codes for an asymmetric import and use: the cloud reports these cases
    # under codes it does not document; each keeps one meaning here.
    entry("KMS.2608", "The private key is not an unencrypted PKCS#8 private key in DER form."),
    entry("KMS.2609", "The private key does not fit the key's spec."),
    entry("KMS.2610", "The key's usage does not allow this operation."),
    entry("KMS.2611", "This applies to symmetric keys only."),
    entry("KMS.2701", "Key material can be deleted only when the key is Enabled or Disabled."),
    entry("APIGW.0301", "The request signature could not be verified."),
    entry("APIGW.0101", "The API does not exist."),
    entry("APIGW.0102", "This method is not allowed here."),
    entry(
        "NET.0001",
        "Could not connect to the KMS: the connection was refused. Check the endpoint's host "
        "and port, and that the service is running.",
    ),
    entry(
        "NET.0002", "The KMS's host name could not be found. Check the endpoint's spelling and DNS."
    ),
    entry(
        "NET.0003",
        "The KMS did not answer in time. Check the network, a proxy or a firewall between you"
        " and the endpoint, then try again.",
    ),
    entry(
        "NET.0004",
        "The secure (TLS) connection to the KMS failed: its certificate is not trusted or the"
        " endpoint does not speak https. Use http:// for a local keyferry serve.",
    ),
    entry("NET.0005", "The connection to the KMS failed. Check the network."),
    entry("NET.0006", "The KMS's answer could not be understood: a field is missing or malformed."),
    entry(
        "NET.0007",
        "The KMS's answer was lost and the outcome of the change is unknown. Check the key "
        "before you try again.",
    ),
    entry("NET.0008", "The change was made, but a step after it failed. Check the key's details."),
    entry("NET.0009", "The KMS's answer was lost, and the key shows the change was not made."),
)
