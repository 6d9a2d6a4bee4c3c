"""A key's tags: ``create-tag``, ``batch-create-tags``, ``batch-delete-tags``, ``show-tags``
and ``delete-tag``."""

from __future__ import annotations

import argparse

from app.cli.common import backend, emit, emit_key, parse_tag
from app.cli.options import Commands, add_command, key_arg
from app.model.api_format import tags_json
from app.model.keys import Tag


def register(commands: Commands) -> None:
    create = key_arg(
        add_command(commands, "create-tag", "add a tag (or change its value)", create_tag)
    )
    create.add_argument("tag", metavar="KEY=VALUE")
    batch = key_arg(add_command(commands, "batch-create-tags", "add several tags", batch_create))
    batch.add_argument("tags", nargs="+", metavar="KEY=VALUE")
    remove = key_arg(
        add_command(commands, "batch-delete-tags", "remove several tags", batch_delete)
    )
    remove.add_argument("tags", nargs="+", metavar="KEY")
    key_arg(add_command(commands, "show-tags", "show a key's tags", show_tags))
    delete = key_arg(add_command(commands, "delete-tag", "remove one tag", delete_tag))
    delete.add_argument("tag_key", metavar="KEY")


def create_tag(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return emit_key(args, kms.create_tag(key_id=args.key_id, tag=parse_tag(args.tag)), kms)


def batch_create(args: argparse.Namespace) -> int:
    tags = [parse_tag(t) for t in args.tags]
    with backend(args) as kms:
        return emit_key(args, kms.batch_tags(key_id=args.key_id, action="create", tags=tags), kms)


def batch_delete(args: argparse.Namespace) -> int:
    tags = [Tag(k, "") for k in args.tags]
    with backend(args) as kms:
        return emit_key(args, kms.batch_tags(key_id=args.key_id, action="delete", tags=tags), kms)


def show_tags(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        tags = kms.show_tags(key_id=args.key_id)
    emit(
        args,
        {"tags": tags_json(tags), "existTagsNum": len(tags)},
        "\n".join(f"{t.key}={t.value}" for t in tags) or "(no tags)",
    )
    return 0


def delete_tag(args: argparse.Namespace) -> int:
    with backend(args) as kms:
        return emit_key(args, kms.delete_tag(key_id=args.key_id, tag_key=args.tag_key), kms)
