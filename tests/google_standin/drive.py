"""Drive v3: the files and permissions endpoints gspread uses, with Drive's error shapes."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import fields as masks
from .discovery import one
from .errors import (
    Unimplemented,
    drive_error,
    drive_not_found,
    storage_quota_exceeded,
)
from .sheets_api import Call, endpoint

if TYPE_CHECKING:
    from .fake import FakeGoogle

SPREADSHEET = "application/vnd.google-apps.spreadsheet"
FOLDER = "application/vnd.google-apps.folder"
WRITERS = {"owner", "organizer", "fileOrganizer", "writer"}


@dataclass
class DriveFile:
    """Drive's view of a file: name, parents, owner and permissions."""

    file_id: str
    name: str
    mime_type: str
    created: float
    parents: list[str] = field(default_factory=list)
    permissions: list[dict[str, Any]] = field(default_factory=list)
    drive_id: str | None = None  # set on shared-drive folders and their files
    members: set[str] = field(default_factory=set)  # shared-drive members (folders only)
    modified: float = 0.0

    def role(self, identity: str) -> str | None:
        for p in self.permissions:
            if p.get("emailAddress") == identity:
                return str(p["role"])
        return None


def is_service_account(identity: str) -> bool:
    return identity.endswith(".iam.gserviceaccount.com")


def stamp(seconds: float) -> str:
    """RFC 3339 with milliseconds, as Drive prints times."""
    when = dt.datetime.fromtimestamp(seconds, dt.UTC)
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def resource(fake: FakeGoogle, f: DriveFile) -> dict[str, Any]:
    """Every field the stand-in knows of a file (for `fields=` selection)."""
    out: dict[str, Any] = {
        "kind": "drive#file",
        "id": f.file_id,
        "name": f.name,
        "mimeType": f.mime_type,
        "parents": list(f.parents),
        "createdTime": stamp(f.created),
        "modifiedTime": stamp(f.modified or f.created),
        "trashed": False,
        "webViewLink": f"https://docs.google.com/spreadsheets/d/{f.file_id}/edit"
        if f.mime_type == SPREADSHEET
        else f"https://drive.google.com/drive/folders/{f.file_id}",
        "owners": [
            {"kind": "drive#user", "emailAddress": p["emailAddress"]}
            for p in f.permissions
            if p.get("role") == "owner"
        ],
        "permissions": [dict(p) for p in f.permissions],
    }
    if f.drive_id:
        out["driveId"] = f.drive_id
    return out


DEFAULT_FILE_FIELDS = "kind,id,name,mimeType"


def _answer(fake: FakeGoogle, f: DriveFile, call: Call) -> dict[str, Any]:
    mask = one(call.query, "fields") or DEFAULT_FILE_FIELDS
    try:
        tree = masks.parse(mask)
    except ValueError:
        raise drive_error(400, "invalidParameter", f"Invalid field selection {mask}") from None
    return masks.select(resource(fake, f), tree)


def _writable_parent(fake: FakeGoogle, parents: list[str], identity: str) -> DriveFile | None:
    """The parent folder a new file goes to (404 if unknown or invisible)."""
    for pid in parents:
        folder = fake.files.get(pid)
        if folder is None or not fake.can_read(folder, identity):
            raise drive_not_found(pid)
        return folder
    return None


def _check_storage(fake: FakeGoogle, folder: DriveFile | None, identity: str) -> None:
    """Service accounts own nothing outside shared drives (Drive, 2025 on)."""
    if not is_service_account(identity) or fake.legacy_service_account_storage:
        return
    if folder is not None and folder.drive_id and identity in folder.members:
        return
    raise storage_quota_exceeded()


