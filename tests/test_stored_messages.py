"""Messages as plain data (eacheck.i18n.stored): the cache of checked files keeps them that way,
rebuilds them exactly, and builds nothing else from a crafted entry."""

from __future__ import annotations

import marshal
from datetime import date

import pytest

from eacheck import api, i18n
from eacheck.i18n import Message, formats, msg, msg_n, stored
from eacheck.loading import pipeline
from eacheck.loading.file_checks import CheckedFile, check_file

EVERY_VALUE = msg(
    "{subject} {n} {money} {share} {either} {ids} {country} {chain} {day} {flag} {nothing} {ratio} {many} {set}",
    subject=msg("'{key}' in {subject}", key="lifecycle.status", subject=msg("system '{id}'", id="ekonomi")),
    n=formats.Number(1234.5, 1, signed=True),
    money=formats.Money(1_200_000, "SEK", signed=False),
    share=formats.Percent(0.47, 1),
    either=formats.Either((msg("a list"), "text")),
    ids=formats.Quoted(("a", "b"), style="or"),
    country=formats.Country("US"),
    chain=formats.Chain(("a", "b", "a")),
    named=formats.Named("p", (("sv", "Moln"), ("en", "Cloud"))),
    day=date(2026, 11, 27),
    flag=True,
    nothing=None,
    ratio=0.5,
    many=(msg_n("{n} more place", "{n} more places", 2), "x"),
    set=frozenset({"b", "a"}),
)


def test_every_formatted_type_can_be_stored():
    """A new kind of formatted value must be added to the whitelist, or the cache cannot hold it."""
    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    # (a dataclass with slots is a new class: the one the module names is the one in use)
    in_use = {cls for cls in subclasses(formats.Formatted) if getattr(formats, cls.__name__, None) is cls}
    assert set(stored.FORMATTED.values()) == in_use
    used = {type(value) for _, value in EVERY_VALUE.values}
    assert set(stored.FORMATTED.values()) <= used  # and the round trip below holds each of them


def test_a_message_survives_marshal_and_renders_the_same_in_both_languages():
    plain = stored.dump(EVERY_VALUE)
    back = stored.load(marshal.loads(marshal.dumps(plain)))
    assert back == EVERY_VALUE
    for language in i18n.LANGUAGES:
        assert back.render(language) == EVERY_VALUE.render(language)
    assert "1\u00a0200\u00a0000\u00a0kr" in back.render("sv") and "United States" in back.render("en")


def test_a_value_no_message_holds_is_not_stored():
    with pytest.raises(TypeError):
        stored.dump(msg("{x}", x=object()))
    with pytest.raises(TypeError):
        stored.dump(msg("{x}", x=date.today))


GOOD = stored.dump(msg("{n} and {v}", n=formats.Number(1), v="x"))


@pytest.mark.parametrize("crafted", [
    ("F", "Path", ("/etc/passwd",)),                       # a class that is not on the list
    ("F", "Message", ("text", (), None, 0)),               # not even eacheck's own other classes
    ("F", "Number", ("1",)),                               # a field of the wrong type
    ("F", "Number", (1, 0, False, "extra")),               # too many fields
    ("F", "Money", (True, "SEK", False)),                  # a bool is no amount
    ("M", "text", [("n", 1)], None, 0),                    # a list where a tuple belongs
    ("M", "text", (("n", 1, 2),), None, 0),                # a value that is not a pair
    ("M", "text", ((1, 1),), None, 0),                     # a name that is not text
    ("M", b"text", (), None, 0),                           # bytes for the text
    ("M", "text", (), None, 0, "extra"),                   # too long
    ("M", "text", (), 7, 0),                               # a plural that is not text
    ("D", "2026-13-45"),                                   # no date
    ("X", "anything"),                                     # an unknown tag
    ("T", ["a"]),                                          # a list for a tuple
    "just text",                                           # not a message at all
    ("T", ("a",)),                                         # a tuple, not a message
])
def test_a_crafted_stored_message_is_refused(crafted):
    with pytest.raises(ValueError):
        stored.load(crafted)


def test_nesting_past_any_real_message_is_refused():
    deep = GOOD
    for _ in range(stored.MAX_DEPTH + 2):
        deep = ("M", "{m}", (("m", deep),), None, 0)
    with pytest.raises(ValueError):
        stored.load(deep)


def test_the_code_leaves_out_named_values_at_every_depth_and_not_the_language():
    def located(line: int, hint: str | None) -> Message:
        where = msg("{kind} in {file}:{line}", kind=msg("a system"), file="a.yaml", line=line)
        return msg("the id '{id}' is used by {others}; {suggestion}", id="x", others=(where,), suggestion=hint)

    leave_out = frozenset({"line", "suggestion"})
    assert stored.code(located(3, "a"), leave_out) == stored.code(located(30, "b"), leave_out)
    assert stored.code(located(3, "a")) != stored.code(located(30, "a"))
    with i18n.using("sv"):
        swedish = stored.code(located(3, "a"), leave_out)
    with i18n.using("en"):
        assert stored.code(located(3, "a"), leave_out) == swedish
    assert "a.yaml" in swedish and "3" not in swedish.replace("a.yaml", "")


def test_a_checked_file_crosses_the_cache_whole():
    checked = check_file("architecture/x.yaml", b"kind: system\nid: x\nname: X\nlifecylce: 1\nname: Y\n", "architecture")
    assert checked.problems and all(isinstance(problem.message, Message) for problem in checked.problems)
    back = CheckedFile.from_tuple(marshal.loads(marshal.dumps(checked.to_tuple())))
    assert back.problems == checked.problems


BROKEN = "kind: system\nid: trasig\nname: Trasig\nowner: ks\nsytem_owner: X\ncapabilities: [ekonomi]\nlifecycle: {status: active}\n"


@pytest.mark.parametrize("message", [
    ("F", "Path", ("/etc/passwd",)),
    ("M", "{x}", (("x", ("F", "os.system", ("touch PWNED",))),), None, 0),
    "an old cache's English text",
])
def test_a_cached_problem_with_a_crafted_message_is_a_miss(message, repository, tmp_path, monkeypatch):
    """The entry stands for the exact bytes of the file and has the right shape, but its message
    is not one eacheck stored: the file is checked again, and its real problem reported."""
    root = repository({"architecture/broken.yaml": BROKEN})
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("EACHECK_CACHE_DIR", str(cache_dir))
    monkeypatch.setattr(pipeline, "_digest", lambda data: "0" * 32)
    cache = pipeline._Cache(cache_dir, f"tree:{root.resolve()}")
    cache.put("architecture/broken.yaml", "0" * 32,
              ("architecture/broken.yaml", [], [], [(1, 1, message, "trasig", "system")]))
    cache.save()
    findings = api.validate(root).findings
    assert [f.message.render("en") for f in findings] == [
        "unknown key 'sytem_owner' in system 'trasig'; did you mean 'system_owner'?"]
    assert not (tmp_path / "PWNED").exists()
