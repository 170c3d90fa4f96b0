"""Long lists split over pages, so that no page grows with the landscape.

A platform carries thousands of integrations, a principle may have thousands of findings, a
large group has thousands of systems: a page that listed them all would be megabytes. Every list
on the site goes through :func:`split`: the first ``PAGE_SIZE`` items stay on the page that owns
the list, the rest go to numbered pages beside it (``system/x.integrations.2.html``; ids hold no
dot, so these names never meet an entity's own page), all in the same folder, each linking to
the first, the last and the few around it (:meth:`Listing.pager`): a pager that linked every
page from every page would grow with the square of the list (a national group's list of
integrations has thousands of pages).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

PAGE_SIZE = 100
# How many pages either side of the current one the pager links to.
PAGER_REACH = 2


@dataclass(frozen=True, slots=True)
class Listing:
    """One page's share of a list."""

    rows: str  # which kind of row the template draws: systems, integrations, findings, ...
    items: Sequence[Any]
    total: int
    number: int  # this page, from 1
    files: tuple[str, ...]  # the file name of every page of the list, the first one first

    @property
    def pages(self) -> int:
        return len(self.files)

    @property
    def first(self) -> int:
        """The position (from 1) of this page's first item in the whole list."""
        return (self.number - 1) * PAGE_SIZE + 1

    def pager(self) -> list[tuple[int, str] | None]:
        """The pages the pager links to, as (number, file): the first, the last, and
        :data:`PAGER_REACH` either side of this one; ``None`` where pages are left out between."""
        shown = sorted({1, self.pages, *range(max(1, self.number - PAGER_REACH),
                                              min(self.pages, self.number + PAGER_REACH) + 1)})
        entries: list[tuple[int, str] | None] = []
        for number in shown:
            if entries and entries[-1] is not None and number > entries[-1][0] + 1:
                entries.append(None)
            entries.append((number, self.files[number - 1]))
        return entries


def split(rows: str, items: Sequence[Any], first_file: str, stem: str) -> list[Listing]:
    """``items`` as pages: the first is in ``first_file``, the others ``<stem>.<n>.html``."""
    chunks = [items[start:start + PAGE_SIZE] for start in range(0, len(items), PAGE_SIZE)] or [items[:0]]
    files = (first_file, *(f"{stem}.{number}.html" for number in range(2, len(chunks) + 1)))
    return [Listing(rows, chunk, len(items), number, files) for number, chunk in enumerate(chunks, 1)]
