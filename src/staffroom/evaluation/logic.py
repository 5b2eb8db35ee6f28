"""REDCap's logic syntax (branching logic, "Show field only if..."), checked the way
REDCap's editor would refuse it: ``[field] = '1' and ([other] > 2 or [box(3)] = '1')``,
with ``or``/``and``, parentheses, the comparisons ``= == <> != < <= > >=``, arithmetic,
quoted text, numbers, REDCap's functions (``datediff(...)``, ``sum(...)``), checkbox
choices ``[field(code)]``, ``[event][field]`` and smart variables (``[event-name]``).

A recursive-descent parser over tokens: syntax errors stop it with one clear message;
references to unknown fields or choices are collected, all of them."""

import re
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from staffroom.evaluation.redcap import Field

LOGIC_FUNCTIONS = frozenset(
    {
        "abs",
        "calcdate",
        "calctext",
        "concat",
        "concat_ws",
        "contains",
        "datediff",
        "day",
        "ends_with",
        "exponential",
        "find",
        "if",
        "isblankormissingcode",
        "isinteger",
        "isnumber",
        "left",
        "length",
        "log",
        "lower",
        "max",
        "mean",
        "median",
        "mid",
        "min",
        "month",
        "not_contain",
        "replace_text",
        "right",
        "round",
        "rounddown",
        "roundup",
        "sqrt",
        "starts_with",
        "stdev",
        "sum",
        "trim",
        "upper",
        "year",
    }
)
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<number>\d+(?:\.\d+)?|\.\d+)
      | (?P<string>'[^']*'|"[^"]*")
      | (?P<open_string>['"])
      | (?P<op><>|!=|<=|>=|==|=|<|>|\+|-|\*|/|\^|\(|\)|,|&&|\|\|)
      | (?P<ref>\[)
      | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<other>\S)
    )""",
    re.X,
)
_REF = re.compile(
    r"^(?P<name>[A-Za-z0-9_\-]+)(?::(?P<modifier>[A-Za-z0-9_\-,]+))?(?:\((?P<code>[^()]*)\))?$"
)


class LogicError(Exception):
    """Branching logic that REDCap would refuse; the message says where and why."""


def _logic_tokens(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:  # only trailing spaces left
            break
        kind = match.lastgroup or ""
        value = match.group(kind)
        position = match.end()
        if kind == "open_string":
            raise LogicError(_("a quote (%(quote)s) is not closed.") % {"quote": value})
        if kind == "ref":
            end = text.find("]", position)
            start_next = text.find("[", position)
            if end < 0 or (0 <= start_next < end):
                raise LogicError(_("a “[” is not closed by “]”."))
            tokens.append(("ref", text[position:end].strip()))
            position = end + 1
            continue
        if kind == "other":
            if value == "]":
                raise LogicError(_("a “]” has no matching “[”."))
            raise LogicError(_("“%(text)s” is not understood here.") % {"text": value})
        tokens.append((kind, value))
    return tokens


class _LogicParser:
    """Recursive descent over REDCap's logic: or/and of comparisons of arithmetic on
    field references, numbers, quoted text and function calls."""

    COMPARISONS = ("=", "==", "<>", "!=", "<", "<=", ">", ">=")

    def __init__(self, tokens, known: dict[str, "Field"]):
        self.tokens = tokens
        self.position = 0
        self.known = known
        self.problems: list[str] = []

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.tokens[self.position]
        self.position += 1
        return token

    def at(self, *values: str) -> bool:
        token = self.peek()
        return token is not None and token[0] in ("op", "word") and token[1].lower() in values

    def parse(self) -> None:
        if not self.tokens:
            return
        self.expression()
        if self.peek() is not None:
            kind, value = self.peek()  # type: ignore[misc]
            if value == ")":
                raise LogicError(_("a “)” has no matching “(”."))
            shown = f"[{value}]" if kind == "ref" else value
            raise LogicError(
                _("“%(text)s” is not understood here (is an “and” or “or” missing?).")
                % {"text": shown}
            )

    def expression(self) -> None:
        self.conjunction()
        while self.at("or", "||"):
            self.take()
            self.conjunction()

    def conjunction(self) -> None:
        self.comparison()
        while self.at("and", "&&"):
            self.take()
            self.comparison()

    def comparison(self) -> None:
        self.arithmetic()
        if self.at(*self.COMPARISONS):
            self.take()
            self.arithmetic()

    def arithmetic(self) -> None:
        self.operand()
        while self.at("+", "-", "*", "/", "^"):
            self.take()
            self.operand()

    def operand(self) -> None:
        token = self.peek()
        if token is None:
            raise LogicError(_("it ends where a value or a field was expected."))
        kind, value = self.take()
        if kind == "op" and value in ("-", "+"):
            return self.operand()
        if kind == "op" and value == "(":
            self.expression()
            if not self.at(")"):
                raise LogicError(_("a “(” is not closed by “)”."))
            self.take()
            return None
        if kind in ("number", "string"):
            return None
        if kind == "ref":
            return self.reference(value)
        if kind == "word":
            word = value.lower()
            if self.at("("):
                if word not in LOGIC_FUNCTIONS:
                    raise LogicError(_("“%(name)s” is not a REDCap function.") % {"name": value})
                self.take()
                if not self.at(")"):
                    self.expression()
                    while self.at(","):
                        self.take()
                        self.expression()
                if not self.at(")"):
                    raise LogicError(_("a “(” is not closed by “)”."))
                self.take()
                return None
            if word in ("true", "false", "null"):
                return None
            raise LogicError(
                _("“%(text)s” is not understood: put text in quotes and fields in [brackets].")
                % {"text": value}
            )
        if value == ")":
            raise LogicError(_("a “)” has no matching “(”."))
        raise LogicError(
            _("“%(text)s” is not understood here: a value or a field was expected.")
            % {"text": value}
        )

    def reference(self, text: str) -> None:
        # [event_name][field] is a reference into another event: skip the event.
        token = self.peek()
        if token is not None and token[0] == "ref" and "-" not in text:
            self.take()
            text = token[1]
        match = _REF.match(text)
        if not match:
            raise LogicError(_("“[%(text)s]” is not a field reference.") % {"text": text})
        name, code = match.group("name"), match.group("code")
        if "-" in name:  # a smart variable such as [event-name] or [user-role]
            return
        target = self.known.get(name)
        if target is None:
            self.problems.append(
                _(
                    "the branching logic refers to “%(name)s”, which is not a field of this "
                    "dictionary."
                )
                % {"name": name}
            )
            return
        if code is not None:
            if target.field_type != "checkbox":
                self.problems.append(
                    _("“[%(ref)s]” picks a choice, but “%(name)s” is not a checkbox field.")
                    % {"ref": text, "name": name}
                )
            elif code.strip() not in {c.code for c in target.options}:
                self.problems.append(
                    _("“%(name)s” has no choice “%(code)s”.") % {"name": name, "code": code}
                )


def logic_problems(text: str, known: dict[str, "Field"]) -> list[str]:
    """What is wrong with the branching logic ``text`` given the dictionary's fields
    (empty when it is fine)."""
    if not text.strip():
        return []
    try:
        parser = _LogicParser(_logic_tokens(text), known)
        parser.parse()
    except LogicError as error:
        return [_("the branching logic cannot be read: %(why)s") % {"why": error}]
    return parser.problems
