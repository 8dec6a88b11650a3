"""The JSON Schemas (draft-07) for each data kind, and their errors as Dutch problem lines."""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
from jsonschema import Draft7Validator, ValidationError

from ..base.problems import Problem, field_problem
from ..base.textrules import LINE_REFUSED as _LINE_PATTERN
from ..base.textrules import is_text_rule, number_mistake, text_mistake
from ..base.valuehints import Refused, hint
from .yamlread import Document, show

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"

# What a coordinator calls each JSON type.
_TYPE_WORDS = {
    "string": "tekst",
    "integer": "een heel getal",
    "number": "een getal",
    "boolean": "true of false",
    "array": "een lijst, zoals [a, b]",
    "object": "een groep velden op de regels eronder",
    "null": "leeg",
}

Suggest = Callable[[str, str], "str | None"]


@cache
def load_schema(kind: str) -> dict[str, Any]:
    """The schema for `kind` (offer, partner, regio, lijst), as shipped in the repo."""
    with open(SCHEMA_DIR / f"{kind}.schema.json", encoding="utf-8") as handle:
        schema: dict[str, Any] = json.load(handle)
    return schema


@cache
def _validator(kind: str) -> Draft7Validator:
    return Draft7Validator(load_schema(kind))


@cache
def _quick_check(kind: str) -> Callable[[Any], Any]:
    """The same schema compiled to Python code: about ten times quicker to say "valid"."""
    return fastjsonschema.compile(load_schema(kind))


def is_valid(kind: str, instance: Any) -> bool:
    try:
        _quick_check(kind)(instance)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def schema_problems(
    kind: str, document: Document, path: str, suggest: Suggest | None = None
) -> list[Problem]:
    """Every schema error in `document`, one Dutch line each."""
    if not isinstance(document.data, dict):
        return [Problem(path, document.line(()), _not_a_mapping(document.data))]
    instance = document.fields
    problems, said = _value_problems(document, path, instance, ())
    if is_valid(kind, instance):  # almost every file: skip the slower, detailed check
        return problems
    found = list(_validator(kind).iter_errors(instance))
    said |= {tuple(e.absolute_path) for e in found if _is_text_error(e)}
    for error in found:
        where = tuple(error.absolute_path)
        if _explained(document, where) or (where in said and not _is_text_error(error)):
            continue  # yamlread or the text rule already named the cause on its line
        if error.validator == "additionalProperties" and _all_said(error, where, said):
            continue  # an unknown key that the text rule refused (a line break in it)
        problems.extend(_translate(error, document, path, suggest, load_schema(kind)))
    return problems


# types-jsonschema types an error's schema, value and rule as possibly unset (the constructor's
# defaults); an error from iter_errors has all three. The value and the rule are JSON: Any.
def _schema_of(error: ValidationError) -> Mapping[str, Any]:
    """The part of the schema the value broke ({} for a schema that is just true or false)."""
    return error.schema if isinstance(error.schema, Mapping) else {}


def _found(error: ValidationError) -> Any:
    """The value as the data has it."""
    return error.instance


def _rule(error: ValidationError) -> Any:
    """The broken rule's value in the schema: the list of an enum, the number of a maximum."""
    return error.validator_value


def _all_said(error: ValidationError, where: tuple[Any, ...], said: set[tuple[Any, ...]]) -> bool:
    known = _schema_of(error).get("properties", {})
    return all((*where, name) in said for name in _found(error) if name not in known)


def _is_text_error(error: ValidationError) -> bool:
    return error.validator == "not" and is_text_rule(_rule(error))


