"""Tags for reportlab tables: data tables as Table/TR/TH/TD, layout tables as what they show.

A reportlab `Table` calls its render callback (`Table(renderCB=...)`) at the start and end of
the table, of each row and of each cell, and passes it on to the pieces of a split table.
These callbacks open the matching structure elements (ISO 32000-1 §14.8.4.3.4 table elements,
§14.8.4.3.3 list elements) while the cells draw; backgrounds and grid lines stay artifacts.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass, field

from nlmg_packs.render.pdf_tagged_flowables import list_body
from nlmg_packs.render.pdf_tags import group, hidden


@dataclass
class TableTags:
    """A render callback tagging a table as it draws.

    `role`: the element around the whole table (Table, BlockQuote, Div, LI, TOC) or None;
    `outer`: an element around that one, continued from the previous table when it ends the
    current element (L around consecutive questions); `row`: the element of each row (TR,
    TOCI) or None; `cells`: the element of each column's cell (TD, Lbl, LBody, Reference) or
    None for content straight in the row; `header_rows`: rows of TH (Scope Column), drawn as
    artifacts when repeated on a later page; `key`: the table's element is continued across
    the pieces of a split table; `cell_keys`: a name per column under which its element is
    recorded (a question's LBody, which its answer space joins); `item`: the key of the
    question whose list item the whole table is drawn in (`list_body`: a quotation that
    introduces it, a teacher's note after it).
    """

    role: str | None = None
    outer: str | None = None
    row: str | None = None
    cells: tuple[str | None, ...] | str | None = None
    header_rows: int = 0
    key: str | None = None
    cell_keys: tuple[str | None, ...] = ()
    item: str | None = None
    _table: ExitStack = field(default_factory=ExitStack)
    _row: ExitStack = field(default_factory=ExitStack)
    _cell: ExitStack = field(default_factory=ExitStack)
    _headers_drawn: bool = False

    def __call__(self, table, event: str, *args) -> None:
        canv = table.canv
        if event == "startTable":
            if self.item:
                self._table.enter_context(list_body(canv, self.item))
            if self.outer:
                self._table.enter_context(group(canv, self.outer, join=True))
            if self.role:
                self._table.enter_context(group(canv, self.role, key=self.key))
        elif event == "startRow":
            self._start_row(canv, args[0])
        elif event == "startCell":
            self._start_cell(canv, args[0], args[1])
        elif event == "endCell":
            self._cell.close()
        elif event == "endRow":
            self._row.close()
        elif event == "endTable":
            self._table.close()

    def _start_row(self, canv, row: int) -> None:
        if row < self.header_rows:
            if self._headers_drawn:
                self._row.enter_context(hidden(canv))
                return
            if row == self.header_rows - 1:
                self._headers_drawn = True
        if self.row:
            self._row.enter_context(group(canv, self.row))

    def _start_cell(self, canv, row: int, col: int) -> None:
        if row < self.header_rows:
            self._cell.enter_context(group(canv, "TH", Scope="Column"))
            return
        role = self.cells if isinstance(self.cells, str) or self.cells is None else (
            self.cells[col] if col < len(self.cells) else None)
        if role:
            key = self.cell_keys[col] if col < len(self.cell_keys) else None
            self._cell.enter_context(group(canv, role, key=key))


def data_table(key: str, header_rows: int) -> TableTags:
    """A table of data: Table > TR > TH | TD, one Table however many pages it spans."""
    return TableTags(role="Table", row="TR", cells="TD", header_rows=header_rows, key=key)


class PairTags(TableTags):
    """A grid of (label, text) cell pairs, read as a list: L > LI > Lbl, LBody."""

    def __init__(self) -> None:
        super().__init__(role="L")
        self._item = ExitStack()

    def _start_row(self, canv, row: int) -> None:
        pass

    def _start_cell(self, canv, row: int, col: int) -> None:
        if col % 2 == 0:
            self._item.close()
            self._item.enter_context(group(canv, "LI"))
            self._cell.enter_context(group(canv, "Lbl"))
        else:
            self._cell.enter_context(group(canv, "LBody"))

    def __call__(self, table, event: str, *args) -> None:
        if event in ("endRow", "endTable"):
            self._item.close()
        super().__call__(table, event, *args)
