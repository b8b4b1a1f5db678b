"""Machine-checkable PDF/UA-1 checkpoints (Matterhorn Protocol 1.1), read with pikepdf.

Each check returns a list of problems (empty: passed). Checkpoints covered, by Matterhorn
number: 01-003/01-004/01-005 (content tagged or artifact, never one inside the other),
01-006/02-001 (standard structure types, no role map needed), 06-001/06-002/06-003 (XMP,
dc:title, pdfuaid:part), 07-001 (DisplayDocTitle), 11-006 (/Lang), 13-004 (Figure /Alt),
14-002/14-003 (first heading H1, no skipped level), 15-003 (TH with Scope), 28-002/28-004/
28-005/28-011 (annotations: OBJR in a Link/Form element, /Contents on links, /TU on fields),
28-010 (widgets in Form), 31-* (fonts embedded, form fields included), ISO 32000-1 §14.7.4.4
(every MCID in the ParentTree exactly once, pointing at the element that holds it), §14.7 and
PDF/UA §7.18.3 (/Tabs /S on pages with annotations).
"""

from __future__ import annotations

from collections import Counter
from io import BytesIO

import pikepdf

STANDARD_TYPES = frozenset((
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT",
    "WP", "Figure", "Formula", "Form"))
"""ISO 32000-1 §14.8.4 standard structure types."""
TEXT_OPERATORS = frozenset({"Tj", "TJ", "'", '"'})


def open_pdf(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(BytesIO(data))


def elements(pdf: pikepdf.Pdf):
    """Every structure element, depth first in reading order."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    todo = list(reversed(_kids(root)))
    while todo:
        node = todo.pop()
        if isinstance(node, pikepdf.Dictionary) and "/S" in node:
            yield node
            todo.extend(reversed(_kids(node)))


def _kids(node) -> list:
    kids = node.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def check_catalog(pdf: pikepdf.Pdf) -> list[str]:
    problems = []
    root = pdf.Root
    if "/StructTreeRoot" not in root:
        problems.append("no StructTreeRoot")
    if not root.get("/MarkInfo", {}).get("/Marked", False):
        problems.append("MarkInfo /Marked is not true")
    if not str(root.get("/Lang", "")).strip():
        problems.append("no /Lang")
    if not root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False):
        problems.append("DisplayDocTitle is not true")
    if "/Metadata" not in root:
        return [*problems, "no XMP metadata"]
    xmp = root.Metadata.read_bytes().decode("utf-8")
    if "<pdfuaid:part>1</pdfuaid:part>" not in xmp:
        problems.append("XMP has no pdfuaid:part 1")
    if "<dc:title>" not in xmp:
        problems.append("XMP has no dc:title")
    return problems


def check_content(pdf: pikepdf.Pdf) -> list[str]:
    """Text and XObjects inside marked content; artifacts and tagged content never nested;
    each MCID used once per page."""
    problems = []
    for number, page in enumerate(pdf.pages, start=1):
        stack: list[str] = []  # "artifact", "tagged" or "other" per open sequence
        mcids: Counter[int] = Counter()
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                kind = "artifact" if str(operands[0]) == "/Artifact" else "other"
                if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary) \
                        and "/MCID" in operands[1]:
                    kind = "tagged"
                    mcids[int(operands[1].MCID)] += 1
                inside = set(stack)
                if kind == "tagged" and "artifact" in inside or \
                        kind == "artifact" and "tagged" in inside:
                    problems.append(f"page {number}: {kind} content nested in the other kind")
                stack.append(kind)
            elif op == "EMC":
                if not stack:
                    problems.append(f"page {number}: EMC without BDC/BMC")
                else:
                    stack.pop()
            elif (op in TEXT_OPERATORS or op == "Do") and not {"artifact", "tagged"} & set(stack):
                problems.append(f"page {number}: {op} neither tagged nor an artifact")
        if stack:
            problems.append(f"page {number}: marked content left open")
        problems += [f"page {number}: MCID {m} used {n} times" for m, n in mcids.items() if n > 1]
        page.obj["/_mcids"] = pikepdf.Array(sorted(mcids))  # for check_parent_tree
    return problems


def check_parent_tree(pdf: pikepdf.Pdf) -> list[str]:
    """Every MCID of every page maps, through the ParentTree, to the element that holds it;
    every MCID an element holds is in the page's content (run after check_content)."""
    problems = []
    tree = pdf.Root.StructTreeRoot.ParentTree
    nums = list(tree.get("/Nums", []))
    table = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    held: Counter[tuple[int, int]] = Counter()
    pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
    for element in elements(pdf):
        for kid in _kids(element):
            if isinstance(kid, int):
                held[(pages[element.Pg.objgen], kid)] += 1
            elif isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/MCR":
                held[(pages[kid.Pg.objgen], int(kid.MCID))] += 1
    for n, page in enumerate(pdf.pages):
        used = [int(m) for m in page.obj.get("/_mcids", [])]
        if not used:
            continue
        if "/StructParents" not in page.obj:
            problems.append(f"page {n + 1}: marked content but no /StructParents")
            continue
        array = table.get(int(page.obj.StructParents))
        for mcid in used:
            if held[(n, mcid)] != 1:
                problems.append(f"page {n + 1}: MCID {mcid} held by {held[(n, mcid)]} elements")
            if array is None or mcid >= len(array) or not isinstance(array[mcid],
                                                                      pikepdf.Dictionary):
                problems.append(f"page {n + 1}: MCID {mcid} not in the ParentTree")
                continue
            owner = array[mcid]
            if mcid not in [k for k in _kids(owner) if isinstance(k, int)] and not any(
                    isinstance(k, pikepdf.Dictionary) and k.get("/MCID") == mcid
                    for k in _kids(owner)):
                problems.append(f"page {n + 1}: ParentTree sends MCID {mcid} elsewhere")
    for n, mcid in held:
        if mcid not in [int(m) for m in pdf.pages[n].obj.get("/_mcids", [])]:
            problems.append(f"page {n + 1}: an element holds MCID {mcid}, absent from the page")
    return problems


def check_elements(pdf: pikepdf.Pdf) -> list[str]:
    """Standard or role-mapped types, headings without skips, Figure /Alt, TH /Scope, tables
    of rows."""
    problems = []
    last = 0
    role_map = pdf.Root.StructTreeRoot.get("/RoleMap", {})
    for element in elements(pdf):
        role = str(element.S)[1:]
        for _ in range(8):  # a role map may chain, never loop
            if role in STANDARD_TYPES or "/" + role not in role_map:
                break
            role = str(role_map["/" + role])[1:]
        if role not in STANDARD_TYPES:
            problems.append(f"non-standard structure type {role}")
        if len(role) == 2 and role[0] == "H" and role[1].isdigit():
            level = int(role[1])
            if level > last + 1:
                problems.append(f"heading H{level} after H{last}")
            last = level
        if role == "Figure" and not str(element.get("/Alt", "")).strip():
            problems.append("Figure without /Alt")
        attributes = element.get("/A")
        attributes = list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes]
        if role == "TH" and not any(isinstance(a, pikepdf.Dictionary) and "/Scope" in a
                                    for a in attributes):
            problems.append("TH without /Scope")
        if role == "Table":  # Matterhorn 15-001/15-002: a regular grid of cells
            widths = {len(_kids(row)) for row in _kids(element)}
            if len(widths) > 1:
                problems.append(f"table rows of {sorted(widths)} cells")
        if role in ("Table", "TR", "L", "TOC"):
            wanted = {"Table": {"/TR", "/THead", "/TBody", "/TFoot"}, "TR": {"/TH", "/TD"},
                      "L": {"/LI", "/L", "/Caption"}, "TOC": {"/TOCI", "/TOC", "/Caption"}}[role]
            for kid in _kids(element):
                if not (isinstance(kid, pikepdf.Dictionary) and str(kid.get("/S")) in wanted):
                    problems.append(f"{role} holds something other than {sorted(wanted)}")
    return problems


