"""The API's key operations over the engine: creating and describing keys, listing them,
importing material, the lifecycle, aliases, descriptions and tags.

Field names, types and answers follow ``spec/huawei-kms-api.md`` and the SDK's models
(``huaweicloudsdkkms/v2/model``): states and pending days travel as strings, import
``expiration_time`` as an integer of epoch seconds, the public key as Base64 DER.
"""

from __future__ import annotations

import base64

from app.model.api_format import key_details, tags_json
from app.model.keys import KeySpec, Tag
from app.server.calls import Call, Reply, Route


def _key_id(call: Call) -> str:
    return call.body.text("key_id", required=True)


def _state(key_id: str, state: int) -> dict[str, str]:
    return {"key_id": key_id, "key_state": str(int(state))}


# ----------------------------------------------------------------------------- keys


def create_key(call: Call) -> Reply:
    body = call.body
    cmk = call.kms.create_key(
        project_id=call.project_id,
        key_alias=body.text("key_alias", required=True),
        key_description=body.text("key_description"),
        origin=body.text("origin", default="kms"),
        key_spec=body.text("key_spec", default=KeySpec.AES_256.value),
        key_usage=body.optional_text("key_usage") or None,
    )
    return Reply(
        payload={
            "key_info": {
                "key_id": cmk.key_id,
                "domain_id": call.domain_id,
                "region_id": call.region,
            }
        }
    )


def describe_key(call: Call) -> Reply:
    cmk = call.kms.describe_key(project_id=call.project_id, key_id=_key_id(call))
    return Reply(
        payload={"key_info": key_details(cmk, domain_id=call.domain_id, region=call.region)}
    )


def list_keys(call: Call) -> Reply:
    body = call.body
    page = call.kms.list_keys(
        project_id=call.project_id,
        limit=body.number("limit", code="KMS.1601"),
        marker=body.number("marker", code="KMS.1602"),
        key_state=body.number("key_state"),
        key_spec=body.optional_text("key_spec") or None,
    )
    keys, total, truncated, marker = page.keys, page.total, page.truncated, page.next_marker
    return Reply(
        payload={
            "keys": [k.key_id for k in keys],
            "key_details": [
                key_details(k, domain_id=call.domain_id, region=call.region) for k in keys
            ],
            "next_marker": marker or "",
            "truncated": "true" if truncated else "false",
            "total": total,
        }
    )


def update_key_alias(call: Call) -> Reply:
    cmk = call.kms.update_key_alias(
        project_id=call.project_id,
        key_id=_key_id(call),
        key_alias=call.body.text("key_alias", required=True),
    )
    return Reply(payload={"key_info": {"key_id": cmk.key_id, "key_alias": cmk.alias}})


def update_key_description(call: Call) -> Reply:
    cmk = call.kms.update_key_description(
        project_id=call.project_id,
        key_id=_key_id(call),
        key_description=call.body.text("key_description", required=True),
    )
    return Reply(payload={"key_info": {"key_id": cmk.key_id, "key_description": cmk.description}})


# ---------------------------------------------------------------------------- import


def get_parameters_for_import(call: Call) -> Reply:
    params = call.kms.get_parameters_for_import(
        project_id=call.project_id,
        key_id=_key_id(call),
        wrapping_algorithm=call.body.text("wrapping_algorithm", required=True),
    )
    return Reply(
        payload={
            "key_id": params.key_id,
            "import_token": params.import_token,
            "expiration_time": params.expiration_time,
            "public_key": base64.b64encode(params.public_key_der).decode("ascii"),
        }
    )


def import_key_material(call: Call) -> Reply:
    body = call.body
    call.kms.import_key_material(
        project_id=call.project_id,
        key_id=_key_id(call),
        import_token=body.text("import_token", required=True),
        encrypted_key_material=body.text("encrypted_key_material", required=True),
        expiration_time=body.epoch_seconds("expiration_time", code="KMS.2602"),
        encrypted_privatekey=body.optional_text("encrypted_privatekey") or None,
    )
    return Reply()


def delete_imported_key_material(call: Call) -> Reply:
    call.kms.delete_imported_key_material(project_id=call.project_id, key_id=_key_id(call))
    return Reply()


# ------------------------------------------------------------------------- lifecycle


def enable_key(call: Call) -> Reply:
    cmk = call.kms.enable_key(project_id=call.project_id, key_id=_key_id(call))
    return Reply(payload={"key_info": _state(cmk.key_id, cmk.state)})


def disable_key(call: Call) -> Reply:
    cmk = call.kms.disable_key(project_id=call.project_id, key_id=_key_id(call))
    return Reply(payload={"key_info": _state(cmk.key_id, cmk.state)})


def schedule_key_deletion(call: Call) -> Reply:
    cmk = call.kms.schedule_key_deletion(
        project_id=call.project_id,
        key_id=_key_id(call),
        pending_days=call.body.required_number("pending_days", code="KMS.1401"),
    )
    return Reply(payload=_state(cmk.key_id, cmk.state))


def cancel_key_deletion(call: Call) -> Reply:
    cmk = call.kms.cancel_key_deletion(project_id=call.project_id, key_id=_key_id(call))
    return Reply(payload=_state(cmk.key_id, cmk.state))


# ------------------------------------------------------------------------------ tags


def create_tag(call: Call) -> Reply:
    tag = call.body.required_obj("tag")
    call.kms.create_tag(
        project_id=call.project_id,
        key_id=call.path["key_id"],
        tag=Tag(tag.text("key", required=True), tag.text("value")),
    )
    return Reply(status=204)


def batch_tags(call: Call) -> Reply:
    body = call.body
    action = body.text("action", required=True)
    tags = [
        Tag(t.text("key", required=True), t.text("value"))
        for t in body.objects("tags", required=True)
    ]
    call.kms.batch_tags(
        project_id=call.project_id, key_id=call.path["key_id"], action=action, tags=tags
    )
    return Reply(status=204)


def show_tags(call: Call) -> Reply:
    tags = call.kms.show_tags(project_id=call.project_id, key_id=call.path["key_id"])
    return Reply(payload={"tags": tags_json(tags), "existTagsNum": len(tags)})


def delete_tag(call: Call) -> Reply:
    call.kms.delete_tag(
        project_id=call.project_id, key_id=call.path["key_id"], tag_key=call.path["tag_key"]
    )
    return Reply(status=204)


ROUTES = [
    Route("POST", "create-key", create_key),
    Route("POST", "describe-key", describe_key),
    Route("POST", "list-keys", list_keys),
    Route("POST", "update-key-alias", update_key_alias),
    Route("POST", "update-key-description", update_key_description),
    Route("POST", "get-parameters-for-import", get_parameters_for_import),
    Route("POST", "import-key-material", import_key_material),
    Route("POST", "delete-imported-key-material", delete_imported_key_material),
    Route("POST", "enable-key", enable_key),
    Route("POST", "disable-key", disable_key),
    Route("POST", "schedule-key-deletion", schedule_key_deletion),
    Route("POST", "cancel-key-deletion", cancel_key_deletion),
    Route("POST", "{key_id}/tags", create_tag),
    Route("POST", "{key_id}/tags/action", batch_tags),
    Route("GET", "{key_id}/tags", show_tags),
    # A tag key may hold "/" (sent as %2F): the last parameter takes the rest of the path.
    Route("DELETE", "{key_id}/tags/{tag_key:.+}", delete_tag),
]