@endpoint("files.create")
def files_create(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    body = call.body or {}
    mime = body.get("mimeType") or "application/octet-stream"
    folder = _writable_parent(fake, body.get("parents") or [], call.identity)
    _check_storage(fake, folder, call.identity)
    if mime == SPREADSHEET:
        sid = fake.create_spreadsheet(
            title=body.get("name") or "Untitled spreadsheet",
            editors=set(),
            owner=call.identity,
            parents=[folder.file_id] if folder else [],
        )
        return 200, _answer(fake, fake.files[sid], call)
    if mime == FOLDER:
        f = fake.new_file(body.get("name") or "Untitled folder", FOLDER, call.identity, folder)
        return 200, _answer(fake, f, call)
    raise Unimplemented(f"Drive files.create of mimeType {mime}")


def _visible(fake: FakeGoogle, file_id: str, identity: str) -> DriveFile:
    f = fake.files.get(file_id)
    if f is None or not fake.can_read(f, identity):
        raise drive_not_found(file_id)
    return f


@endpoint("files.get")
def files_get(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    if one(call.query, "alt") == "media":
        raise Unimplemented("Drive files.get?alt=media")
    f = _visible(fake, call.params["fileId"], call.identity)
    return 200, _answer(fake, f, call)


@endpoint("files.copy")
def files_copy(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    source = _visible(fake, call.params["fileId"], call.identity)
    body = call.body or {}
    folder = _writable_parent(fake, body.get("parents") or [], call.identity)
    _check_storage(fake, folder, call.identity)
    if source.mime_type != SPREADSHEET:
        raise Unimplemented(f"Drive files.copy of mimeType {source.mime_type}")
    name = body.get("name") or f"Copy of {source.name}"
    new_id = fake.copy_spreadsheet(source.file_id, name, call.identity, folder)
    return 200, _answer(fake, fake.files[new_id], call)


@endpoint("files.delete")
def files_delete(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    f = _visible(fake, call.params["fileId"], call.identity)
    if not fake.can_delete(f, call.identity):
        raise drive_error(
            403,
            "insufficientFilePermissions",
            "The user does not have sufficient permissions for this file.",
        )
    fake.remove_file(f.file_id)
    return 204, None


_CLAUSE = re.compile(
    r"""\s*(?:(?P<field>mimeType|name)\s*(?P<op>=|!=|contains)\s*(?P<q>["'])(?P<value>(?:\\.|(?!(?P=q)).)*)(?P=q)"""
    r"""|(?P<q2>["'])(?P<parent>[^"']+)(?P=q2)\s+in\s+parents"""
    r"""|trashed\s*=\s*(?P<trashed>true|false))\s*""",
    re.IGNORECASE,
)


def _query(q: str) -> list[dict[str, str]]:
    clauses = []
    for part in re.split(r"\s+and\s+", q.strip()) if q.strip() else []:
        m = _CLAUSE.fullmatch(part)
        if not m:
            raise Unimplemented(f"Drive files.list query {q!r}")
        clauses.append({k: v for k, v in m.groupdict().items() if v is not None})
    return clauses


def _matches(f: DriveFile, clauses: list[dict[str, str]]) -> bool:
    for c in clauses:
        if "parent" in c:
            if c["parent"] not in f.parents:
                return False
        elif "trashed" in c:
            if c["trashed"].lower() == "true":
                return False
        else:
            have = f.mime_type if c["field"] == "mimeType" else f.name
            value = re.sub(r"\\(.)", r"\1", c["value"])
            op = c["op"].lower()
            if op == "=" and have != value:
                return False
            if op == "!=" and have == value:
                return False
            if op == "contains" and value.lower() not in have.lower():
                return False
    return True


@endpoint("files.list")
def files_list(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    clauses = _query(one(call.query, "q") or "")
    found = [
        f for f in fake.files.values() if fake.can_read(f, call.identity) and _matches(f, clauses)
    ]
    size = int(one(call.query, "pageSize") or 100)
    start = int(one(call.query, "pageToken") or 0)
    page = found[start : start + size]
    answer: dict[str, Any] = {
        "kind": "drive#fileList",
        "incompleteSearch": False,
        "files": [resource(fake, f) for f in page],
    }
    if start + size < len(found):
        answer["nextPageToken"] = str(start + size)
    mask = one(call.query, "fields")
    if mask:
        return 200, masks.select(answer, masks.parse(mask))
    answer["files"] = [masks.select(f, masks.parse(DEFAULT_FILE_FIELDS)) for f in answer["files"]]
    return 200, answer


@endpoint("comments.list")
def comments_list(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    """The stand-in models no comments: every file has none."""
    _visible(fake, call.params["fileId"], call.identity)
    return 200, {"kind": "drive#commentList", "comments": []}


# permissions -----------------------------------------------------------------------------------


def _must_write(fake: FakeGoogle, f: DriveFile, identity: str) -> None:
    if not fake.can_write(f, identity):
        raise drive_error(
            403,
            "insufficientFilePermissions",
            "The user does not have sufficient permissions for this file.",
        )


@endpoint("permissions.create")
def permissions_create(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    f = _visible(fake, call.params["fileId"], call.identity)
    _must_write(fake, f, call.identity)
    body = call.body or {}
    kind, role = body.get("type"), body.get("role")
    if kind not in ("user", "group", "domain", "anyone"):
        raise drive_error(400, "invalid", "Invalid permission type.")
    if role not in ("owner", "organizer", "fileOrganizer", "writer", "commenter", "reader"):
        raise drive_error(400, "invalid", "Invalid permission role.")
    if (
        role == "owner"
        and (one(call.query, "transferOwnership", "false") or "false").lower() != "true"
    ):
        raise drive_error(
            403,
            "forbidden",
            "The transferOwnership parameter must be enabled when the permission role is 'owner'.",
        )
    perm = fake.grant_file(f, kind, role, body.get("emailAddress"), body.get("domain"))
    mask = one(call.query, "fields") or "kind,id,type,role"
    return 200, masks.select(perm, masks.parse(mask))


@endpoint("permissions.list")
def permissions_list(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    f = _visible(fake, call.params["fileId"], call.identity)
    answer = {"kind": "drive#permissionList", "permissions": [dict(p) for p in f.permissions]}
    mask = one(call.query, "fields")
    return 200, masks.select(answer, masks.parse(mask)) if mask else answer


@endpoint("permissions.delete")
def permissions_delete(fake: FakeGoogle, call: Call) -> tuple[int, Any]:
    f = _visible(fake, call.params["fileId"], call.identity)
    _must_write(fake, f, call.identity)
    pid = call.params["permissionId"]
    for p in f.permissions:
        if p["id"] == pid:
            if p.get("role") == "owner":
                raise drive_error(
                    403, "cannotRemoveOwner", "The owner of a file cannot be removed."
                )
            f.permissions.remove(p)
            return 204, None
    raise drive_error(
        404,
        "notFound",
        f"Permission not found: {pid}.",
        location="permissionId",
        locationType="parameter",
    )