def check_annotations(pdf: pikepdf.Pdf) -> list[str]:
    """Links and widgets: in a Link/Form element by OBJR, described, /Tabs /S on the page."""
    problems = []
    owners: dict[tuple, str] = {}
    for element in elements(pdf):
        for kid in _kids(element):
            if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR":
                owners[kid.Obj.objgen] = str(element.S)
    for n, page in enumerate(pdf.pages, start=1):
        annots = page.obj.get("/Annots", [])
        if len(annots) and page.obj.get("/Tabs") != "/S":
            problems.append(f"page {n}: annotations but no /Tabs /S")
        for annot in annots:
            subtype = str(annot.get("/Subtype"))
            want = {"/Link": "/Link", "/Widget": "/Form"}.get(subtype)
            if want is None:
                continue
            if owners.get(annot.objgen) != want:
                problems.append(f"page {n}: {subtype} annotation not in a {want} element")
            if "/StructParent" not in annot:
                problems.append(f"page {n}: {subtype} annotation without /StructParent")
            if subtype == "/Link" and not str(annot.get("/Contents", "")).strip():
                problems.append(f"page {n}: link without /Contents")
            if subtype == "/Widget" and not str(annot.get("/TU", "")).strip():
                problems.append(f"page {n}: field without a /TU tooltip")
    return problems


def check_fonts(pdf: pikepdf.Pdf) -> list[str]:
    """Every font anywhere in the file (pages, forms, field appearances, /DR) is embedded."""
    problems = set()
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font" and \
                str(obj.get("/Subtype")) != "/Type3":
            font = obj.DescendantFonts[0] if "/DescendantFonts" in obj else obj
            descriptor = font.get("/FontDescriptor", {})
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                problems.add(f"font {obj.get('/BaseFont')} is not embedded")
    return sorted(problems)


def check_all(data: bytes) -> list[str]:
    """Every check above, on one PDF."""
    pdf = open_pdf(data)
    problems = check_catalog(pdf)
    if problems and "no StructTreeRoot" in problems:
        return problems
    problems += check_content(pdf)
    problems += check_parent_tree(pdf)
    problems += check_elements(pdf)
    problems += check_annotations(pdf)
    problems += check_fonts(pdf)
    return problems


def pdfua_findings(data: bytes, path) -> list[str]:
    """Findings of the `pdfua` checker at warning level or above, and rules it could not run."""
    from pdfua import validate

    path.write_bytes(data)
    report = validate(str(path))
    found = [f"{f.rule_id} {f.severity.name}: {f.message}" for f in report.findings
             if f.severity.name in ("ERROR", "WARNING")]
    return found + [f"{o.rule_id} not run: {o.skipped_reason}" for o in report.skipped]