def _value_problems(
    document: Document, path: str, value: Any, where: tuple[Any, ...]
) -> tuple[list[Problem], set[tuple[Any, ...]]]:
    """What JSON Schema cannot say: numbers that are no numbers (.inf, .nan, 1e400) and keys
    that break the text rule (a line break in a key); and where they are."""
    problems: list[Problem] = []
    said: set[tuple[Any, ...]] = set()
    if isinstance(value, dict):
        children: Iterable[tuple[Any, Any]] = value.items()
    else:
        children = enumerate(value) if isinstance(value, list) else ()
    for key, item in children:
        at = (*where, key)
        mistake = _key_mistake(key) if isinstance(key, str) else None
        if mistake is None and isinstance(item, (int, float)):  # as written: for numbers only
            mistake = number_mistake(item, document.text(at, item))
        if mistake is not None:
            problems.append(field_problem(path, document.line(at), field_name(at) or key, mistake))
            said.add(at)
            continue
        more, also = _value_problems(document, path, item, at)
        problems += more
        said |= also
    return problems, said


# The same few field names in every file: each one is judged once.
_key_mistake = functools.lru_cache(maxsize=1024)(text_mistake)


def _explained(document: Document, where: tuple[Any, ...]) -> bool:
    return any(where[: len(done)] == done for done in document.explained)


def _not_a_mapping(data: Any) -> str:
    kind = "een lijst" if isinstance(data, list) else f"alleen '{show(data)}'"
    return (
        f"het bestand moet velden bevatten, zoals 'titel: Zwemmen', maar bevat {kind}; "
        "haal het streepje of de haakjes aan het begin weg"
    )


def field_name(path: Iterable[Any]) -> str:
    """Dotted field name, without list positions: ('tijden', 0, 'van') -> 'tijden.van'."""
    return ".".join(str(part) for part in path if isinstance(part, str))


def _translate(
    error: ValidationError,
    document: Document,
    path: str,
    suggest: Suggest | None,
    root: Mapping[str, Any],
) -> list[Problem]:
    where = tuple(error.absolute_path)
    line = document.line(where)
    if error.validator == "required":
        return [
            Problem(path, line if where else 1, f"veld '{field_name(where + (name,))}' ontbreekt")
            for name in _rule(error)
            if name not in _found(error)
        ]
    if error.validator == "additionalProperties":
        known = _schema_of(error).get("properties", {})
        return [
            _split_number(document, path, where, name)
            or Problem(path, document.line(where + (name,)), _unknown_field(where, name, known))
            for name in _found(error)
            if name not in known
        ]
    written = document.text(where, _found(error))
    name = field_name(where) or "(bestand)"
    if _is_text_error(error) and isinstance(_found(error), str):
        multiline = _rule(error)["pattern"] != _LINE_PATTERN
        text = text_mistake(_found(error), multiline) or "bevat een teken dat niet mag"
        return [field_problem(path, line, name, text)]
    if _is_empty(error):
        return [Problem(path, line, f"veld '{name}' is leeg; {_fill_in(error, where, root)}")]
    hinted = _hint(error, where, written)
    if hinted is not None:
        return [field_problem(path, line, name, hinted)]
    explained = _explain(error, written, (lambda value: suggest(name, value)) if suggest else None)
    return [field_problem(path, line, name, explained)]


def _hint(error: ValidationError, where: tuple[Any, ...], written: str) -> str | None:
    """What to type instead, when the value shows what the coordinator meant."""
    if error.validator not in ("type", "pattern", "anyOf"):
        return None
    keys = [part for part in where if isinstance(part, str)]
    wanted = _schema_of(error).get("type", ())
    types = (wanted,) if isinstance(wanted, str) else tuple(wanted)
    key = keys[-1] if keys else ""
    items = _schema_of(error).get("items", {}).get("type", "")
    worded = "x-fout" in _schema_of(error)
    pattern = _schema_of(error).get("pattern", "")
    return hint(Refused(key, types, _found(error), written, worded, items, pattern))


def _is_empty(error: ValidationError) -> bool:
    """`vervoer:` with nothing after it, or `vervoer: ""`."""
    if _found(error) is None:
        return error.validator in ("type", "anyOf", "oneOf")
    return _found(error) == "" and error.validator in ("minLength", "pattern")


