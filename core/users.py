"""Signed-in identities: users with one role each, passwords hashed with Argon2, and care-team grants.

The role comes from here, never from a flag, a form field or a sidebar choice: it decides the persona a user
chats as, which reports they may approve, and whose conversations they may open.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel

from core.database import Location, connect

_SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    username TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS care_team (
    clinician TEXT NOT NULL,
    patient TEXT NOT NULL,
    PRIMARY KEY (clinician, patient)
);
"""
MIN_PASSWORD = 10


class Role(StrEnum):
    """What a user is; ``admin`` manages users and data."""

    PATIENT = "patient"
    NURSE = "nurse"
    PHYSICIAN = "physician"
    RADIOLOGIST = "radiologist"
    TECHNICIAN = "technician"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


# The chat persona each role speaks as; an admin may use any persona (demonstrations and support).
PERSONAS: dict[Role, tuple[str, ...]] = {
    Role.PATIENT: ("patient",),
    Role.NURSE: ("nurse",),
    Role.PHYSICIAN: ("nurse",),
    Role.RADIOLOGIST: ("nurse",),
    Role.TECHNICIAN: ("technician",),
    Role.SUPERVISOR: ("technician",),
    Role.ADMIN: ("nurse", "patient", "technician"),
}
CLINICAL = frozenset({Role.NURSE, Role.PHYSICIAN, Role.RADIOLOGIST})


class User(BaseModel):
    """A signed-in identity."""

    username: str
    display_name: str
    role: Role

    @property
    def personas(self) -> tuple[str, ...]:
        """The personas this user may chat as, the default first."""
        return PERSONAS[self.role]

    def may_use(self, persona: str) -> bool:
        """Whether the user's role allows this persona."""
        return persona in self.personas


class UserStore:
    """Users and care-team grants: SQLite (0600, like every CareForge store) or the shared PostgreSQL database."""

    def __init__(self, path: Location) -> None:
        """Open (and create) the store: a SQLite file or a ``postgresql://`` URL."""
        self._conn = connect(path, _SCHEMA)
        self._hasher = PasswordHasher()

    def add(self, username: str, password: str, role: Role | str, display_name: str = "") -> User:
        """Create a user; raises ValueError for a taken name, a short password or an unknown role."""
        username = username.strip().lower()
        if not username or not username.replace("-", "").replace("_", "").replace(".", "").isalnum():
            raise ValueError("a username is letters, digits, '.', '-' or '_'")
        if len(password) < MIN_PASSWORD:
            raise ValueError(f"a password needs at least {MIN_PASSWORD} characters")
        role = Role(role)
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        hashed = self._hasher.hash(password)
        with self._conn.transaction("users") as run:
            if run("SELECT 1 FROM users WHERE username = ?", (username,)).fetchone():
                raise ValueError(f"user {username!r} exists")
            run(
                "INSERT INTO users VALUES (?, ?, ?, ?, ?)",
                (username, display_name or username, role.value, hashed, now),
            )
        return User(username=username, display_name=display_name or username, role=role)

    def get(self, username: str) -> User | None:
        """A user by name, or None."""
        row = self._conn.execute(
            "SELECT username, display_name, role FROM users WHERE username = ?", (username.strip().lower(),)
        ).fetchone()
        return User(username=row[0], display_name=row[1], role=Role(row[2])) if row else None

    def authenticate(self, username: str, password: str) -> User | None:
        """The user when the password matches, else None (the same answer for an unknown name)."""
        row = self._conn.execute(
            "SELECT password_hash FROM users WHERE username = ?", (username.strip().lower(),)
        ).fetchone()
        stored = row[0] if row else self._hasher.hash("not a real password, compared to keep the timing flat")
        try:
            self._hasher.verify(stored, password)
        except (VerificationError, InvalidHashError):
            return None
        return self.get(username) if row else None

    def users(self) -> list[User]:
        """Every user, by name."""
        rows = self._conn.execute("SELECT username, display_name, role FROM users ORDER BY username").fetchall()
        return [User(username=u, display_name=d, role=Role(r)) for u, d, r in rows]

    def grant(self, clinician: str, patient: str) -> None:
        """Put a clinician on a patient's care team: they may open the patient's conversations."""
        self._conn.execute(
            "INSERT INTO care_team VALUES (?, ?) ON CONFLICT DO NOTHING", (clinician.lower(), patient.lower())
        )

    def may_open(self, user: User, owner: str | None) -> bool:
        """Whether the user may open a conversation owned by ``owner`` (None: from before sign-in, admins only)."""
        if owner == user.username or user.role is Role.ADMIN:
            return True
        if owner is None:
            return False
        if user.role in CLINICAL:
            grant = self._conn.execute(
                "SELECT 1 FROM care_team WHERE clinician = ? AND patient = ?", (user.username, owner)
            ).fetchone()
            return grant is not None
        return False

    def ensure_local(self, username: str) -> User:
        """The CLI's configured local user; on a fresh install with no users, the machine's owner as admin."""
        found = self.get(username)
        if found is not None:
            return found
        if self.users():
            raise PermissionError(
                f"no CareForge user {username!r}: create it with 'careforge users add {username} --role ROLE', "
                "or set CAREFORGE_LOCAL_USER to an existing user"
            )
        import secrets  # a fresh install: the owner is the first admin, with a password nobody knows yet

        return self.add(username, secrets.token_urlsafe(24), Role.ADMIN, display_name=username)
