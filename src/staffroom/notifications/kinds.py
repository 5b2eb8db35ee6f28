"""The kinds of notification, registered by the parts that send them (DESIGN: a lower
part owns a registry; the parts above register in ``AppConfig.ready``), each with the
label a reader sees in their settings and how often it is emailed unless they choose."""

from dataclasses import dataclass

IMMEDIATELY, DAILY, WEEKLY, OFF = "immediately", "daily", "weekly", "off"
EVERY_FREQUENCY = (IMMEDIATELY, DAILY, WEEKLY, OFF)


@dataclass(frozen=True)
class Kind:
    key: str
    label: object  # a lazy translation
    default: str
    # The frequencies a person may choose: something gathered for a digest only (its
    # news) cannot be emailed "immediately".
    frequencies: tuple[str, ...] = EVERY_FREQUENCY


_KINDS: dict[str, Kind] = {}


def kind_register(
    key: str, *, label, default: str = WEEKLY, frequencies: tuple[str, ...] = EVERY_FREQUENCY
) -> None:
    """Make ``key`` a kind of notification; registering it again changes nothing."""
    _KINDS.setdefault(key, Kind(key, label, default, frequencies))


def kinds() -> list[Kind]:
    return sorted(_KINDS.values(), key=lambda kind: kind.key)


def kind_get(key: str) -> Kind | None:
    return _KINDS.get(key)