def _fill_in(error: ValidationError, where: tuple[Any, ...], root: Mapping[str, Any]) -> str:
    """A required field must be filled in; an optional one may also go."""
    parent: Any = root
    for step in list(error.absolute_schema_path)[:-3]:  # up from .../properties/<name>/<rule>
        parent = parent[step]
    required = bool(where) and where[-1] in parent.get("required", ())
    return "vul iets in" if required else "vul iets in of haal de regel weg"


def _split_number(
    document: Document, path: str, where: tuple[Any, ...], name: str
) -> Problem | None:
    """{bedrag: 5,50}: the comma made '50' a field of its own; say how to write the number."""
    flow = document.written.get(where, "")
    split = re.search(rf"(\w+): *(\d+),{re.escape(name)}\b", flow) if name.isdigit() else None
    if split is None:
        return None
    key, whole = split[1], f"{split[2]},{name}"
    return field_problem(
        path,
        document.line(where + (key,)),
        field_name(where + (key,)),
        f"'{whole}' is geen getal; schrijf {key}: {split[2]}.{name}",
    )


def _unknown_field(where: tuple[Any, ...], name: str, known: Mapping[str, Any]) -> str:
    message = f"veld '{field_name(where + (name,))}' is onbekend"
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    if close:
        return f"{message}. Bedoel je '{close[0]}'?"
    return f"{message}. Mogelijke velden: {', '.join(known)}"


def _custom(error: ValidationError, written: str) -> str | None:
    custom = _schema_of(error).get("x-fout")
    if not isinstance(custom, str):
        return None
    return custom.replace("{waarde}", written)


def _explain(
    error: ValidationError, written: str, suggest: Callable[[str], str | None] | None
) -> str:
    """The Dutch text for one schema error on one value."""
    kind = error.validator
    if kind == "enum":
        return _unknown_value(written, _rule(error), suggest)
    if kind in ("pattern", "type", "anyOf", "minItems", "maxItems") and _custom(error, written):
        return _custom(error, written) or ""
    if kind == "type":
        return f"'{written}' moet {_type_words(_rule(error))} zijn"
    if kind == "minLength":
        return f"'{written}' is te kort: schrijf minstens {_rule(error)} tekens"
    if kind == "maxLength":
        return (
            f"de tekst is te lang ({len(_found(error))} tekens): "
            f"schrijf hoogstens {_rule(error)} tekens"
        )
    if kind == "minimum":
        return f"{written} is te klein: het kleinste getal dat mag is {_rule(error)}"
    if kind == "maximum":
        return f"{written} is te groot: het grootste getal dat mag is {_rule(error)}"
    if kind == "minItems":
        return "de lijst is leeg: kies er minstens één"
    if kind == "maxItems":
        return f"de lijst is te lang: hoogstens {_rule(error)}"
    if kind == "uniqueItems":
        return f"{written}: een waarde staat er twee keer in; haal er één weg"
    return f"'{written}' klopt niet"


def _type_words(expected: str | list[str]) -> str:
    names = [expected] if isinstance(expected, str) else expected
    return " of ".join(_TYPE_WORDS.get(name, name) for name in names)


def _unknown_value(
    written: str, allowed: list[Any], suggest: Callable[[str], str | None] | None
) -> str:
    """'blind' is geen bekende waarde. Bedoel je 'visueel'? Kies uit: ..."""
    message = f"'{written}' is geen bekende waarde."
    guess = suggest(written) if suggest else None
    if guess is None:
        close = difflib.get_close_matches(written, [str(a) for a in allowed], n=1, cutoff=0.7)
        guess = close[0] if close else None
    if guess is not None and guess in allowed:
        message += f" Bedoel je '{guess}'?"
    return f"{message} Kies uit: {', '.join(str(a) for a in allowed)}"
